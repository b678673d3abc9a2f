package th.raingan.review;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.ApplicationTest;
import th.raingan.org.Groups;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.ReportDrafts;
import th.raingan.thai.Clock;

/**
 * "Say where" over {@code /engine-rest} as review42 and str4201 use it: the review form
 * offers the report's own fields and area rows to comment on; a comment on a field that
 * does not exist, on an area row the report does not have, or sent with an approval is
 * refused in Thai and nothing is written; a return with comments on the spending and on
 * the second area row keeps them with the returned version and gives them to the
 * district's draft; on the resubmission the reviewer sees which were addressed (old ->
 * new) and which were not. Also the review's check at a glance: target against result and
 * the evaluation's numbers, warnings in amber, nothing refused.
 */
@ApplicationTest
class SayWhereApplicationTest {

	@Autowired
	TestRestTemplate rest;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	@Test
	@SuppressWarnings("unchecked")
	void commentsGoToTheirFieldsAndTheResubmissionSaysWhichWereAddressed() throws Exception {
		String key = "say-where-" + UUID.randomUUID().toString().substring(0, 8) + "/801-112-P0167-2027-02/4201";
		// the report asks for the evaluation: its assignment says so (the server reads
		// the
		// table, never the evaluationRequired variable)
		long assignment = DeskProject.assignment(catalog, "4201").id();
		Boolean own = jdbc.queryForObject("select evaluation_required from raingan.assignment where id = ?",
				Boolean.class, assignment);
		jdbc.update("update raingan.assignment set evaluation_required = true where id = ?", assignment);
		try {
			saysWhere(key, assignment);
		}
		finally {
			jdbc.update("update raingan.assignment set evaluation_required = ? where id = ?", own, assignment);
		}
	}

	@SuppressWarnings("unchecked")
	private void saysWhere(String key, long assignment) throws Exception {
		Map<String, Object> inputs = ReportDrafts.inputsFor4201(catalog.assignment(assignment).orElseThrow());
		inputs.put(REPORT_KEY, key);
		inputs.put(UNIT, "ตำบล");
		inputs.put(EVALUATION_REQUIRED, true);
		inputs.put(DUE_DATE, Clock.endOfDay(LocalDate.now(Clock.ZONE).plusDays(30)));
		String instance = runtime.startProcessInstanceByKey(KEY, key, inputs).getId();
		Map<String, Object> first = ReportDrafts.valid();
		first.put(RESULT_VALUE, "12");
		complete("str4201", Groups.district("4201"), instance, first);
		long version = jdbc.queryForObject("select id from raingan.report_version where business_key = ?", Long.class,
				key);

		TestRestTemplate review42 = rest.withBasicAuth("review42", "review42");
		String review = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
		assertThat(
				review42.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "review42"), Void.class, review)
					.getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		Map<?, ?> form = review42.getForObject("/engine-rest/task/{id}/form-variables?deserializeValues=false",
				Map.class, review);
		String targets = ((Map<?, ?>) form.get(COMMENT_TARGETS)).get("value").toString();
		assertThat(targets)
			.contains("\"value\":\"spentBaht\"", "ผลการใช้จ่ายงบประมาณ (บาท)", "\"value\":\"areas.3\"",
					"ส่วนที่ 2 พื้นที่ที่ 2 (ตำบลนาอาน หมู่ 3)", "\"value\":\"satisfactionPercent\"")
			.doesNotContain("areas.4");
		// check at a glance: the result below the target, in amber; nothing refused
		assertThat(((Map<?, ?>) form.get(CHECK_TEXT)).get("value").toString().replace("\\", ""))
			.contains("เป้าหมาย 14 ตำบล · ผลการดำเนินงาน 12 ตำบล (ร้อยละ 85.71 ของเป้าหมาย)")
			.contains("ผู้ตอบ 60 คน (ผู้เข้าร่วมตามข้อมูลเชิงพื้นที่ 65 คน)")
			.contains("ความพึงพอใจ ร้อยละ 90");
		assertThat(((Map<?, ?>) form.get(CHECK_WARNING)).get("value").toString().replace("\\", ""))
			.contains("ผลการดำเนินงาน 12 ตำบล ต่ำกว่าเป้าหมาย 14 ตำบล");

