package th.raingan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.project.ProjectCatalog;

/**
 * {@code Event_AssignmentWithdrawn}: the province removes the assignment while the
 * district's draft is open; the report closes as withdrawn with the reason, its timers go
 * with the draft, and it counts as neither late nor not submitted. A report already in
 * the province's review does not listen for the message.
 */
@ApplicationTest
class AssignmentWithdrawnProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	ReportTracker tracker;

	@Autowired
	JdbcTemplate jdbc;

	ProcessInstance report;

	String businessKey;

	@BeforeEach
	void draftOf4201() {
		BpmnAwareTests.init(engine);
		businessKey = "withdrawn-" + UUID.randomUUID();
		var assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();
		report = runtime.startProcessInstanceByKey(KEY, businessKey, ReportDrafts.inputsFor4201(assignment));
		assertThat(report).isWaitingAt(TASK_DISTRICT_DRAFT);
	}

	@Test
	void withdrawnWhileInDraftClosesTheReportWithTheReason() {
		assertThat(management.createJobQuery().processInstanceId(report.getId()).timers().count()).isEqualTo(2);

		runtime.createMessageCorrelation(MESSAGE_ASSIGNMENT_WITHDRAWN)
			.processInstanceId(report.getId())
			.setVariable(WITHDRAWN_REASON, "จังหวัดโอนงบไปให้อำเภอนาดัง")
			.correlate();

		assertThat(report).hasPassed(EVENT_ASSIGNMENT_WITHDRAWN, TASK_RECORD_WITHDRAWN, END_WITHDRAWN)
			.hasNotPassed(TASK_RECORD_NOT_SUBMITTED, TASK_ESCALATE_OVERDUE)
			.isEnded();
		assertThat(tracker.statusOf(businessKey)).isEqualTo(ReportTracker.WITHDRAWN);
		Map<String, Object> row = jdbc.queryForMap(
				"select withdrawn_reason, closed_at, late from raingan.report where business_key = ?", businessKey);
		assertThat(row.get("withdrawn_reason")).isEqualTo("จังหวัดโอนงบไปให้อำเภอนาดัง");
		assertThat(row.get("closed_at")).isNotNull();
		assertThat(row.get("late")).isEqualTo(false);
		assertThat(management.createJobQuery().processInstanceId(report.getId()).count()).isZero();
	}

	@Test
	void aReportInTheProvincesReviewDoesNotTakeTheMessage() {
		var draft = tasks.createTaskQuery().processInstanceId(report.getId()).singleResult();
		tasks.complete(draft.getId(), ReportDrafts.valid());
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);

		int taken = runtime.createMessageCorrelation(MESSAGE_ASSIGNMENT_WITHDRAWN)
			.processInstanceId(report.getId())
			.setVariable(WITHDRAWN_REASON, "ยกเลิก")
			.correlateAllWithResult()
			.size();

		assertThat(taken).isZero();
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);
		assertThat(tracker.statusOf(businessKey)).isEqualTo("submitted");
	}

}
