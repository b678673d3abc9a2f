package th.raingan.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.camunda.bpm.engine.impl.ModificationBuilderImpl;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What a command of the engine carries into a task completion or a process start: the
 * task or the process definition, and the variables, read from the command's fields where
 * the engine has no getter ({@code CommandVariablesTest} fails if a field is renamed or
 * removed; the fields are looked up when this class loads, so the application also fails
 * to start rather than run unguarded).
 */
final class CommandVariables {

	private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId");

	private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");

	private static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId");

	private static final Field SUBMIT_PROPERTIES = field(SubmitTaskFormCmd.class, "properties");

	private static final Field START_FORM_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId");

	private static final Field START_FORM_VARIABLES = field(SubmitStartFormCmd.class, "variables");

	private static final Field START = field(StartProcessInstanceCmd.class, "instantiationBuilder");

	private static final Field START_AT = field(StartProcessInstanceAtActivitiesCmd.class, "instantiationBuilder");

	private static final Field BPMN_ERROR_TASK = field(HandleTaskBpmnErrorCmd.class, "taskId");

	private static final Field ESCALATION_TASK = field(HandleTaskEscalationCmd.class, "taskId");

	private static final Field CORRELATION = field(AbstractCorrelateMessageCmd.class, "builder");

	private static final Field SIGNAL = field(SignalEventReceivedCmd.class, "builder");

	private static final Field MODIFICATION = field(ModifyProcessInstanceCmd.class, "builder");

	private static final Field BATCH_MODIFICATION = field(AbstractModificationCmd.class, "builder");

	private CommandVariables() {
	}

	/** How the engine's REST resource for a kind of command maps a failure. */
	enum Kind {

		/** Complete and submit-form: the form validation failure is a 400. */
		COMPLETE,

		/** Resolve: the engine's bad request is a 400. */
		RESOLVE,

		/** Start (not submit-form): every engine failure is a 500. */
		START,

		/** Submit a start form: the form validation failure is a 400. */
		START_FORM

	}

	/** What a command carries. */
	sealed interface Carried permits Task, Start, EndsTask, Payload {

	}

	/**
	 * Variables for a task (complete, submit-form, resolve); {@code replace} puts the
	 * variables to use instead.
	 */
	record Task(Kind kind, String taskId, Map<String, Object> variables,
			Consumer<Map<String, Object>> replace) implements Carried {

	}

	/**
	 * Variables for a new instance, of a definition by id or by the builder's key;
	 * {@code others} are the variables of start instructions (no form asks them).
	 */
	record Start(Kind kind, String processDefinitionId, ProcessInstantiationBuilderImpl builder,
			Map<String, Object> variables, Consumer<Map<String, Object>> replace,
			List<Map<String, Object>> others) implements Carried {

	}

	/** BPMN error or escalation thrown from a task: ends or diverts it. */
	record EndsTask(String taskId, String what) implements Carried {

	}

	/**
	 * Variables no form asks for: a message's or a signal's payload, an instance
	 * modification's.
	 */
	record Payload(String what, List<Map<String, Object>> variables) implements Carried {

	}

