package th.raingan.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.rest.exception.RestException;

import jakarta.ws.rs.core.Response.Status;

import th.raingan.engine.CommandVariables.Carried;
import th.raingan.engine.CommandVariables.EndsTask;
import th.raingan.engine.CommandVariables.Kind;
import th.raingan.engine.CommandVariables.Payload;
import th.raingan.engine.CommandVariables.Start;
import th.raingan.engine.CommandVariables.Task;

/**
 * A completion or a start may set only what its form asks (registered by
 * {@link FormGuardPlugin}). For a command a signed-in user issues (Tasklist,
 * {@code /engine-rest}, the application's own endpoints), before it runs:
 * <ul>
 * <li>completing, submitting or resolving a task, starting a process or submitting its
 * start form: every key sent must be an editable keyed component of the task's (the start
 * event's) deployed Camunda Form, a dynamic list's value a list of rows holding only the
 * list's keyed components; a display-only (read-only or disabled) key is dropped, so it
 * has no effect; any other key is refused and nothing is written. A task or start event
 * without a form takes no keys.</li>
 * <li>a BPMN error or escalation thrown from a task is refused: the process decides how a
 * task ends, not its candidate.</li>
 * <li>a message's or a signal's payload and an instance modification's variables are
 * refused: no form asks them.</li>
 * </ul>
 * Commands issued from inside another command (a delegate starting a process, a listener
 * correlating a message) and commands without a signed-in user (the engine's jobs, work
 * done {@link AsEngine as the engine}) are the server's own and are not looked at. The
 * administrator is held to the same rules.
 */
class FormGuard extends CommandInterceptor {

	static final String REFUSED = "ส่งข้อมูลนี้กับแบบฟอร์มไม่ได้: ";

	/** How deep in nested commands this thread is: 0 outside any. */
	private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

	/** Parsed forms, by form definition id or deployment and resource. */
	private final Map<String, FormFields> forms = new ConcurrentHashMap<>();

	@Override
	public <T> T execute(Command<T> command) {
		int[] level = depth.get();
		boolean topLevel = level[0] == 0;
		level[0]++;
		try {
			if (topLevel) {
				guard(command);
			}
			return next.execute(command);
		}
		finally {
			level[0]--;
			if (topLevel) {
				depth.remove();
			}
		}
	}

	private void guard(Command<?> command) {
		CommandContext context = Context.getCommandContext();
		Authentication user = context == null ? null : context.getAuthentication();
		if (user == null || user.getUserId() == null) {
			return;
		}
		CommandVariables.of(command).ifPresent(carried -> guard(context, carried));
	}

	private void guard(CommandContext context, Carried carried) {
		if (carried instanceof Task task) {
			TaskEntity entity = context.getTaskManager().findTaskById(task.taskId());
			if (entity != null) {
				FormData form = entity.getTaskDefinition() == null ? null
						: context.runWithoutAuthorization(new GetTaskFormCmd(task.taskId()));
				keep(context, task.kind(), form, "งานนี้", task.variables(), List.of(), task.replace());
			}
		}
		else if (carried instanceof Start start) {
			String definition = start.processDefinitionId() != null ? start.processDefinitionId()
					: context.runWithoutAuthorization(new GetDeployedProcessDefinitionCmd(start.builder(), false))
						.getId();
			FormData form = context.runWithoutAuthorization(new GetStartFormCmd(definition));
			keep(context, start.kind(), form, "การเริ่มกระบวนการนี้", start.variables(), start.others(),
					start.replace());
		}
		else if (carried instanceof EndsTask ends) {
			throw new BadUserRequestException("จบงานด้วย " + ends.what()
					+ " ไม่ได้: งานจบได้โดยส่งแบบฟอร์มของงานเท่านั้น กระบวนการเป็นผู้กำหนดว่าจะไปทางใดต่อ");
		}
		else if (carried instanceof Payload payload) {
			List<String> keys = new ArrayList<>();
			payload.variables().forEach(v -> keys.addAll(v.keySet()));
			if (!keys.isEmpty()) {
				throw new BadUserRequestException("ส่งข้อมูลนี้ไม่ได้: " + String.join(", ", keys) + " ("
						+ payload.what() + " ไม่มีแบบฟอร์มให้กรอก)");
			}
		}
	}

	/**
	 * Refuses what the form does not ask, drops what it only shows, and hands the command
	 * the rest.
	 */
	private void keep(CommandContext context, Kind kind, FormData form, String what, Map<String, Object> sent,
			List<Map<String, Object>> others, java.util.function.Consumer<Map<String, Object>> replace) {
		FormFields fields = fields(context, form);
		FormFields.Verdict verdict = fields.check(sent);
		List<String> refused = new ArrayList<>(verdict.refused());
		others.forEach(o -> refused.addAll(o.keySet()));
		if (!refused.isEmpty()) {
			String why = fields == FormFields.NONE ? what + "ไม่มีแบบฟอร์มให้กรอก"
					: "แบบฟอร์ม " + fields.formId() + " ไม่มีช่อง" + (refused.size() == 1 ? "นี้" : "เหล่านี้");
			throw refusal(kind, refused, REFUSED + String.join(", ", refused) + " (" + why + ")");
		}
		if (!verdict.dropped().isEmpty()) {
			replace.accept(CommandVariables.without(sent, verdict.dropped()));
		}
	}

	/**
	 * The failure each REST resource answers with a 400: complete, submit-form and the
	 * start form's submit-form catch the form validation failure (Tasklist shows it over
	 * the form); resolve passes the engine's bad request on as a 400; start answers every
	 * engine failure with a 500, so it is given the REST layer's own 400.
	 */
	private static RuntimeException refusal(Kind kind, List<String> keys, String message) {
		return switch (kind) {
			case COMPLETE, START_FORM -> new FormFieldValidationException(List.copyOf(keys), message);
			case RESOLVE -> new BadUserRequestException(message);
			case START -> new RestException(Status.BAD_REQUEST, message);
		};
	}

	private FormFields fields(CommandContext context, FormData form) {
		if (form == null) {
			return FormFields.NONE;
		}
		CamundaFormRef ref = form.getCamundaFormRef();
		if (ref != null && ref.getKey() != null) {
			CamundaFormDefinition definition = context
				.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, form.getDeploymentId()));
			if (definition == null) {
				return FormFields.NONE;
			}
			return forms.computeIfAbsent(definition.getId(),
					id -> read(context, definition.getDeploymentId(), definition.getResourceName()));
		}
		String key = form.getFormKey();
		String deployed = "camunda-forms:deployment:";
		if (key != null && key.startsWith(deployed)) {
			String resource = key.substring(deployed.length());
			return forms.computeIfAbsent(form.getDeploymentId() + "/" + resource,
					id -> read(context, form.getDeploymentId(), resource));
		}
		if (form.getFormFields() != null && !form.getFormFields().isEmpty()) {
			return FormFields.generated(form.getFormFields().stream().map(FormField::getId).toList());
		}
		return FormFields.NONE;
	}

	private static FormFields read(CommandContext context, String deploymentId, String resource) {
		try (InputStream in = context.runWithoutAuthorization(new GetDeploymentResourceCmd(deploymentId, resource))) {
			return FormFields.parse(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