		// a comment on a field that does not exist: refused in Thai, nothing written, the
		// task stays review42's
		ResponseEntity<Map> noSuchField = complete(review42, review,
				returning(comment("budgetCode", "แก้รหัส"), comment(SPENT_BAHT, "ยอดไม่ตรงกับพื้นที่")));
		assertThat(noSuchField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		System.out.println("refused: " + noSuchField.getBody().get("message"));
		assertThat(noSuchField.getBody().get("message").toString())
			.contains("ความเห็นรายช่อง ลำดับที่ 1: ไม่มีช่อง \"budgetCode\" ในแบบรายงาน");
		ResponseEntity<Map> noSuchRow = complete(review42, review, returning(comment("areas.4", "ไม่มีพื้นที่นี้")));
		assertThat(noSuchRow.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noSuchRow.getBody().get("message").toString())
			.contains("ไม่มีพื้นที่ลำดับ \"4\" ในรายงานฉบับนี้ (มีข้อมูลเชิงพื้นที่ 3 แห่ง)");
		Map<String, Object> approving = new LinkedHashMap<>(Map.of(REVIEW_DECISION, DECISION_APPROVE));
		approving.put(REVIEW_COMMENTS, rows(comment(SPENT_BAHT, "ยอดไม่ตรง")));
		ResponseEntity<Map> approvedWithComments = complete(review42, review, approving);
		assertThat(approvedWithComments.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(approvedWithComments.getBody().get("message").toString())
			.contains("ส่งถึงอำเภอเฉพาะเมื่อส่งกลับแก้ไข");
		assertThat(jdbc.queryForObject("select status from raingan.report_version where id = ?", String.class, version))
			.isEqualTo("submitted");
		assertThat(jdbc.queryForObject("select count(*) from raingan.report_comment where report_version_id = ?",
				Integer.class, version))
			.isZero();
		assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isEqualTo("review42");

		// the return with two comments, one typed as markup
		assertThat(complete(review42, review,
				returning(comment(SPENT_BAHT, "<b>ยอด</b> ไม่ตรงกับผลรวมของพื้นที่"),
						comment("areas.2", "ค่าใช้จ่ายของพื้นที่นี้สูงเกินจริง")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(jdbc.queryForList(
				"""
						select target || '|' || coalesce(cast(area_row as varchar(4)), '-') || '|' || label_th || '|' || comment_th
						from raingan.report_comment where report_version_id = ? order by seq""",
				String.class, version))
			.containsExactly("spentBaht|-|ผลการใช้จ่ายงบประมาณ (บาท)|<b>ยอด</b> ไม่ตรงกับผลรวมของพื้นที่",
					"areas.2|2|ส่วนที่ 2 พื้นที่ที่ 2|ค่าใช้จ่ายของพื้นที่นี้สูงเกินจริง");

		// the district's draft has them, for its fields; the history says them as text
		TestRestTemplate str4201 = rest.withBasicAuth("str4201", "test4201");
		String draft = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
		Map<?, ?> draftForm = str4201.getForObject("/engine-rest/task/{id}/form-variables?deserializeValues=false",
				Map.class, draft);
		String given = ((Map<?, ?>) draftForm.get(RETURN_COMMENTS)).get("value").toString();
		assertThat(given).contains("\"target\":\"spentBaht\"", "\"label\":\"ผลการใช้จ่ายงบประมาณ (บาท)\"", "\"row\":2",
				"<b>ยอด</b>");
		assertThat(((Map<?, ?>) draftForm.get(RETURN_HISTORY)).get("value").toString())
			.contains("ผลการใช้จ่ายงบประมาณ \\(บาท\\)\\: \\<b\\>ยอด\\</b\\>");
		assertThat(draftForm.containsKey(REVIEW_COMMENTS)).as("the reviewer's input is not left behind").isFalse();

		// str4201 changes the spending but not the second area
		Map<String, Object> changed = ReportDrafts.valid();
		changed.put(RESULT_VALUE, "12");
		changed.put(SPENT_BAHT, "2,900");
		changed.put(AREAS,
				List.of(ReportDrafts.area("ตำบลกุดป่อง หมู่ 1", "ผู้นำชุมชน", "20", "มีแผนพัฒนาตำบล", "900"),
						ReportDrafts.area("ตำบลนาอาน หมู่ 3", "ผู้นำชุมชน", "20", "มีแผนพัฒนาตำบล", "1,000"),
						ReportDrafts.area("ตำบลนาโป่ง หมู่ 2", "คณะกรรมการหมู่บ้าน", "25", "มีแผนพัฒนาตำบล", "1,000")));
		complete("str4201", Groups.district("4201"), instance, changed);
		String commentsText = (String) runtime.getVariable(instance, COMMENTS_TEXT);
		System.out.println("review form, comments of the last return:\n" + commentsText);
		assertThat(commentsText).contains("แก้ไขแล้ว 1 จาก 2 ความเห็น")
			.contains(
					"**✔ แก้ไขแล้ว** ผลการใช้จ่ายงบประมาณ \\(บาท\\)\\: \\\"\\<b\\>ยอด\\</b\\> ไม่ตรงกับผลรวมของพื้นที่\\\" (3,000 → 2,900)")
			.contains("**✖ ยังไม่ได้แก้ไข** ส่วนที่ 2 พื้นที่ที่ 2\\: \\\"ค่าใช้จ่ายของพื้นที่นี้สูงเกินจริง\\\"");
		// the district's รายงานของฉัน asks the same endpoint: the changes and each
		// comment, addressed or not
		long resubmitted = jdbc.queryForObject(
				"select id from raingan.report_version where business_key = ? and revision = 2", Long.class, key);
		var view = th.raingan.WebappSession.login(port, "str4201", "test4201")
			.get(WhatChangedApplicationTest.DESK + "/versions/" + resubmitted + "/changes");
		assertThat(view.statusCode()).isEqualTo(200);
		Map<?, ?> body = json.readValue(view.body(), Map.class);
		assertThat((List<Map<String, Object>>) body.get("comments"))
			.extracting(c -> c.get("label"), c -> c.get("addressed"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ผลการใช้จ่ายงบประมาณ (บาท)", true),
					org.assertj.core.groups.Tuple.tuple("ส่วนที่ 2 พื้นที่ที่ 2", false));

		// the new review starts without comments; an approval now goes through
		String second = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
		assertThat(
				review42.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "review42"), Void.class, second)
					.getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete(review42, second, Map.of(REVIEW_DECISION, DECISION_APPROVE)).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(jdbc.queryForObject(
				"select status from raingan.report_version where business_key = ? and revision = 2", String.class, key))
			.isEqualTo("approved");
	}

	private static Map<String, Object> comment(String target, String text) {
		return Map.of("target", target, "comment", text);
	}

	private Map<String, Object> rows(Map<?, ?>... comments) throws Exception {
		return Map.of("type", "Json", "value", json.writeValueAsString(List.of(comments)));
	}

	private Map<String, Object> returning(Map<?, ?>... comments) throws Exception {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put(REVIEW_DECISION, DECISION_RETURN);
		values.put(RETURN_REASON, "กรุณาแก้ไขตามความเห็นรายช่อง");
		values.put(REVIEW_COMMENTS, rows(comments));
		return values;
	}

	private ResponseEntity<Map> complete(TestRestTemplate user, String taskId, Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name,
				value instanceof Map<?, ?> typed && typed.containsKey("type") ? typed : Map.of("value", value)));
		return user.postForEntity("/engine-rest/task/{id}/complete", Map.of("variables", variables), Map.class, taskId);
	}

	private void complete(String user, String group, String instance, Map<String, Object> variables) {
		try {
			identity.setAuthentication(user, List.of(group));
			Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
			if (task.getAssignee() == null) {
				tasks.claim(task.getId(), user);
			}
			tasks.complete(task.getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
