package th.raingan.web;

import java.util.List;
import java.util.Optional;

/**
 * The engine REST calls a signed-in user who is not an administrator may make, through
 * {@code /engine-rest} and through the webapps' engine API
 * ({@code /camunda/api/engine/engine/{name}}): what Tasklist, Cockpit (with the managers'
 * monitor), Camunda Admin's own-profile page and the welcome page call for such users,
 * and the documented API (README). Everything else is the administrator's. This table is
 * the one rule; docs/rest-surface.md renders it ({@code EngineApiSurfaceTest} keeps the
 * two the same) and {@link EngineApiFilter} applies it.
 * <p>
 * A path is the part after the engine (after {@code /engine-rest},
 * {@code /engine-rest/engine/{name}} or {@code /camunda/api/engine/engine/{name}});
 * {@code {x}} stands for one path segment. HEAD is answered as GET, OPTIONS (the links a
 * resource offers, no data) is allowed on every allowed path.
 */
final class EngineApiSurface {

	/** What an allowed call must also satisfy. */
	enum Condition {

		/** Nothing more. */
		NONE("-"),

		/** The body's {@code userId} is the signed-in user. */
		BODY_USER_IS_CALLER("body userId = the caller"),

		/** The path's {@code {userId}} is the signed-in user. */
		PATH_USER_IS_CALLER("{userId} = the caller");

		final String text;

		Condition(String text) {
			this.text = text;
		}

	}

	record Entry(String method, String path, Condition condition, String why) {

		boolean matches(String method, List<String> segments) {
			if (!this.method.equals(method)) {
				return false;
			}
			List<String> pattern = segments(path);
			if (pattern.size() != segments.size()) {
				return false;
			}
			for (int i = 0; i < pattern.size(); i++) {
				String p = pattern.get(i);
				String segment = segments.get(i);
				boolean placeholder = p.startsWith("{") && p.endsWith("}");
				if (placeholder ? !isId(segment) : !p.equals(segment)) {
					return false;
				}
			}
			return true;
		}

		/**
		 * A segment that may stand for an id: not one of the engine's own words at an
		 * id's place ({@code /process-definition/statistics},
		 * {@code /history/process-instance/report}, {@code /task/count}, ...), which an
		 * allowed {@code {id}} must not let through.
		 */
		private static boolean isId(String segment) {
			return !NOT_AN_ID.contains(segment) && !segment.endsWith("-report") && !segment.contains("statistics");
		}

		/** The path segment standing for {@code {name}}. */
		String segment(List<String> segments, String name) {
			return segments.get(segments(path).indexOf("{" + name + "}"));
		}

	}

	/** Words of the engine's paths at an id's place. */
	static final java.util.Set<String> NOT_AN_ID = java.util.Set.of("count", "statistics", "report", "create", "delete",
			"suspended", "key", "duration", "metrics");

