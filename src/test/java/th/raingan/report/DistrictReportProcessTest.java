package th.raingan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.raingan.ApplicationTest;
import th.raingan.project.Assignment;
import th.raingan.project.ProjectCatalog;
import th.raingan.thai.Clock;

/** Every path of {@code district-report}, with the real delegates and tables. */
@ApplicationTest
class DistrictReportProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	ReportVersions versions;

	@Autowired
	ReportTracker tracker;

	@Autowired
	org.camunda.bpm.engine.ManagementService management;

	ProcessInstance report;

	String businessKey;

	@BeforeEach
	void reportAssignedTo4201() {
		BpmnAwareTests.init(engine);
		Assignment assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();
		businessKey = "test-" + UUID.randomUUID();
		Map<String, Object> inputs = ReportDrafts.inputsFor4201(assignment);
		inputs.put(EVALUATION_REQUIRED, true);
		ClockUtil.setCurrentTime(
				java.util.Date.from(LocalDate.of(2026, 3, 10).atTime(10, 0).atZone(Clock.ZONE).toInstant()));
		report = runtime.startProcessInstanceByKey(KEY, businessKey, inputs);
	}

	@AfterEach
	void resetClockAndUser() {
		ClockUtil.reset();
		identity.clearAuthentication();
	}

	/**
	 * Completes the report's open task as a user signed in with their groups, as Tasklist
	 * and REST do.
	 */
	private void completeAs(String user, Map<String, Object> variables) {
		try {
			signIn(user);
			org.camunda.bpm.engine.task.Task task = engine.getTaskService()
				.createTaskQuery()
				.processInstanceId(report.getId())
				.singleResult();
			assertThat(task).as(user + " sees the open task").isNotNull();
			engine.getTaskService().complete(task.getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private boolean sees(String user) {
		try {
			signIn(user);
			return engine.getTaskService().createTaskQuery().processInstanceId(report.getId()).count() == 1;
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private void signIn(String user) {
		th.raingan.Users.signIn(identity, user);
	}

	@Test
	void approvedFirstTime() {
		assertThat(report).isWaitingAt(TASK_DISTRICT_DRAFT);
		assertThat(task(report)).hasCandidateGroup("district-4201")
			.hasDueDate(Clock.endOfDay(LocalDate.of(2026, 3, 17)));
		assertThat(sees("str4202")).as("another district").isFalse();
		assertThat(sees("review42")).as("the province before submission").isFalse();

		completeAs("str4201", ReportDrafts.valid());
		assertThat(report).hasPassed(TASK_VALIDATE_REPORT, TASK_SUBMIT_REPORT).isWaitingAt(TASK_PROVINCE_REVIEW);
		assertThat(task(report)).hasCandidateGroup("province-42-review");
		assertThat(sees("str4201")).as("the district while the province reviews").isFalse();
		assertThat(sees("review27")).as("another province").isFalse();
		assertThat(versions.ofReport(businessKey)).singleElement().satisfies(v -> {
			assertThat(v.onTime()).isTrue();
			assertThat(v.submittedBy()).isEqualTo("str4201");
		});
		assertThat((String) runtime.getVariable(report.getId(), SUBMISSION_TEXT)).contains("โดย str4201")
			.contains("ตรงตามกำหนด");

		completeAs("review42", Map.of(REVIEW_DECISION, DECISION_APPROVE));
		assertThat(report).hasPassed(END_APPROVED).isEnded();
		assertThat(versions.ofReport(businessKey)).singleElement()
			.satisfies(v -> assertThat(v.status()).isEqualTo("approved"))
			.satisfies(v -> assertThat(v.decidedBy()).isEqualTo("review42"));
		// the engine keeps the report's activities and tasks in its history, not its
		// variables (engine.VariableHistoryPlugin): the submitted version holds them
		org.camunda.bpm.engine.HistoryService history = engine.getHistoryService();
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(report.getId()).count()).isZero();
		assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(report.getId()).count()).isEqualTo(2);
		assertThat(history.createHistoricActivityInstanceQuery()
			.processInstanceId(report.getId())
			.activityId(TASK_SUBMIT_REPORT)
			.count()).isEqualTo(1);
	}

	@Test
	void returnedThenApproved() {
		completeAs("str4201", ReportDrafts.valid());
		completeAs("review42",
				Map.of(REVIEW_DECISION, DECISION_RETURN, RETURN_REASON, "ค่าใช้จ่ายรวมไม่ตรงกับผลการใช้จ่าย"));

		assertThat(report).hasPassedInOrder(GATEWAY_REVIEW_DECISION, GATEWAY_DRAFT_MERGE)
			.isWaitingAt(TASK_DISTRICT_DRAFT);
		assertThat(task(report)).hasCandidateGroup("district-4201");
		assertThat(report).variables()
			.containsEntry(REVISION, 2)
			.doesNotContainKey(REVIEW_DECISION)
			.hasEntrySatisfying(RETURN_HISTORY, h -> assertThat(h.toString()).contains("ครั้งที่ 1")
				.contains("ค่าใช้จ่ายรวมไม่ตรงกับผลการใช้จ่าย"));

		completeAs("str4201", ReportDrafts.valid());
		completeAs("review42", Map.of(REVIEW_DECISION, DECISION_APPROVE));
		assertThat(report).isEnded();
		assertThat(versions.ofReport(businessKey))
			.extracting(ReportVersions.Version::revision, ReportVersions.Version::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "returned"),
					org.assertj.core.groups.Tuple.tuple(2, "approved"));
	}

	@Test
	void invalidSubmissionIsRefusedAndNothingIsWritten() {
		String taskId = task(report).getId();
		assertThatThrownBy(() -> completeAs("str4201", ReportDrafts.withFirstAreaExpense("-")))
			.hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("พื้นที่ที่ 1 ค่าใช้จ่าย (บาท)");
		assertThat(report).isWaitingAt(TASK_DISTRICT_DRAFT);
		assertThat(task(report).getId()).isEqualTo(taskId);
		assertThat(report).variables().doesNotContainKey(SPENT_BAHT);
		assertThat(versions.ofReport(businessKey)).isEmpty();
	}

	@Test
	void lateSubmissionIsFlagged() {
		ClockUtil
			.setCurrentTime(java.util.Date.from(LocalDate.of(2026, 3, 18).atTime(0, 5).atZone(Clock.ZONE).toInstant()));
		completeAs("str4201", ReportDrafts.valid());
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);
		assertThat((String) runtime.getVariable(report.getId(), SUBMISSION_TEXT)).contains("ส่งล่าช้า");
		assertThat(versions.ofReport(businessKey)).singleElement().satisfies(v -> assertThat(v.onTime()).isFalse());
	}

	@Test
	void returnWithoutReasonIsRefused() {
		completeAs("str4201", ReportDrafts.valid());
		assertThatThrownBy(() -> completeAs("review42", Map.of(REVIEW_DECISION, DECISION_RETURN, RETURN_REASON, " ")))
			.hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("เหตุผลที่ส่งกลับแก้ไข");
		assertThatThrownBy(() -> completeAs("review42", Map.of(REVIEW_DECISION, "maybe")))
			.hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("ผลการพิจารณา");
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);
		assertThat(versions.ofReport(businessKey)).singleElement()
			.satisfies(v -> assertThat(v.status()).isEqualTo("submitted"));
	}

	@Test
	void remindersAndTheDueDateDoNotInterruptTheDraft() {
		assertThat(tracker.statusOf(businessKey)).isEqualTo("draft");
		for (String timer : java.util.List.of(TIMER_REMINDER_BEFORE_DUE, TIMER_DUE_DATE_PASSED)) {
			management.executeJob(management.createJobQuery()
				.processInstanceId(report.getId())
				.activityId(timer)
				.singleResult()
				.getId());
		}
		assertThat(report).hasPassed(TASK_QUEUE_REMINDER, TASK_ESCALATE_OVERDUE).isWaitingAt(TASK_DISTRICT_DRAFT);
		assertThat(tracker.isLate(businessKey)).isTrue();
		completeAs("str4201", ReportDrafts.valid());
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);
	}

	@Test
	void roundClosedWhileInDraftEndsAsNotSubmitted() {
		runtime.createMessageCorrelation(MESSAGE_ROUND_CLOSED).processInstanceBusinessKey(businessKey).correlate();
		assertThat(report).hasPassed(TASK_RECORD_NOT_SUBMITTED, END_NOT_SUBMITTED).isEnded();
		assertThat(tracker.statusOf(businessKey)).isEqualTo("not_submitted");
		assertThat(versions.ofReport(businessKey)).isEmpty();
	}

}
