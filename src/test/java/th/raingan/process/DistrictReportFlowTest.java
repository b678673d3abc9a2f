package th.raingan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static th.raingan.report.DistrictReportProcess.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * Every path of {@code district-report} on the plain engine: the delegates are mocks (see
 * {@link Flows}).
 */
@Deployment(resources = "processes/district-report.bpmn")
class DistrictReportFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine();

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	ProcessEngine engine;

	JavaDelegate recordNotHeld;

	JavaDelegate submit;

	JavaDelegate queueReminder;

	JavaDelegate escalate;

	final Date due = Flows.daysFromNow(10);

	/**
	 * What the form's "ดำเนินการแล้ว / ยังไม่ได้ดำเนินการ" answer makes the server check
	 * set.
	 */
	@BeforeEach
	void delegates() {
		BpmnAwareTests.init(engine);
		Flows.executionListener("reportOpenedListener");
		Flows.taskListener("taskTitleListener");
		Flows.taskListener("reviewChangesListener");
		Flows.delegate("validateReportDelegate", execution -> execution.setVariable(ACTIVITY_HELD,
				!ACTIVITY_NOT_HELD_VALUE.equals(execution.getVariable(ACTIVITY_STATUS))));
		recordNotHeld = Flows.delegate("recordNotHeldDelegate");
		submit = Flows.delegate("submitReportDelegate");
		Flows.delegate("recordDecisionDelegate", execution -> execution.setVariable(APPROVED,
				DECISION_APPROVE.equals(execution.getVariable(REVIEW_DECISION))));
		queueReminder = Flows.delegate("queueReminderDelegate");
		escalate = Flows.delegate("escalateOverdueDelegate");
		Flows.delegate("recordNotSubmittedDelegate");
		Flows.delegate("recordWithdrawnDelegate");
		Mocks.register("deadlines", new Deadlines());
	}

	@AfterEach
	void forget() {
		Mocks.reset();
	}

	/**
	 * The due date's reminder, three days before, as the application's
	 * {@code ReportDeadlines} would give.
	 */
	public static class Deadlines {

		public Date reminderAt(Date dueDate) {
			return new Date(dueDate.getTime() - 3 * 86_400_000L);
		}

	}

	private ProcessInstance assigned() {
		Map<String, Object> variables = new HashMap<>();
		variables.put(OFFICE_GROUP, "district-4201");
		variables.put(REVIEW_GROUP, "province-42-review");
		variables.put(DUE_DATE, due);
		ProcessInstance report = engine.getRuntimeService().startProcessInstanceByKey(KEY, "2569/1/4201/1", variables);
		assertThat(report).isWaitingAt(TASK_DISTRICT_DRAFT);
		assertThat(task()).hasCandidateGroup("district-4201").hasDueDate(due);
		return report;
	}

	@Test
	void heldSubmittedApproved() throws Exception {
		ProcessInstance report = assigned();
		complete(task(), withVariables(ACTIVITY_STATUS, ACTIVITY_HELD_VALUE));
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);
		assertThat(task()).hasCandidateGroup("province-42-review");
		complete(task(), withVariables(REVIEW_DECISION, DECISION_APPROVE));
		assertThat(report).hasPassedInOrder(TASK_VALIDATE_REPORT, GATEWAY_ACTIVITY_HELD, TASK_SUBMIT_REPORT,
				TASK_PROVINCE_REVIEW, TASK_RECORD_DECISION, GATEWAY_REVIEW_DECISION, END_APPROVED);
		assertThat(report).isEnded();
		verify(recordNotHeld, never()).execute(any());
	}

	@Test
	void returnedForRevisionGoesBackToTheDraftAndIsSubmittedAgain() throws Exception {
		ProcessInstance report = assigned();
		complete(task(), withVariables(ACTIVITY_STATUS, ACTIVITY_HELD_VALUE));
		complete(task(), withVariables(REVIEW_DECISION, DECISION_RETURN, RETURN_REASON, "แนบรูปถ่ายกิจกรรมด้วย"));
		assertThat(report).isWaitingAt(TASK_DISTRICT_DRAFT);
		assertThat(report).hasPassed(GATEWAY_DRAFT_MERGE);
		complete(task(), withVariables(ACTIVITY_STATUS, ACTIVITY_HELD_VALUE));
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);
		verify(submit, times(2)).execute(any());
	}

	@Test
	void notYetHeldGoesBackToTheDraftWithNewTimers() throws Exception {
		ProcessInstance report = assigned();
		complete(task(), withVariables(ACTIVITY_STATUS, ACTIVITY_NOT_HELD_VALUE));
		assertThat(report).hasPassed(TASK_RECORD_NOT_HELD).hasNotPassed(TASK_SUBMIT_REPORT);
		assertThat(report).isWaitingAt(TASK_DISTRICT_DRAFT);
		verify(recordNotHeld).execute(any());
		// the draft was left and entered again: its two timers were made anew
		assertThat(engine.getManagementService().createJobQuery().timers().count()).isEqualTo(2);
	}

	@Test
	void reminderBeforeTheDueDateKeepsTheDraftOpen() throws Exception {
		ProcessInstance report = assigned();
		assertThat(job(TIMER_REMINDER_BEFORE_DUE).getDuedate()).isEqualTo(new Deadlines().reminderAt(due));
		execute(job(TIMER_REMINDER_BEFORE_DUE));
		assertThat(report).hasPassed(TASK_QUEUE_REMINDER, "EndEvent_ReminderQueued").isWaitingAt(TASK_DISTRICT_DRAFT);
		verify(queueReminder).execute(any());
	}

	@Test
	void dueDatePassedEscalatesAndTheDraftStaysOpen() throws Exception {
		ProcessInstance report = assigned();
		assertThat(job(TIMER_DUE_DATE_PASSED).getDuedate()).isEqualTo(due);
		execute(job(TIMER_DUE_DATE_PASSED));
		assertThat(report).hasPassed(TASK_ESCALATE_OVERDUE, "EndEvent_Escalated").isWaitingAt(TASK_DISTRICT_DRAFT);
		verify(escalate).execute(any());
		// a late report is still submitted
		complete(task(), withVariables(ACTIVITY_STATUS, ACTIVITY_HELD_VALUE));
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);
	}

	@Test
	void roundClosedEndsAnUnsubmittedDraft() throws Exception {
		ProcessInstance report = assigned();
		engine.getRuntimeService()
			.createMessageCorrelation(MESSAGE_ROUND_CLOSED)
			.processInstanceId(report.getId())
			.correlate();
		assertThat(report).hasPassed(EVENT_ROUND_CLOSED, TASK_RECORD_NOT_SUBMITTED, END_NOT_SUBMITTED).isEnded();
	}

	@Test
	void withdrawnAssignmentEndsTheDraft() throws Exception {
		ProcessInstance report = assigned();
		engine.getRuntimeService()
			.createMessageCorrelation(MESSAGE_ASSIGNMENT_WITHDRAWN)
			.processInstanceId(report.getId())
			.setVariable(WITHDRAWN_REASON, "โครงการถูกยกเลิก")
			.correlate();
		assertThat(report).hasPassed(EVENT_ASSIGNMENT_WITHDRAWN, TASK_RECORD_WITHDRAWN, END_WITHDRAWN).isEnded();
	}

	@Test
	void noMessageReachesAReportUnderReview() throws Exception {
		ProcessInstance report = assigned();
		complete(task(), withVariables(ACTIVITY_STATUS, ACTIVITY_HELD_VALUE));
		assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(report.getId()).count())
			.isZero();
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(report.getId()).count()).isZero();
	}

}