	/** What the command carries, or empty for a command that carries no variables in. */
	static Optional<Carried> of(Command<?> command) {
		if (command instanceof CompleteTaskCmd complete) {
			return Optional.of(new Task(complete instanceof ResolveTaskCmd ? Kind.RESOLVE : Kind.COMPLETE,
					(String) get(COMPLETE_TASK, complete), map(get(COMPLETE_VARIABLES, complete)),
					v -> set(COMPLETE_VARIABLES, complete, v)));
		}
		if (command instanceof SubmitTaskFormCmd submit) {
			return Optional.of(new Task(Kind.COMPLETE, (String) get(SUBMIT_TASK, submit),
					map(get(SUBMIT_PROPERTIES, submit)), v -> set(SUBMIT_PROPERTIES, submit, typed(v))));
		}
		if (command instanceof SubmitStartFormCmd submit) {
			return Optional.of(new Start(Kind.START_FORM, (String) get(START_FORM_DEFINITION, submit), null,
					map(get(START_FORM_VARIABLES, submit)), v -> set(START_FORM_VARIABLES, submit, typed(v)),
					List.of()));
		}
		if (command instanceof StartProcessInstanceCmd start) {
			return Optional.of(start((ProcessInstantiationBuilderImpl) get(START, start)));
		}
		if (command instanceof StartProcessInstanceAtActivitiesCmd start) {
			return Optional.of(start((ProcessInstantiationBuilderImpl) get(START_AT, start)));
		}
		if (command instanceof HandleTaskBpmnErrorCmd error) {
			return Optional.of(new EndsTask((String) get(BPMN_ERROR_TASK, error), "bpmnError"));
		}
		if (command instanceof HandleTaskEscalationCmd escalation) {
			return Optional.of(new EndsTask((String) get(ESCALATION_TASK, escalation), "bpmnEscalation"));
		}
		if (command instanceof AbstractCorrelateMessageCmd correlation) {
			MessageCorrelationBuilderImpl builder = (MessageCorrelationBuilderImpl) get(CORRELATION, correlation);
			return Optional.of(new Payload("message " + builder.getMessageName(),
					nonNull(builder.getPayloadProcessInstanceVariables(),
							builder.getPayloadProcessInstanceVariablesLocal(),
							builder.getPayloadProcessInstanceVariablesToTriggeredScope())));
		}
		if (command instanceof SignalEventReceivedCmd signal) {
			SignalEventReceivedBuilderImpl builder = (SignalEventReceivedBuilderImpl) get(SIGNAL, signal);
			return Optional.of(new Payload("signal " + builder.getSignalName(), nonNull(builder.getVariables())));
		}
		if (command instanceof ModifyProcessInstanceCmd modify) {
			ProcessInstanceModificationBuilderImpl builder = (ProcessInstanceModificationBuilderImpl) get(MODIFICATION,
					modify);
			List<Map<String, Object>> all = new ArrayList<>(nonNull(builder.getProcessVariables()));
			all.addAll(instructionVariables(builder.getModificationOperations()));
			return Optional.of(new Payload("modification", all));
		}
		if (command instanceof AbstractModificationCmd<?> modify) {
			ModificationBuilderImpl builder = (ModificationBuilderImpl) get(BATCH_MODIFICATION, modify);
			return Optional.of(new Payload("modification", instructionVariables(builder.getInstructions())));
		}
		return Optional.empty();
	}

	private static Start start(ProcessInstantiationBuilderImpl builder) {
		Map<String, Object> variables = builder.getModificationBuilder().getProcessVariables();
		return new Start(Kind.START, builder.getProcessDefinitionId(), builder, map(variables), v -> {
			variables.clear();
			variables.putAll(v);
		}, instructionVariables(builder.getModificationBuilder().getModificationOperations()));
	}

	private static List<Map<String, Object>> instructionVariables(
			Collection<? extends AbstractProcessInstanceModificationCommand> instructions) {
		List<Map<String, Object>> all = new ArrayList<>();
		if (instructions != null) {
			for (AbstractProcessInstanceModificationCommand instruction : instructions) {
				if (instruction instanceof AbstractInstantiationCmd instantiation) {
					all.addAll(nonNull(instantiation.getVariables(), instantiation.getVariablesLocal()));
				}
			}
		}
		return all;
	}

	@SafeVarargs
	private static List<Map<String, Object>> nonNull(Map<String, Object>... maps) {
		List<Map<String, Object>> all = new ArrayList<>();
		for (Map<String, Object> map : maps) {
			if (map != null) {
				all.add(map);
			}
		}
		return all;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value == null ? Map.of() : (Map<String, Object>) value;
	}

	/**
	 * The variables kept, as a map of the command's own type: a variable map keeps each
	 * value's type as sent.
	 */
	private static VariableMap typed(Map<String, Object> variables) {
		VariableMap kept = Variables.createVariables();
		if (variables instanceof VariableMap typed) {
			typed.keySet().forEach(key -> kept.putValueTyped(key, typed.getValueTyped(key)));
		}
		else {
			kept.putAll(variables);
		}
		return kept;
	}

	/** The variables without the given keys, of the same kind of map. */
	static Map<String, Object> without(Map<String, Object> variables, Collection<String> keys) {
		Map<String, Object> kept = variables instanceof VariableMap ? typed(variables) : new LinkedHashMap<>(variables);
		kept.keySet().removeAll(keys);
		return kept;
	}

	private static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException("the engine's " + type.getSimpleName() + " has no field " + name
					+ ": the form guard cannot read what it carries", ex);
		}
	}

	private static Object get(Field field, Object command) {
		try {
			return field.get(command);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void set(Field field, Object command, Object value) {
		try {
			field.set(command, value);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
