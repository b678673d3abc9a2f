package th.raingan.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a Camunda Form lets its user send: the keys of its keyed components (groups walked
 * through), each either editable or display only ({@code readonly: true} or
 * {@code disabled: true}), and its dynamic lists, each a key (its {@code path}) whose
 * value is a list of rows holding only the list's own keyed components. A dynamic list
 * that is itself read-only or disabled, or whose keyed components are all display only,
 * is display only as a whole.
 * <p>
 * Form features the forms do not use and this does not understand (a group's
 * {@code path}, a dotted key) fail the parse, so a form is never half understood.
 */
final class FormFields {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The fields of a task or start event without a form: nothing may be sent. */
	static final FormFields NONE = new FormFields(null, Map.of());

	/** The form's id, or {@code null} for no form. */
	private final String formId;

	/** Top-level keys: a plain field ({@code null}) or a dynamic list (its rows). */
	private final Map<String, Field> fields;

	/** One keyed component. */
	record Field(String key, boolean display, Map<String, Field> rowFields) {

		boolean list() {
			return rowFields != null;
		}

	}

	private FormFields(String formId, Map<String, Field> fields) {
		this.formId = formId;
		this.fields = fields;
	}

	static FormFields parse(byte[] json) {
		JsonNode form;
		try {
			form = JSON.readTree(json);
		}
		catch (IOException ex) {
			throw new IllegalStateException("not a Camunda Form: " + ex.getMessage(), ex);
		}
		String id = form.path("id").asText(null);
		return new FormFields(id == null ? "" : id, fieldsOf(form.path("components"), id));
	}

	/** The fields of a generated form ({@code camunda:formField}): each one editable. */
	static FormFields generated(List<String> ids) {
		Map<String, Field> fields = new LinkedHashMap<>();
		ids.forEach(id -> fields.put(id, new Field(id, false, null)));
		return new FormFields("", fields);
	}

	private static Map<String, Field> fieldsOf(JsonNode components, String formId) {
		Map<String, Field> fields = new LinkedHashMap<>();
		for (JsonNode c : components) {
			String type = c.path("type").asText("");
			boolean display = flag(c, "readonly") || flag(c, "disabled");
			if (type.equals("dynamiclist")) {
				String path = c.path("path").asText(null);
				if (path == null || path.isBlank() || path.contains(".")) {
					throw new IllegalStateException(
							"form " + formId + ": a dynamic list without a plain path (" + path + ")");
				}
				Map<String, Field> rows = fieldsOf(c.path("components"), formId);
				boolean allDisplay = rows.values().stream().allMatch(Field::display);
				put(fields, new Field(path, display || allDisplay, rows), formId);
			}
			else if (c.has("path")) {
				throw new IllegalStateException(
						"form " + formId + ": a " + type + " with a path (" + c.get("path") + ") is not understood");
			}
			else if (c.has("components")) {
				fieldsOf(c.path("components"), formId).values()
					.forEach(f -> put(fields, display ? new Field(f.key(), true, f.rowFields()) : f, formId));
			}
			else if (c.hasNonNull("key") && !type.equals("button")) {
				String key = c.get("key").asText();
				if (key.contains(".")) {
					throw new IllegalStateException(
							"form " + formId + ": a dotted key (" + key + ") is not understood");
				}
				put(fields, new Field(key, display, null), formId);
			}
		}
		return fields;
	}

	/** The same key twice: editable if any occurrence is (form-js submits it then). */
	private static void put(Map<String, Field> fields, Field field, String formId) {
		fields.merge(field.key(), field, (a, b) -> {
			if (a.list() != b.list()) {
				throw new IllegalStateException("form " + formId + ": " + a.key() + " is both a field and a list");
			}
			return a.display() ? b : a;
		});
	}

	/**
	 * A flag set to {@code true}; an expression ({@code "=..."}) may be false at
	 * submission, so the field counts as editable.
	 */
	private static boolean flag(JsonNode component, String name) {
		JsonNode value = component.get(name);
		return value != null && value.isBoolean() && value.booleanValue();
	}

	String formId() {
		return formId;
	}

	/** Editable top-level keys and dynamic lists. */
	Set<String> editable() {
		Set<String> keys = new LinkedHashSet<>();
		fields.values().stream().filter(f -> !f.display()).forEach(f -> keys.add(f.key()));
		return keys;
	}

	/** Display-only keys: dropped from what is sent. */
	Set<String> display() {
		Set<String> keys = new LinkedHashSet<>();
		fields.values().stream().filter(Field::display).forEach(f -> keys.add(f.key()));
		return keys;
	}

	/** The keys a row of a list may hold, or {@code null} if the key is not a list. */
	Set<String> rowKeys(String list) {
		Field field = fields.get(list);
		return field == null || !field.list() ? null : field.rowFields().keySet();
	}

	/**
	 * What sending these keys and values means: the keys to drop (display only) and the
	 * refused keys, each named as the message shows it (a row's extra key as
	 * {@code list[row].key}).
	 */
	Verdict check(Map<String, ?> sent) {
		List<String> dropped = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (Map.Entry<String, ?> e : sent.entrySet()) {
			Field field = fields.get(e.getKey());
			if (field == null) {
				refused.add(e.getKey());
			}
			else if (field.display()) {
				dropped.add(e.getKey());
			}
			else if (field.list()) {
				// a variable map's value as sent (its plain value would deserialize it)
				Object value = sent instanceof VariableMap typed ? typed.getValueTyped(e.getKey()) : e.getValue();
				refused.addAll(rowProblems(field, value));
			}
		}
		return new Verdict(dropped, refused);
	}

	/**
	 * The keys of the list's rows the list does not have. A value that is not a list of
	 * rows carries no keys: what it should have been is the application's to say (its
	 * validators name the field in Thai).
	 */
	private static List<String> rowProblems(Field list, Object value) {
		if (!(plain(value) instanceof Collection<?> all)) {
			return List.of();
		}
		List<String> problems = new ArrayList<>();
		int i = 0;
		for (Object row : all) {
			String at = list.key() + "[" + i + "]";
			if (row instanceof Map<?, ?> cells) {
				for (Map.Entry<?, ?> cell : cells.entrySet()) {
					Field child = list.rowFields().get(String.valueOf(cell.getKey()));
					if (child == null) {
						problems.add(at + "." + cell.getKey());
					}
					else if (child.list()) {
						rowProblems(child, cell.getValue()).forEach(p -> problems.add(at + "." + p));
					}
				}
			}
			i++;
		}
		return problems;
	}

	/**
	 * A variable's value as plain Java: a typed value's value (a serialized one, as
	 * {@code /engine-rest} hands Json and Object values over, parsed as JSON), text and
	 * Spin's JSON parsed as JSON; lists and maps as they are.
	 */
	static Object plain(Object value) {
		Object v = value;
		if (v instanceof SerializableValue serializable && !serializable.isDeserialized()) {
			v = serializable.getValueSerialized();
		}
		else if (v instanceof TypedValue typed) {
			v = typed.getValue();
		}
		if (v == null || v instanceof Collection<?> || v instanceof Map<?, ?> || v instanceof Number
				|| v instanceof Boolean) {
			return v;
		}
		String text = v.toString().strip();
		if (text.startsWith("[") || text.startsWith("{")) {
			try {
				return JSON.readValue(text, Object.class);
			}
			catch (IOException ex) {
				return v;
			}
		}
		return v;
	}

	/** What a submission of a form means. */
	record Verdict(List<String> dropped, List<String> refused) {

	}

}
