package th.raingan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.round.RoundJobs;

/**
 * The report lifecycle driven as users drive it, through {@code /engine-rest} with their
 * own logins: manager42 opens a round, str4201 reports, review42 returns and then
 * approves.
 */
@ApplicationTest
class ReportLifecycleApplicationTest {

	static final String REPORT = "2569-1/801-112-P0167-2026-02/4201";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReportService reports;

	@Autowired
	ReportVersions versions;

	final ObjectMapper json = new ObjectMapper();

	/**
	 * Round 1 of 2569 is open from October to March: the story happens in January 2569.
	 */
	@org.junit.jupiter.api.BeforeEach
	void inJanuary2569() {
		org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date
			.from(java.time.LocalDate.of(2026, 1, 5).atTime(9, 0).atZone(th.raingan.thai.Clock.ZONE).toInstant()));
	}

	@org.junit.jupiter.api.AfterEach
	void realTime() {
		org.camunda.bpm.engine.impl.util.ClockUtil.reset();
	}

	@Test
	void roundOpenedReportReturnedResubmittedAndApprovedThenLocked() throws Exception {
		var manager = rest.withBasicAuth("manager42", "manager42");
		var officer = rest.withBasicAuth("str4201", "test4201");
		var reviewer = rest.withBasicAuth("review42", "review42");

		// the manager mistypes the deadline, then opens round 1/2569
		ResponseEntity<Map> refusedRound = manager.postForEntity(
				"/engine-rest/process-definition/key/reporting-round/submit-form",
				variables(Map.of("fiscalYear", "2569", "roundNo", "1", "reportingDeadline", "31/02/2569")), Map.class);
		assertThat(refusedRound.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refusedRound.getBody().get("message").toString())
			.contains("วันสุดท้ายของการส่งรายงาน: ไม่มีวันที่นี้ในปฏิทิน");

		ResponseEntity<Map> round = manager.postForEntity(
				"/engine-rest/process-definition/key/reporting-round/submit-form",
				variables(Map.of("fiscalYear", "2569", "roundNo", "1", "reportingDeadline", "17/03/2569")), Map.class);
		assertThat(round.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(round.getBody().get("businessKey")).isEqualTo("2569-1/42");
		String roundId = (String) round.getBody().get("id");
		// the job executor's part: start the district reports
		RoundJobs.startReports(management, runtime, roundId);

		// the officer finds the report in their district's list, and another district
		// does not
		String taskId = onlyTask(officer);
		assertThat(rest.withBasicAuth("str4202", "test4202")
			.getForObject("/engine-rest/task?processInstanceBusinessKey={key}", List.class, REPORT)).isEmpty();
		assertThat(officer.getForObject("/engine-rest/task/{id}/deployed-form", String.class, taskId))
			.contains("\"id\": \"district-draft\"");
		assertThat(
				officer.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "str4201"), Void.class, taskId)
					.getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		// "-" as an expense is refused in Thai, naming the field; nothing is written, the
		// task stays
		ResponseEntity<Map> refused = complete(officer, taskId, draftWithExpense("-"));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("message").toString()).contains("พื้นที่ที่ 1 ค่าใช้จ่าย (บาท)")
			.contains("ห้ามใส่เครื่องหมาย \"-\"");
		assertThat(versions.ofReport(REPORT)).isEmpty();
		assertThat(onlyTask(officer)).isEqualTo(taskId);

		// "1,000" is accepted and stored as 1000
		assertThat(complete(officer, taskId, draftWithExpense("1,000")).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		ReportVersions.Version first = versions.ofReport(REPORT).get(0);
		assertThat(versions.areas(first.id()).get(0).expenseBaht()).isEqualByComparingTo("1000");

		// the province returns it with a reason
		String review = onlyTask(reviewer);
		assertThat(complete(reviewer, review,
				Map.of("reviewDecision", "return", "returnReason", "ค่าใช้จ่ายพื้นที่ไม่ตรงกับเอกสารการเบิกจ่าย"))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// the officer sees the reason, and resubmits with Thai digits
		String again = onlyTask(officer);
		Map<?, ?> formVariables = officer.getForObject("/engine-rest/task/{id}/form-variables", Map.class, again);
		assertThat(((Map<?, ?>) formVariables.get("returnHistory")).get("value").toString())
			.contains("ค่าใช้จ่ายพื้นที่ไม่ตรงกับเอกสารการเบิกจ่าย");
		assertThat(((Map<?, ?>) formVariables.get("revision")).get("value")).isEqualTo(2);
		assertThat(complete(officer, again, draftWithExpense("๒,๕๐๐")).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		// the province approves
		assertThat(complete(reviewer, onlyTask(reviewer), Map.of("reviewDecision", "approve")).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		List<ReportVersions.Version> stored = versions.ofReport(REPORT);
		assertThat(stored).extracting(ReportVersions.Version::status).containsExactly("returned", "approved");
		ReportVersions.Version approved = stored.get(1);
		assertThat(approved.submittedBy()).isEqualTo("str4201");
		assertThat(approved.decidedBy()).isEqualTo("review42");
		assertThat(versions.areas(approved.id())).extracting(ReportDraft.Area::expenseBaht)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("2500"));
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(REPORT).finished().count())
			.isEqualTo(1);

		// an approved report is locked: no new version, no new decision, no task to
		// complete
		assertThatThrownBy(() -> reports.refuseIfApproved(REPORT)).isInstanceOf(ReportRefused.class)
			.hasMessageContaining("ล็อก");
		assertThatThrownBy(() -> reports.returnForRevision(approved.id(), "review42", new java.util.Date(), "แก้อีก"))
			.isInstanceOf(ReportRefused.class)
			.hasMessageContaining("อนุมัติแล้ว");
		ResponseEntity<Map> late = complete(officer, again, draftWithExpense("3000"));
		// a Thai 409, not Camunda's 500 with its message (issue 30)
		assertThat(late.getStatusCode().value()).isEqualTo(409);
		assertThat(late.getBody().get("message").toString()).contains("งานนี้ส่งหรือดำเนินการไปแล้ว");
		assertThat(officer.getForObject("/engine-rest/task?processInstanceBusinessKey={key}", List.class, REPORT))
			.isEmpty();
		assertThat(jdbc.queryForObject("select status from raingan.report_version where id = ?", String.class,
				approved.id()))
			.isEqualTo("approved");
	}

	private String onlyTask(TestRestTemplate user) {
		List<?> found = user.getForObject("/engine-rest/task?processInstanceBusinessKey={key}", List.class, REPORT);
		assertThat(found).hasSize(1);
		return (String) ((Map<?, ?>) found.get(0)).get("id");
	}

	private ResponseEntity<Map> complete(TestRestTemplate user, String taskId, Map<String, Object> values) {
		return user.postForEntity("/engine-rest/task/{id}/complete", variables(values), Map.class, taskId);
	}

	/**
	 * The officer's draft as Tasklist submits it: text fields as strings, the area rows
	 * as JSON.
	 */
	private Map<String, Object> draftWithExpense(String expense) throws Exception {
		Map<String, Object> draft = ReportDrafts.withFirstAreaExpense(expense);
		draft.remove(DistrictReportProcess.RESPONDENTS);
		draft.put(DistrictReportProcess.AREAS,
				Map.of("type", "Json", "value", json.writeValueAsString(draft.get(DistrictReportProcess.AREAS))));
		return draft;
	}

	private static Map<String, Object> variables(Map<String, Object> values) {
		Map<String, Object> variables = new java.util.LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name,
				value instanceof Map<?, ?> typed && typed.containsKey("type") ? typed : Map.of("value", value)));
		return Map.of("variables", variables);
	}

}
