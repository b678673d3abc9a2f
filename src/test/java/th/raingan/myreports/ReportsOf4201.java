package th.raingan.myreports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.WebappSession;
import th.raingan.attachment.Photos;
import th.raingan.project.ProjectImport;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportDrafts;
import th.raingan.round.ReportingRoundProcess;
import th.raingan.round.RoundJobs;
import th.raingan.thai.Clock;

/**
 * The reports รายงานของฉัน shows, made the way the offices make them, once for all the
 * tests that read them (they share one application and database): Loei's 2574 catalogue
 * of three projects for Mueang Loei (4201) and one for Na Duang (4202), round 1 of 2574
 * opened by manager42 in January 2574 with the last day 17 March 2574; str4201 submits
 * one report, submits another that review42 returns with a reason, and a third with a
 * photo and a PDF that review42 approves. 4202's report stays a draft. Fiscal 2574
 * belongs to these tests alone.
 */
public final class ReportsOf4201 {

	public static final String ROUND = "2574-1/42";

	public static final String SUBMITTED = "2574-1/801-112-P0167-2031-02/4201";

	public static final String RETURNED = "2574-1/803-112-S0550-2031-09/4201";

	public static final String APPROVED = "2574-1/801-112-S0570-2031-07/4201";

	public static final String DRAFT_4202 = "2574-1/801-112-P0167-2031-02/4202";

	public static final String RETURN_REASON = "ขอให้แก้ไขจำนวนผู้เข้าร่วมให้ตรงกับรายชื่อ และแนบรูปกิจกรรม";

	public static final String PHOTO = "ภาพกิจกรรมสัมมนา.jpg";

	public static final String DOCUMENT = "รายชื่อผู้เข้าร่วม.pdf";

	public static final String MY_REPORTS = "/camunda/api/tasklist/plugin/raingan-my-reports/default";

	static final String ATTACHMENTS = "/camunda/api/tasklist/plugin/raingan-attachments/default";

	private static final ObjectMapper JSON = new ObjectMapper();

	private ReportsOf4201() {
	}

	/** Makes the reports unless an earlier test did. */
	public static synchronized void ensure(ApplicationContext spring, int port) throws Exception {
		JdbcTemplate jdbc = spring.getBean(JdbcTemplate.class);
		if (jdbc.queryForObject("select count(*) from raingan.report where round_key = ?", Integer.class, ROUND) > 0) {
			return;
		}
		ProjectImport importer = spring.getBean(ProjectImport.class);
		var projects = importer.importProjects(new ByteArrayInputStream(
				("""
						budget_code,fiscal_year_be,province_code,name_th,budget_source,unit_th,province_target,evaluation_required,deadline_rule
						801-112-P0167-2031-02,2574,42,2. ประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาตำบล,B1,ตำบล,14,N,
						803-112-S0550-2031-09,2574,42,2. ส่งเสริมประชาชนที่เป็นสมาชิกกองทุนชุมชนเข้าถึงแหล่งทุน,B1,กองทุน,28,N,
						801-112-S0570-2031-07,2574,42,2. เสริมสร้างกระบวนการบริหารจัดการชุมชน 2.1 สัมมนาการเรียนรู้วิถีชีวิตเศรษฐกิจพอเพียง,B1,คน,420,Y,
						""")
					.getBytes(StandardCharsets.UTF_8)));
		assertThat(projects.rejected()).isEmpty();
		var assignments = importer.importAssignments(new ByteArrayInputStream(("""
				fiscal_year_be,province_code,budget_code,office_code,target,allocation_baht
				2574,42,801-112-P0167-2031-02,4201,1,3000
				2574,42,803-112-S0550-2031-09,4201,2,5000
				2574,42,801-112-S0570-2031-07,4201,30,12000
				2574,42,801-112-P0167-2031-02,4202,1,3000
				""").getBytes(StandardCharsets.UTF_8)));
		assertThat(assignments.rejected()).isEmpty();

		ManagementService management = spring.getBean(ManagementService.class);
		RuntimeService runtime = spring.getBean(RuntimeService.class);
		TaskService tasks = spring.getBean(TaskService.class);
		Date before = ClockUtil.getCurrentTime();
		boolean clockWasSet = Math.abs(before.getTime() - System.currentTimeMillis()) > 60_000;
		try {
			at(2031, 1, 10, 9, 0);
			var round = rest(port, "manager42", "POST",
					"/engine-rest/process-definition/key/" + ReportingRoundProcess.KEY + "/submit-form",
					variables(Map.of(ReportingRoundProcess.FISCAL_YEAR, "2574", ReportingRoundProcess.ROUND_NO, "1",
							ReportingRoundProcess.REPORTING_DEADLINE, "17/03/2574")));
			assertThat(round.statusCode()).as(round.body()).isEqualTo(200);
			String roundId = (String) JSON.readValue(round.body(), Map.class).get("id");
			RoundJobs.startReports(management, runtime, roundId);

			at(2031, 2, 3, 10, 15);
			submit(port, tasks, SUBMITTED);

			submit(port, tasks, RETURNED);
			at(2031, 2, 5, 14, 0);
			decide(port, tasks, RETURNED, Map.of(DistrictReportProcess.REVIEW_DECISION,
					DistrictReportProcess.DECISION_RETURN, DistrictReportProcess.RETURN_REASON, RETURN_REASON));

			at(2031, 3, 12, 10, 15);
			WebappSession str4201 = WebappSession.login(port, "str4201", "test4201");
			String approvedTask = draftTask(tasks, APPROVED).getId();
			attach(str4201, approvedTask, PHOTO, Photos.phonePhoto());
			attach(str4201, approvedTask, DOCUMENT, Photos.pdf(20_000));
			submit(port, tasks, APPROVED);
			at(2031, 3, 16, 11, 30);
			decide(port, tasks, APPROVED,
					Map.of(DistrictReportProcess.REVIEW_DECISION, DistrictReportProcess.DECISION_APPROVE));
		}
		finally {
			// a test class that had set the engine's clock (the access matrix) gets it
			// back as it was
			if (clockWasSet) {
				ClockUtil.setCurrentTime(before);
			}
			else {
				ClockUtil.reset();
			}
		}
	}

