package th.raingan.draft;

import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.raingan.engine.AsEngine;
import th.raingan.engine.SignedIn;
import th.raingan.org.People;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportExtension;
import th.raingan.report.ReportValidator;

/**
 * What an officer types in a Tasklist form, kept on the server while they type. A draft
 * is the task's process variables named like the form's fields, the same variables the
 * engine writes when the form is submitted: so Tasklist's form (form-js) shows them as
 * the form's values wherever the task is opened, the server's checks read them on
 * submission, and a returned report comes back with them. Who may save follows the
 * engine's task authorizations: the user must see the task and hold it (be its assignee,
 * with work permission on it); only the keys of the task's own deployed form are written,
 * never the variables that route the process.
 */
@Service
public class Drafts {

	/**
	 * When and by whom the draft was last saved (process variables, beside the values).
	 */
	public static final String SAVED_AT = "draftSavedAt";

	public static final String SAVED_BY = "draftSavedBy";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TaskService tasks;

	private final FormService forms;

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final People people;

	private final List<DraftListener> listeners;

	private final Map<String, FormKeys> formKeys = new ConcurrentHashMap<>();

	/**
	 * The longest text a draft keeps, in any field or row: the longest any submission
	 * takes (an outcome, a reason, a comment).
	 */
	static final int MAX_TEXT = ReportValidator.MAX_TEXT;

	/**
	 * The most rows of each list a submission checks: the report's area rows, and what
	 * the report's extensions declare (the EA3 topics).
	 */
	private final Map<String, Integer> maxRows;

	/** Any other list: the longest a declared list may be. */
	private final int defaultRows;

	/**
	 * A form's variable names: all it binds, and those the user may edit (not read-only,
	 * not disabled), with their labels.
	 */
	record FormKeys(Set<String> all, Set<String> editable, Map<String, String> labels) {

		String label(String key) {
			return labels.getOrDefault(key, key);
		}

	}

	Drafts(TaskService tasks, FormService forms, IdentityService identity, AuthorizationService authorizations,
			People people, List<DraftListener> listeners, List<ReportExtension> extensions) {
		this.tasks = tasks;
		this.forms = forms;
		this.identity = identity;
		this.authorizations = authorizations;
		this.people = people;
		this.listeners = listeners;
		Map<String, Integer> most = new LinkedHashMap<>();
		most.put(DistrictReportProcess.AREAS, ReportValidator.MAX_AREAS);
		extensions.forEach(extension -> most.putAll(extension.maxRows()));
		this.maxRows = Map.copyOf(most);
		this.defaultRows = most.values().stream().mapToInt(Integer::intValue).max().orElse(100);
	}

	/**
	 * When the draft of a task the user can see was last saved, and by whom; empty if
	 * never.
	 */
	public Optional<DraftInfo> info(String taskId) {
		Task task = visibleTask(taskId);
		Map<String, Object> stamp = asSystem(() -> tasks.getVariables(taskId, List.of(SAVED_AT, SAVED_BY)));
		boolean editable = userId().equals(task.getAssignee());
		if (!(stamp.get(SAVED_AT) instanceof Date savedAt)) {
			return Optional.of(new DraftInfo(null, null, null, editable));
		}
		String by = String.valueOf(stamp.get(SAVED_BY));
		return Optional.of(new DraftInfo(savedAt, by, asSystem(() -> people.displayName(by)), editable));
	}