	static final List<Entry> ALLOWED = List.of(
			// every webapp's start, the signed-in user's name and groups
			entry("GET", "/engine", "every webapp's first call: the engines list"),
			entry("GET", "/user/{userId}/profile",
					"the user's name in every webapp's header and the welcome page's profile (the engine answers only what the user may READ)"),
			entry("GET", "/identity/groups",
					"the form script (raingan-tasklist.js): is the user in the task's candidate group"),
			entry("POST", "/group", "the welcome page's profile: the user's own groups (the engine filters by READ)"),
			entry("GET", "/group/count", "the welcome page's profile: the user's own groups"),
			// one's own password (the welcome page's profile)
			entry("GET", "/identity/password-policy", "the welcome page's password change: the policy shown"),
			entry("POST", "/identity/password-policy", "the welcome page's password change: the new password checked"),
			entry("PUT", "/user/{userId}/credentials", Condition.PATH_USER_IS_CALLER,
					"the welcome page's password change: one's own password, with the current one"),
			// Tasklist's lists
			entry("GET", "/filter", "Tasklist's filters (งานของฉัน, งานของหน่วยงาน)"),
			entry("GET", "/filter/count", "Tasklist's filters"),
			entry("POST", "/filter/{id}/list", "Tasklist's task list"),
			entry("GET", "/task",
					"task lists: the form script, the API (README); the engine filters by the task's group"),
			entry("GET", "/task/count", "task counts: Cockpit's start page, the API"),
			// one task: read, take, work, complete
			entry("GET", "/task/{id}", "a task's header (Tasklist, the form script, the API)"),
			entry("GET", "/task/{id}/form", "which form a task has (Tasklist)"),
			entry("GET", "/task/{id}/deployed-form", "the task's Camunda Form (Tasklist, the API)"),
			entry("GET", "/task/{id}/form-variables", "the values the form shows (Tasklist, the API)"),
			entry("GET", "/task/{id}/variables", "the task's values, read only (the API)"),
			entry("GET", "/task/{id}/variables/{name}", "one value, read only (the API)"),
			entry("GET", "/task/{id}/identity-links",
					"the form script: the task's candidate group (Tasklist, the API)"),
			entry("GET", "/task/{id}/comment", "Tasklist's history tab"),
			entry("GET", "/history/user-operation", "Tasklist's history tab"),
			entry("GET", "/history/user-operation/count", "Tasklist's history tab"),
			entry("POST", "/task/{id}/claim", Condition.BODY_USER_IS_CALLER,
					"รับงาน: Tasklist's claim, the reviewer's form opening, the API"),
			entry("POST", "/task/{id}/submit-form", "Tasklist's ส่งข้อมูล"),
			entry("POST", "/task/{id}/complete",
					"completing a task (the API, README); the engine checks the task's group and the form its keys"),
			// starting what a role may start (the engine checks CREATE_INSTANCE)
			entry("GET", "/process-definition", "Tasklist's start list; Cockpit's process names"),
			entry("GET", "/process-definition/count", "Tasklist's start list; Cockpit's start page"),
			entry("GET", "/process-definition/{id}", "Cockpit's instance page: the process"),
			entry("GET", "/process-definition/{id}/xml", "Cockpit's instance page: the diagram"),
			entry("GET", "/process-definition/{id}/startForm", "Tasklist's start: which start form"),
			entry("GET", "/process-definition/{id}/deployed-start-form", "Tasklist's start: the start form"),
			entry("POST", "/process-definition/{id}/submit-form", "Tasklist's start (a KPI plan, a round)"),
			entry("POST", "/process-definition/key/{key}/submit-form",
					"starting a round or a KPI plan (the monitor's เปิดรอบ, the API, README)"),
			// Cockpit: the managers' monitor opens a round's instance (เปิดดูกระบวนงาน)
			entry("POST", "/process-instance", "Cockpit's instance page: the called instances"),
			entry("GET", "/process-instance/{id}", "Cockpit's instance page"),
			entry("GET", "/process-instance/{id}/activity-instances", "Cockpit's instance page: where it is"),
			entry("POST", "/variable-instance", "Cockpit's instance page: its values, read only"),
			entry("POST", "/variable-instance/count", "Cockpit's instance page"),
			entry("GET", "/deployment/count",
					"Cockpit's start page (its counts, hidden from non-administrators, still load)"),
			entry("GET", "/case-definition/count", "Cockpit's start page (hidden counts)"),
			entry("GET", "/decision-definition/count", "Cockpit's start page (hidden counts)"));

	private EngineApiSurface() {
	}

	private static Entry entry(String method, String path, String why) {
		return new Entry(method, path, Condition.NONE, why);
	}

	private static Entry entry(String method, String path, Condition condition, String why) {
		return new Entry(method, path, condition, why);
	}

	/** The allowed entry for a call; HEAD as GET, OPTIONS on any allowed path. */
	static Optional<Entry> find(String method, String path) {
		List<String> segments = segments(path);
		if (method.equals("OPTIONS")) {
			return ALLOWED.stream()
				.filter(e -> e.matches(e.method(), segments))
				.findFirst()
				.map(e -> new Entry("OPTIONS", e.path(), Condition.NONE, "the links of an allowed resource"));
		}
		String asked = method.equals("HEAD") ? "GET" : method;
		return ALLOWED.stream().filter(e -> e.matches(asked, segments)).findFirst();
	}

	static List<String> segments(String path) {
		return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
	}

	/** The table as docs/rest-surface.md shows it. */
	static String markdown() {
		StringBuilder table = new StringBuilder("| method | path | only when | why |\n|---|---|---|---|\n");
		for (Entry e : ALLOWED) {
			table.append("| ")
				.append(e.method())
				.append(" | `")
				.append(e.path())
				.append("` | ")
				.append(e.condition().text)
				.append(" | ")
				.append(e.why())
				.append(" |\n");
		}
		return table.toString();
	}

}