	/** The engine's clock at a moment in Thailand. */
	private static void at(int year, int month, int day, int hour, int minute) {
		ClockUtil
			.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(Clock.ZONE).toInstant()));
	}

	static Task draftTask(TaskService tasks, String businessKey) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(DistrictReportProcess.TASK_DISTRICT_DRAFT)
			.singleResult();
	}

	private static void submit(int port, TaskService tasks, String businessKey) throws Exception {
		Map<String, Object> values = ReportDrafts.valid();
		values.put(DistrictReportProcess.START_DATE, "05/01/2574");
		values.put(DistrictReportProcess.END_DATE, "20/01/2574");
		values.put(DistrictReportProcess.AREAS,
				Map.of("type", "Json", "value", JSON.writeValueAsString(values.get(DistrictReportProcess.AREAS))));
		var done = rest(port, "str4201", "POST",
				"/engine-rest/task/" + draftTask(tasks, businessKey).getId() + "/complete", variables(values));
		assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
	}

	private static void decide(int port, TaskService tasks, String businessKey, Map<String, Object> decision)
			throws Exception {
		Task review = tasks.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(DistrictReportProcess.TASK_PROVINCE_REVIEW)
			.singleResult();
		var done = rest(port, "review42", "POST", "/engine-rest/task/" + review.getId() + "/complete",
				variables(decision));
		assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
	}

	private static void attach(WebappSession session, String taskId, String name, byte[] content) throws Exception {
		var added = session.post(ATTACHMENTS + "/tasks/" + taskId + "/attachments?name="
				+ java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), content);
		assertThat(added.statusCode()).as(WebappSession.text(added)).isEqualTo(200);
	}

	/**
	 * {@code /engine-rest} as a user with HTTP Basic (the demo passwords: test4201,
	 * review42, manager42).
	 */
	private static HttpResponse<String> rest(int port, String user, String method, String path, Object body)
			throws Exception {
		String password = user.startsWith("str") ? "test" + user.substring(3) : user;
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, Object> variables(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name,
				value instanceof Map<?, ?> typed && typed.containsKey("type") ? typed : Map.of("value", value)));
		return Map.of("variables", variables);
	}

	static List<String> ofRound() {
		return List.of(SUBMITTED, RETURNED, APPROVED);
	}

}
