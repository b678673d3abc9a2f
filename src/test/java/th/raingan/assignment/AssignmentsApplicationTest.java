package th.raingan.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.assignment.AssignmentDesk.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.DistrictReportProcess;
import th.raingan.thai.Clock;

/**
 * The province assigns its districts, over HTTP as the page does it, signed in as the
 * real demo users: Loei's strategy unit and manager maintain Loei's assignments, Sa
 * Kaeo's reviewer and a district officer are refused, the administrator may do it for any
 * province. Bad values on the screen and in a CSV file are refused in Thai naming row and
 * field, with nothing written; a change reaches the open draft; a withdrawal closes it.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssignmentsApplicationTest {

	static final String LOEI_A = "801-112-T0001-2029-01";

	static final String LOEI_B = "801-112-T0002-2029-02";

	static final String LOEI_C = "801-112-T0003-2029-03";

	static final String SAKAEO = "801-112-T0004-2029-04";

	@LocalServerPort
	int port;

	@Autowired
	org.camunda.bpm.engine.IdentityService identity;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	WebappSession review42;

	WebappSession manager42;

	WebappSession review27;

	WebappSession str4201;

	WebappSession admin;

	@BeforeAll
	void projectsAndSessions() throws Exception {
		project(catalog, "42", LOEI_A, "ทดสอบมอบหมาย ก ประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาตำบล", "");
		project(catalog, "42", LOEI_B, "ทดสอบมอบหมาย ข สัมมนาการเรียนรู้วิถีชีวิตเศรษฐกิจพอเพียง",
				"days_after_activity:15");
		project(catalog, "42", LOEI_C, "ทดสอบมอบหมาย ค ส่งเสริมการออม", "");
		project(catalog, "27", SAKAEO, "ทดสอบมอบหมาย ง สระแก้ว", "");
		review42 = WebappSession.login(port, "review42", "review42");
		manager42 = WebappSession.login(port, "manager42", "manager42");
		review27 = WebappSession.login(port, "review27", "review27");
		str4201 = WebappSession.login(port, "str4201", "test4201");
		admin = WebappSession.login(port, "admin", "admin");
	}

	@Test
	void theStrategyUnitAndTheManagerMaintainTheirProvince() throws Exception {
		var created = post(review42, BASE + "/assignments" + query("42"), newAssignment(LOEI_A, "4202", "25", "3,000"));
		assertThat(created.statusCode()).as(WebappSession.text(created)).isEqualTo(200);
		Map<String, Object> row = row(review42, "42", LOEI_A, "4202");
		assertThat(row).containsEntry("target", "25")
			.containsEntry("allocationBaht", "3000")
			.containsEntry("activityPeriod", "ไตรมาส 3");

		var changed = put(manager42, BASE + "/assignments/" + row.get("id"), values("๓๐", "4,500.50"));
		assertThat(changed.statusCode()).as(WebappSession.text(changed)).isEqualTo(200);
		assertThat(row(manager42, "42", LOEI_A, "4202")).containsEntry("target", "30")
			.containsEntry("allocationBaht", "4500.5");

		// every change kept: who, when, what old -> new
		List<Map<String, Object>> log = changes(review42, "42");
		assertThat(log).anySatisfy(c -> assertThat(c).containsEntry("byId", "manager42")
			.containsEntry("action", "แก้ไข")
			.containsEntry("field", "เป้าหมาย")
			.containsEntry("oldValue", "25")
			.containsEntry("newValue", "30")
			.containsEntry("budgetCode", LOEI_A));
		assertThat(log).anySatisfy(c -> assertThat(c).containsEntry("byId", "manager42")
			.containsEntry("field", "งบประมาณที่ได้รับจัดสรร (บาท)")
			.containsEntry("oldValue", "3,000")
			.containsEntry("newValue", "4,500.5"));
		assertThat(log)
			.anySatisfy(c -> assertThat(c).containsEntry("byId", "review42").containsEntry("action", "เพิ่ม"));
		assertThat(log.get(0).get("at").toString()).matches("\\d{2}/\\d{2}/25\\d{2} \\d{2}:\\d{2} น\\.");
	}

	@Test
	void anotherProvinceAndADistrictAreRefused() throws Exception {
		post(review42, BASE + "/assignments" + query("42"), newAssignment(LOEI_C, "4203", "5", "500"));
		Object id = row(review42, "42", LOEI_C, "4203").get("id");
		Integer before = jdbc.queryForObject("select count(*) from raingan.assignment_change", Integer.class);
		for (WebappSession intruder : List.of(review27, str4201)) {
			assertThat(intruder.get(BASE + "/assignments" + query("42")).statusCode()).isEqualTo(403);
			assertThat(intruder.get(BASE + "/export" + query("42")).statusCode()).isEqualTo(403);
			assertThat(post(intruder, BASE + "/assignments" + query("42"), newAssignment(LOEI_C, "4204", "1", "1"))
				.statusCode()).isEqualTo(403);
			var put = put(intruder, BASE + "/assignments/" + id, values("999", "999"));
			assertThat(put.statusCode()).isEqualTo(403);
			assertThat(WebappSession.text(put)).contains("ไม่มีสิทธิ์");
			assertThat(post(intruder, BASE + "/assignments/" + id + "/withdraw", Map.of("reason", "ยกเลิกโดยผู้อื่น"))
				.statusCode()).isEqualTo(403);
			assertThat(importCsv(intruder, "42", exportOf(review42, "42")).statusCode()).isEqualTo(403);
		}
		assertThat(row(review42, "42", LOEI_C, "4203")).containsEntry("target", "5").containsEntry("withdrawn", false);
		assertThat(jdbc.queryForObject("select count(*) from raingan.assignment_change", Integer.class))
			.isEqualTo(before);
		// the page's link: their own province for Loei's staff, none for a district
		assertThat(WebappSession.text(review42.get(BASE + "/provinces"))).contains("\"42\"").doesNotContain("\"27\"");
		assertThat(WebappSession.text(str4201.get(BASE + "/provinces"))).contains("\"provinces\":[]");
		assertThat(new WebappSession(port).get(BASE + "/assignments" + query("42")).statusCode()).isIn(401, 403);
	}

	@Test
	void theAdministratorMaintainsAnyProvince() throws Exception {
		assertThat(WebappSession.text(admin.get(BASE + "/provinces"))).contains("\"27\"", "\"42\"", "\"57\"");
		var created = post(admin, BASE + "/assignments" + query("27"), newAssignment(SAKAEO, "2701", "10", "1000"));
		assertThat(created.statusCode()).as(WebappSession.text(created)).isEqualTo(200);
		assertThat(row(review27, "27", SAKAEO, "2701")).containsEntry("target", "10");
		assertThat(admin.get(BASE + "/assignments" + query("42")).statusCode()).isEqualTo(200);
	}

	@Test
	void badValuesOnTheScreenAreRefusedAtTheirFieldAndNothingIsWritten() throws Exception {
		Integer assignments = jdbc.queryForObject("select count(*) from raingan.assignment", Integer.class);
		Map<String, Object> bad = newAssignment("801-112-X9999-2029-09", "2701", "-5", "1234567890123");
		bad.put("activityStart", "31/06/2572");
		bad.put("activityEnd", "15/10/2572");
		bad.put("deadlineRule", "เร็ว ๆ นี้");
		var refused = post(review42, BASE + "/assignments" + query("42"), bad);
		assertThat(refused.statusCode()).isEqualTo(400);
		Map<String, String> byField = errors(refused);
		assertThat(byField).containsKeys("budgetCode", "officeCode", "target", "allocationBaht", "activityStart",
				"activityEnd", "deadlineRule");
		assertThat(byField.get("budgetCode")).contains("ไม่พบโครงการรหัส \"801-112-X9999-2029-09\"");
		assertThat(byField.get("officeCode")).contains("ไม่ได้อยู่ในจังหวัดนี้");
		assertThat(byField.get("target")).contains("ต้องไม่ติดลบ");
		assertThat(byField.get("allocationBaht")).contains("มากเกินไป");
		assertThat(byField.get("activityStart")).contains("ไม่มีวันที่นี้ในปฏิทิน");
		assertThat(byField.get("deadlineRule")).contains("อ่านกำหนดส่งไม่ออก");

		Map<String, Object> outside = newAssignment(LOEI_C, "4299", "1", "1");
		outside.put("activityEnd", "15/10/2572");
		Map<String, String> second = errors(post(review42, BASE + "/assignments" + query("42"), outside));
		assertThat(second.get("officeCode")).contains("ไม่พบอำเภอรหัส \"4299\"");
		assertThat(second.get("activityEnd")).contains("อยู่นอกปีงบประมาณ 2572");

		Map<String, Object> overLong = newAssignment(LOEI_C, "4207", "1".repeat(5000), "1");
		overLong.put("deadlineRule", "ภายใน ".repeat(100));
		Map<String, String> third = errors(post(review42, BASE + "/assignments" + query("42"), overLong));
		assertThat(third.get("target")).isEqualTo("ยาวเกิน 30 ตัวอักษร (กรอกมา 5000)");
		assertThat(third.get("deadlineRule")).startsWith("ยาวเกิน 200 ตัวอักษร");
		assertThat(jdbc.queryForObject("select count(*) from raingan.assignment", Integer.class))
			.isEqualTo(assignments);
	}

	@Test
	void theExportReadsBackUnchangedAndABadFileChangesNothing() throws Exception {
		post(review42, BASE + "/assignments" + query("42"), newAssignment(LOEI_B, "4205", "12", "2000"));
		String csv = exportOf(review42, "42");
		assertThat(csv).startsWith("\uFEFFปีงบประมาณ,รหัสงบประมาณ,โครงการ/กิจกรรม,รหัสหน่วยงาน,หน่วยงาน,เป้าหมาย")
			.contains(LOEI_B + ",ทดสอบมอบหมาย ข")
			.contains("4205,สำนักงานพัฒนาชุมชนอำเภอด่านซ้าย,12,คน,2000,,ไตรมาส 3");

		var same = importCsv(review42, "42", csv);
		assertThat(same.statusCode()).as(WebappSession.text(same)).isEqualTo(200);
		assertThat(json(same).get("changed")).isEqualTo(0);

		String header = csv.lines().findFirst().orElseThrow();
		String bad = header + "\n" + "2572," + LOEI_B
				+ ",,4205,,20,,2500,,\"ไตรมาส ๓-๔\",\"ภายใน ๑๕ สิงหาคม ๒๕๗๒\",ใช่,\n"
				+ "2572,801-112-X0000-2029-00,,4206,,1,,1,,,,,\n" + "2572," + LOEI_B + ",,2701,,1,,1,,,,,\n" + "2572,"
				+ LOEI_B + ",,4207,,-1,,12345678901234,,\"๓๑ มิถุนายน ๒๕๗๒\",\"ภายในไม่รู้\",,\n";
		var refused = importCsv(review42, "42", bad);
		assertThat(refused.statusCode()).isEqualTo(400);
		List<Map<String, Object>> rows = rowErrors(refused);
		assertThat(rows).extracting(e -> e.get("row") + " " + e.get("field"))
			.contains("3 budgetCode", "4 officeCode", "5 target", "5 allocationBaht", "5 activityPeriod",
					"5 deadlineRule");
		assertThat(rows).noneMatch(e -> e.get("row").equals(2));
		assertThat(rows).anySatisfy(e -> assertThat(e.get("text").toString())
			.isEqualTo("แถวที่ 5 ช่อง ช่วงดำเนินกิจกรรม: ไม่มีวันที่นี้ในปฏิทิน (ได้รับ \"๓๑ มิถุนายน ๒๕๗๒\")"));
		// nothing partial: the good row 2 was not saved either
		assertThat(row(review42, "42", LOEI_B, "4205")).containsEntry("target", "12");
	}

	@Test
	void aChangeReachesTheOpenDraftAndMovesItsDueDate() throws Exception {
		post(review42, BASE + "/assignments" + query("42"), newAssignment(LOEI_B, "4201", "14", "3000"));
		String instance = openReport(runtime, catalog, LOEI_B, "4201", "สำนักงานพัฒนาชุมชนอำเภอเมืองเลย");
		String task = draftTask(tasks, instance);
		Object id = row(review42, "42", LOEI_B, "4201").get("id");

		Map<String, Object> form = values("20", "3,500");
		form.put("deadlineRule", "ภายใน ๑๕ สิงหาคม ๒๕๗๒");
		var changed = put(review42, BASE + "/assignments/" + id, form);
		assertThat(changed.statusCode()).as(WebappSession.text(changed)).isEqualTo(200);
		assertThat(json(changed).get("reportsUpdated")).isEqualTo(1);

		assertThat(runtime.getVariables(instance)).containsEntry(DistrictReportProcess.OFFICE_TARGET, "20")
			.containsEntry(DistrictReportProcess.ALLOCATION, "3500")
			.containsEntry(DistrictReportProcess.DUE_DATE_TEXT, "15 สิงหาคม 2572");
		Date due = Clock.endOfDay(LocalDate.of(2029, 8, 15));
		assertThat(tasks.createTaskQuery().taskId(task).singleResult().getDueDate()).isEqualTo(due);
		Job dueTimer = management.createJobQuery()
			.processInstanceId(instance)
			.activityId(DistrictReportProcess.TIMER_DUE_DATE_PASSED)
			.singleResult();
		assertThat(dueTimer.getDuedate()).isEqualTo(due);
		Job reminder = management.createJobQuery()
			.processInstanceId(instance)
			.activityId(DistrictReportProcess.TIMER_REMINDER_BEFORE_DUE)
			.singleResult();
		assertThat(reminder.getDuedate()).isBefore(due).isAfter(Clock.endOfDay(LocalDate.of(2029, 8, 8)));
		assertThat(jdbc
			.queryForObject("select due_date from raingan.report where process_instance_id = ?", java.sql.Date.class,
					instance)
			.toLocalDate()).isEqualTo(LocalDate.of(2029, 8, 15));
	}

	@Test
	void aReportInReviewKeepsItsSubmissionAndFindsTheNewTargetWhenReturned() throws Exception {
		post(review42, BASE + "/assignments" + query("42"), newAssignment(LOEI_C, "4208", "8", "800"));
		String instance = openReport(runtime, catalog, LOEI_C, "4208", "สำนักงานพัฒนาชุมชนอำเภอท่าลี่");
		Map<String, Object> submission = th.raingan.report.ReportDrafts.valid();
		submission.put(DistrictReportProcess.START_DATE, "05/04/2572");
		submission.put(DistrictReportProcess.END_DATE, "20/04/2572");
		tasks.complete(draftTask(tasks, instance), submission);
		Object id = row(review42, "42", LOEI_C, "4208").get("id");

		var withdrawRefused = post(review42, BASE + "/assignments/" + id + "/withdraw",
				Map.of("reason", "ยกเลิกระหว่างพิจารณา"));
		assertThat(errors(withdrawRefused).get("officeCode")).contains("รอจังหวัดพิจารณา");

		assertThat(put(review42, BASE + "/assignments/" + id, values("9", "900")).statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select status from raingan.report where process_instance_id = ?", String.class,
				instance))
			.isEqualTo("submitted");
		String review = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
		// the province's reviewer decides (only a member of province-42-review may)
		th.raingan.Users.signIn(identity, "review42");
		try {
			tasks.complete(review, Map.of(DistrictReportProcess.REVIEW_DECISION, DistrictReportProcess.DECISION_RETURN,
					DistrictReportProcess.RETURN_REASON, "ขอแก้ไขเป้าหมายตามที่จังหวัดปรับ"));
		}
		finally {
			identity.clearAuthentication();
		}
		String returned = draftTask(tasks, instance);
		assertThat(tasks.getVariable(returned, DistrictReportProcess.OFFICE_TARGET)).isEqualTo("9");
		assertThat(tasks.getVariable(returned, DistrictReportProcess.ALLOCATION)).isEqualTo("900");
	}

	@Test
	void aWithdrawnAssignmentClosesItsOpenDraftWithTheReason() throws Exception {
		post(review42, BASE + "/assignments" + query("42"), newAssignment(LOEI_A, "4206", "3", "300"));
		String instance = openReport(runtime, catalog, LOEI_A, "4206", "สำนักงานพัฒนาชุมชนอำเภอนาแห้ว");
		Object id = row(review42, "42", LOEI_A, "4206").get("id");

		Map<String, String> noReason = errors(
				post(manager42, BASE + "/assignments/" + id + "/withdraw", Map.of("reason", "")));
		assertThat(noReason.get("reason")).contains("ต้องระบุเหตุผล");

		var withdrawn = post(manager42, BASE + "/assignments/" + id + "/withdraw",
				Map.of("reason", "อำเภอนาแห้วไม่มีกลุ่มเป้าหมายในปีนี้"));
		assertThat(withdrawn.statusCode()).as(WebappSession.text(withdrawn)).isEqualTo(200);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
		assertThat(jdbc.queryForMap("select status, withdrawn_reason from raingan.report where process_instance_id = ?",
				instance))
			.containsEntry("status", "withdrawn")
			.containsEntry("withdrawn_reason", "อำเภอนาแห้วไม่มีกลุ่มเป้าหมายในปีนี้");
		assertThat(row(review42, "42", LOEI_A, "4206")).containsEntry("withdrawn", true);
		assertThat(catalog.assignmentsOf(YEAR, "42"))
			.noneMatch(a -> a.officeCode().equals("4206") && a.project().budgetCode().equals(LOEI_A));
		assertThat(changes(review42, "42")).anySatisfy(c -> assertThat(c).containsEntry("action", "ยกเลิกการมอบหมาย")
			.containsEntry("newValue", "อำเภอนาแห้วไม่มีกลุ่มเป้าหมายในปีนี้")
			.containsEntry("byId", "manager42"));
		assertThat(exportOf(review42, "42")).doesNotContain("4206");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> changes(WebappSession session, String province) throws Exception {
		return (List<Map<String, Object>>) json(session.get(BASE + "/assignments" + query(province))).get("changes");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rowErrors(java.net.http.HttpResponse<byte[]> response) throws Exception {
		return (List<Map<String, Object>>) json(response).get("errors");
	}

	private static Map<String, String> errors(java.net.http.HttpResponse<byte[]> response) throws Exception {
		assertThat(response.statusCode()).as(WebappSession.text(response)).isEqualTo(400);
		Map<String, String> byField = new java.util.LinkedHashMap<>();
		rowErrors(response)
			.forEach(e -> byField.merge((String) e.get("field"), (String) e.get("message"), (a, b) -> a + " | " + b));
		return byField;
	}

	private static String exportOf(WebappSession session, String province) throws Exception {
		var response = session.get(BASE + "/export" + query(province));
		assertThat(response.statusCode()).isEqualTo(200);
		return new String(response.body(), StandardCharsets.UTF_8);
	}

}