	/**
	 * Saves the values the form holds now (only the form's own fields; a dynamic list as
	 * its rows). Refused with a Thai reason when the user cannot see the task, does not
	 * hold it, or sends a key the form does not have.
	 */
	@Transactional
	public DraftInfo save(String taskId, JsonNode values) {
		Task task = visibleTask(taskId);
		String user = userId();
		if (!user.equals(task.getAssignee())) {
			throw new DraftRefused(409,
					task.getAssignee() == null ? "กรุณากดรับงานก่อนกรอกข้อมูล ร่างยังไม่ได้บันทึก"
							: "งานนี้ " + asSystem(() -> people.displayName(task.getAssignee()))
									+ " รับไว้แล้ว ร่างของท่านไม่ได้บันทึก");
		}
		SignedIn auth = SignedIn.current(identity).orElse(null);
		boolean mayWork = asSystem(() -> authorizations.isUserAuthorized(user, auth.groupIds(),
				TaskPermissions.TASK_WORK, Resources.TASK, taskId));
		if (!mayWork) {
			throw new DraftRefused(403, "ท่านไม่มีสิทธิ์ทำงานนี้ ร่างไม่ได้บันทึก");
		}
		FormKeys form = keysOfForm(task);
		if (values == null || !values.isObject()) {
			throw new DraftRefused(400, "ข้อมูลร่างไม่ถูกต้อง");
		}
		VariableMap variables = Variables.createVariables();
		Map<String, Object> changed = new LinkedHashMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			if (!form.all().contains(field.getKey())) {
				throw new DraftRefused(400,
						"ช่อง \"" + field.getKey() + "\" ไม่อยู่ในแบบฟอร์มของงานนี้ ร่างไม่ได้บันทึก");
			}
			if (!form.editable().contains(field.getKey())) {
				// what the form only shows (the district's values in the province's
				// review) is never written
				continue;
			}
			bounded(form.label(field.getKey()), field.getKey(), field.getValue());
			TypedValue value = typed(field.getValue());
			variables.putValueTyped(field.getKey(), value);
			changed.put(field.getKey(), value.getValue());
		}
		Date now = new Date();
		variables.putValue(SAVED_AT, now);
		variables.putValue(SAVED_BY, user);
		try {
			asSystem(() -> {
				tasks.setVariables(taskId, variables);
				return null;
			});
		}
		catch (OptimisticLockingException ex) {
			throw new DraftRefused(409, "มีการบันทึกร่างนี้พร้อมกันจากที่อื่น ระบบจะบันทึกใหม่อีกครั้ง");
		}
		SavedDraft saved = new SavedDraft(taskId, task.getProcessInstanceId(), task.getTaskDefinitionKey(), user, now,
				changed);
		listeners.forEach(listener -> listener.draftSaved(saved));
		return new DraftInfo(now, user, asSystem(() -> people.displayName(user)), true);
	}

	/**
	 * A value within what its submission takes: each text at most {@link #MAX_TEXT}
	 * characters, a list at most its rows; refused naming the field (nothing is saved).
	 */
	void bounded(String label, String key, JsonNode value) {
		if (value.isArray()) {
			int most = maxRows.getOrDefault(key, defaultRows);
			if (value.size() > most) {
				throw new DraftRefused(400, "\"" + label + "\": มีได้ไม่เกิน " + most + " แถว (ส่งมา " + value.size()
						+ " แถว) ร่างไม่ได้บันทึก");
			}
		}
		texts(label, value);
	}

	private static void texts(String label, JsonNode value) {
		if (value.isTextual() && value.asText().length() > MAX_TEXT) {
			throw new DraftRefused(400, "\"" + label + "\": ยาวเกิน " + MAX_TEXT + " ตัวอักษร (กรอกมา "
					+ value.asText().length() + ") ร่างไม่ได้บันทึก");
		}
		if (value.isContainerNode()) {
			value.forEach(inner -> texts(label, inner));
		}
	}

	/** The draft's stamp as the page shows it. */
	public record DraftInfo(Date savedAt, String savedBy, String savedByName, boolean editable) {

	}

	private Task visibleTask(String taskId) {
		if (SignedIn.current(identity).isEmpty()) {
			throw new DraftRefused(401, "กรุณาเข้าสู่ระบบ");
		}
		// the engine's authorization checks filter this query: a task the user may not
		// read is not found
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw new DraftRefused(404, "ไม่พบงานนี้ หรือท่านไม่มีสิทธิ์เปิดงานนี้");
		}
		return task;
	}

	private String userId() {
		return SignedIn.current(identity).orElseThrow().userId();
	}

	/**
	 * The variable names a task's deployed Camunda Form binds: its fields' keys and its
	 * dynamic lists' paths.
	 */
	FormKeys keysOfForm(Task task) {
		String cacheKey = task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
		FormKeys keys = formKeys.get(cacheKey);
		if (keys != null) {
			return keys;
		}
		JsonNode schema;
		try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
			schema = JSON.readTree(form);
		}
		catch (IOException | RuntimeException ex) {
			throw new DraftRefused(404, "งานนี้ไม่มีแบบฟอร์มให้บันทึกร่าง");
		}
		keys = keysOf(schema);
		formKeys.put(cacheKey, keys);
		return keys;
	}

	/**
	 * The variable names a Camunda Form's schema binds, and those of them the user may
	 * edit.
	 */
	static FormKeys keysOf(JsonNode schema) {
		Set<String> all = new LinkedHashSet<>();
		Set<String> editable = new LinkedHashSet<>();
		Map<String, String> labels = new LinkedHashMap<>();
		collectKeys(schema.path("components"), false, all, editable, labels);
		return new FormKeys(Set.copyOf(all), Set.copyOf(editable), Map.copyOf(labels));
	}

	private static void collectKeys(JsonNode components, boolean shownOnly, Set<String> all, Set<String> editable,
			Map<String, String> labels) {
		for (JsonNode component : components) {
			String type = component.path("type").asText();
			boolean readOnly = shownOnly || shownOnly(component);
			String key = null;
			if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
				// a dynamic list or a group with a path: one variable holding its rows /
				// its fields
				key = root(component.path("path").asText());
				// a list whose every field is read-only is read-only
				readOnly = readOnly || allShownOnly(component.path("components"));
			}
			else if (component.hasNonNull("key") && !"button".equals(type)) {
				key = root(component.path("key").asText());
			}
			if (key != null) {
				all.add(key);
				String label = component.path("label").asText("").strip();
				if (!label.isEmpty()) {
					labels.putIfAbsent(key, label);
				}
				if (!readOnly) {
					editable.add(key);
				}
				continue;
			}
			collectKeys(component.path("components"), readOnly, all, editable, labels);
		}
	}

	private static boolean allShownOnly(JsonNode components) {
		boolean any = false;
		for (JsonNode component : components) {
			if (component.hasNonNull("key") || component.hasNonNull("path")) {
				any = true;
				if (!shownOnly(component)) {
					return false;
				}
			}
		}
		return any;
	}

	/**
	 * A read-only or disabled field (or group), by a fixed flag or by an expression that
	 * may make it so.
	 */
	private static boolean shownOnly(JsonNode component) {
		for (String flag : new String[] { "readonly", "disabled" }) {
			JsonNode value = component.path(flag);
			if (value.isBoolean() ? value.asBoolean() : value.isTextual() && !value.asText().isBlank()) {
				return true;
			}
		}
		return false;
	}

	private static String root(String path) {
		int dot = path.indexOf('.');
		return dot < 0 ? path : path.substring(0, dot);
	}

	/**
	 * A value as the form holds it, typed as Tasklist types it when the form is
	 * submitted.
	 */
	static TypedValue typed(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return Variables.untypedNullValue();
		}
		if (value.isTextual()) {
			return Variables.stringValue(value.asText());
		}
		if (value.isBoolean()) {
			return Variables.booleanValue(value.asBoolean());
		}
		if (value.isIntegralNumber()) {
			return value.canConvertToInt() ? Variables.integerValue(value.asInt())
					: Variables.longValue(value.asLong());
		}
		if (value.isNumber()) {
			return Variables.doubleValue(value.asDouble());
		}
		return SpinValues.jsonValue(value.toString()).create();
	}

	/**
	 * Runs an engine call without the signed-in user's authorization checks, after this
	 * class has made its own check against the engine's task authorizations (a district's
	 * candidate group may work on a task, not set its variables through the engine's
	 * API).
	 */
	private <T> T asSystem(Supplier<T> call) {
		return AsEngine.call(identity, call);
	}

}
