package th.raingan.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.project.DeadlineRule;
import th.raingan.project.Project;
import th.raingan.project.ProjectCatalog;
import th.raingan.round.DistrictRoundProcess;
import th.raingan.round.RoundJobs;
import th.raingan.thai.Clock;

/**
 * An assignment the province adds after its manager opened the round starts its report in
 * that running round, as users do it: manager42 opens round 1 of fiscal 2573 (a year of
 * this test's own) over /engine-rest, review42 then assigns a project to Mueang Loei
 * (which has its office round) and to Na Duang (which had nothing in the round); each
 * district finds the new draft with its due date and the province's dashboard counts it.
 * The screen also says, as a warning and not a refusal, when a window's report falls due
 * after its round ends.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssignmentInRunningRoundTest {

	static final int YEAR = 2573;

	static final String BASE = AssignmentDesk.BASE;

	static final String QUERY = "?fiscalYear=" + YEAR + "&province=42";

	static final String OPENED_WITH = "801-112-T0011-2030-11";

	static final String ADDED_LATER = "801-112-T0012-2030-12";

	static final String DUE_AFTER_ROUND = "801-112-T0013-2030-13";

	static final String ROUND = "2573-1/42";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	final ObjectMapper json = new ObjectMapper();

	WebappSession review42;

	String roundId;

	@BeforeAll
	void roundOneOf2573OpenedByTheManager() throws Exception {
		for (String[] p : new String[][] { { OPENED_WITH, "ทดสอบรอบเปิด ก ประชุมประจำเดือนผู้นำชุมชน" },
				{ ADDED_LATER, "ทดสอบรอบเปิด ข อบรมผู้นำกลุ่มออมทรัพย์" },
				{ DUE_AFTER_ROUND, "ทดสอบรอบเปิด ค สรุปบทเรียนไตรมาส ๒" } }) {
			if (catalog.findProject(YEAR, "42", p[0]).isEmpty()) {
				catalog.save(new Project(null, YEAR, "42", p[0], p[1], "B1", "คน", null, false, DeadlineRule.ROUND));
			}
		}
		review42 = WebappSession.login(port, "review42", "review42");
		assertThat(add(OPENED_WITH, "4201", "01/10/2572", "31/12/2572", "").statusCode()).isEqualTo(200);

		ResponseEntity<Map> round = rest.withBasicAuth("manager42", "manager42")
			.postForEntity("/engine-rest/process-definition/key/reporting-round/submit-form",
					variables(Map.of("fiscalYear", "2573", "roundNo", "1", "reportingDeadline", "15/03/2573")),
					Map.class);
		assertThat(round.getStatusCode()).as(String.valueOf(round.getBody())).isEqualTo(HttpStatus.OK);
		roundId = (String) round.getBody().get("id");
		// the job executor's part (off in tests): the office rounds, then their reports
		RoundJobs.startReports(management, runtime, roundId);
		assertThat(tasksOf("str4201", "test4201", ROUND.replace("/42", "") + "/" + OPENED_WITH + "/4201")).hasSize(1);
	}

	@Test
	void anAssignmentAddedAfterTheRoundOpenedStartsItsReportInThatRound() throws Exception {
		// Mueang Loei already reports in the round: the new report joins its office round
		var toMueang = add(ADDED_LATER, "4201", "01/10/2572", "31/12/2572", "ภายใน ๒๐ ธันวาคม ๒๕๗๒");
		assertThat(toMueang.statusCode()).as(WebappSession.text(toMueang)).isEqualTo(200);
		assertThat(AssignmentDesk.json(toMueang).get("reportsStarted")).isEqualTo(1);
		assertThat(AssignmentDesk.json(toMueang).get("message").toString())
			.contains("เริ่มรายงานในรอบที่เปิดอยู่ 1 ฉบับ");
		// Na Duang (4202) had nothing in round 1: its office round starts for the new
		// report
		var toNaDuang = add(ADDED_LATER, "4202", "01/10/2572", "31/12/2572", "");
		assertThat(toNaDuang.statusCode()).as(WebappSession.text(toNaDuang)).isEqualTo(200);
		assertThat(AssignmentDesk.json(toNaDuang).get("reportsStarted")).isEqualTo(1);

		RoundJobs.startReports(management, runtime, roundId);

		String mueangKey = "2573-1/" + ADDED_LATER + "/4201";
		Map<String, Object> mueangTask = single(tasksOf("str4201", "test4201", mueangKey));
		assertThat(due(mueangTask)).isEqualTo(endOfDay(LocalDate.of(2029, 12, 20)));
		assertThat(variable("str4201", "test4201", mueangTask, "dueDateText")).isEqualTo("20 ธันวาคม 2572");
		assertThat(variable("str4201", "test4201", mueangTask, "officeTarget")).isEqualTo("9");

		String naDuangKey = "2573-1/" + ADDED_LATER + "/4202";
		Map<String, Object> naDuangTask = single(tasksOf("str4202", "test4202", naDuangKey));
		assertThat(due(naDuangTask)).isEqualTo(endOfDay(LocalDate.of(2030, 3, 15)));
		assertThat(variable("str4202", "test4202", naDuangTask, "dueDateText")).isEqualTo("15 มีนาคม 2573");
		assertThat(tasksOf("str4201", "test4201", naDuangKey)).as("another district's report").isEmpty();

		// the office round of Mueang Loei counts two reports now: it ends when both have
		ProcessInstance mueangRound = runtime.createProcessInstanceQuery()
			.processDefinitionKey(DistrictRoundProcess.KEY)
			.processInstanceBusinessKey(ROUND + "/4201")
			.singleResult();
		assertThat(runtime.createVariableInstanceQuery()
			.processInstanceIdIn(mueangRound.getId())
			.variableName("nrOfInstances")
			.singleResult()
			.getValue()).isEqualTo(2);

		// the province's dashboard counts the new reports in the round
		WebappSession manager42 = WebappSession.login(port, "cockpit", "manager42", "manager42");
		Map<String, Object> summary = json.readValue(
				manager42.get("/camunda/api/cockpit/plugin/raingan-dashboard/default/summary?fiscalYear=2573&round=1")
					.body(),
				Map.class);
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> byOffice = new LinkedHashMap<>();
		((List<Map<String, Object>>) summary.get("districts"))
			.forEach(d -> byOffice.put((String) d.get("officeCode"), d));
		assertThat(byOffice.get("4201")).containsEntry("assigned", 2);
		assertThat(byOffice.get("4202")).containsEntry("assigned", 1);

		// saving it again starts nothing twice
		var again = add(ADDED_LATER, "4202", "01/10/2572", "31/12/2572", "");
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(naDuangKey).count()).isEqualTo(1);
	}

	@Test
	void aReportDueAfterItsRoundIsSavedWithAWarningAtTheDeadlineRule() throws Exception {
		var saved = add(DUE_AFTER_ROUND, "4203", "01/01/2573", "31/03/2573", "ภายใน 15 เมษายน 2573");
		assertThat(saved.statusCode()).as(WebappSession.text(saved)).isEqualTo(200);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> warnings = (List<Map<String, Object>>) AssignmentDesk.json(saved).get("warnings");
		assertThat(warnings).singleElement().satisfies(w -> {
			assertThat(w).containsEntry("field", "deadlineRule").containsEntry("label", "กำหนดส่ง");
			assertThat(w.get("message").toString()).contains("15 เมษายน 2573").contains("เลยวันสิ้นสุดรอบที่ 1");
		});
		assertThat(AssignmentDesk.json(saved).get("message").toString()).contains("มีคำเตือน 1 รายการ");
		// the list shows it at the assignment's row
		assertThat(row(DUE_AFTER_ROUND, "4203").get("warnings").toString()).contains("เลยวันสิ้นสุดรอบที่ 1");

		// the CSV file of the province's assignments, imported back: the same warning at
		// its line, nothing refused
		String csv = new String(review42.get(BASE + "/export" + QUERY).body(), StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		int line = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(DUE_AFTER_ROUND)) {
				line = i + 1;
			}
		}
		var imported = review42.send("POST", BASE + "/import" + QUERY, "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.statusCode()).as(WebappSession.text(imported)).isEqualTo(200);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> csvWarnings = (List<Map<String, Object>>) AssignmentDesk.json(imported)
			.get("warnings");
		int expectedLine = line;
		assertThat(csvWarnings).anySatisfy(w -> {
			assertThat(w).containsEntry("row", expectedLine).containsEntry("field", "deadlineRule");
			assertThat(w.get("text").toString()).startsWith("แถวที่ " + expectedLine + " ช่อง กำหนดส่ง: ")
				.contains("เลยวันสิ้นสุดรอบที่ 1");
		});
	}

	private java.net.http.HttpResponse<byte[]> add(String budgetCode, String office, String start, String end,
			String rule) throws Exception {
		Map<String, Object> form = AssignmentDesk.newAssignment(budgetCode, office, "9", "1,500");
		form.put("activityStart", start);
		form.put("activityEnd", end);
		form.put("deadlineRule", rule);
		return AssignmentDesk.post(review42, BASE + "/assignments" + QUERY, form);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> row(String budgetCode, String office) throws Exception {
		var list = AssignmentDesk.json(review42.get(BASE + "/assignments" + QUERY));
		return ((List<Map<String, Object>>) list.get("assignments")).stream()
			.filter(a -> a.get("budgetCode").equals(budgetCode) && a.get("officeCode").equals(office))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> tasksOf(String user, String password, String businessKey) {
		return rest.withBasicAuth(user, password)
			.getForObject("/engine-rest/task?processInstanceBusinessKey={key}", List.class, businessKey);
	}

	private static Map<String, Object> single(List<Map<String, Object>> tasks) {
		assertThat(tasks).hasSize(1);
		return tasks.get(0);
	}

	private Object variable(String user, String password, Map<String, Object> task, String name) {
		Map<?, ?> variables = rest.withBasicAuth(user, password)
			.getForObject("/engine-rest/task/{id}/form-variables", Map.class, task.get("id"));
		Map<?, ?> variable = (Map<?, ?>) variables.get(name);
		return variable == null ? null : variable.get("value");
	}

	private static Map<String, Object> variables(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		return Map.of("variables", variables);
	}

	static java.time.Instant endOfDay(LocalDate day) {
		return Clock.endOfDay(day).toInstant();
	}

	/** The task's due date as /engine-rest gives it ("2029-12-20T16:59:59.000+0000"). */
	static java.time.Instant due(Map<String, Object> task) {
		return java.time.OffsetDateTime
			.parse(task.get("due").toString(),
					java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
			.toInstant();
	}

}
