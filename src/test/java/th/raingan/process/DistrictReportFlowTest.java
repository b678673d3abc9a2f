package th.raingan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static th.raingan.report.DistrictReportProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.attachment.AttachmentService;
import th.raingan.deadline.DeadlineFlowBeans;
import th.raingan.deadline.DigestService;
import th.raingan.deadline.EscalationService;
import th.raingan.org.OrgFlowBeans;
import th.raingan.org.People;
import th.raingan.org.Routing;
import th.raingan.project.Assignment;
import th.raingan.project.DeadlineRule;
import th.raingan.project.Project;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.FieldComments;
import th.raingan.report.OverdueReportAccess;
import th.raingan.report.ReportDrafts;
import th.raingan.report.ReportFacts;
import th.raingan.report.ReportFlowBeans;
import th.raingan.report.ReportService;
import th.raingan.report.ReportTracker;
import th.raingan.report.ReportVersions;
import th.raingan.review.ReviewFlowBeans;
import th.raingan.thai.Clock;

/**
 * Every path of {@code district-report} on the plain engine, through the real delegates
 * and listeners (see {@link Flows}): the draft is checked by the real validation, whose
 * answer alone sends the report to the review or back to the draft; the decision is
 * recorded by the real delegate, whose answer alone ends the report or returns it. Only
 * the services that write the tables, grant Cockpit access and queue mail are mocks.
 */
@Deployment(resources = "processes/district-report.bpmn")
class DistrictReportFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine();

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	static final String KEY_4201 = "2569/1/4201/1";

	static final String PROJECT = "โครงการส่งเสริมการจัดทำแผนพัฒนาตำบล";

	/**
	 * A day of fiscal year 2569, the demo draft's year (its activity ended 20/01/2569).
	 */
	static final LocalDate TODAY = LocalDate.of(2026, 1, 25);

	static final LocalDate DUE = LocalDate.of(2026, 2, 4);

	/** The assignment the report answers: area data asked, no evaluation. */
	static final Assignment ASSIGNMENT = new Assignment(7L, new Project(1L, 2569, "42", "15008", PROJECT,
			"งบประมาณจังหวัด", "ครั้ง", BigDecimal.ONE, false, DeadlineRule.ROUND), "4201", BigDecimal.ONE, null, null,
			null, null, true, null);

	ProcessEngine engine;

	final ReportTracker tracker = mock(ReportTracker.class);

	final OverdueReportAccess access = mock(OverdueReportAccess.class);

	final ReportService reports = mock(ReportService.class);

	final DigestService digests = mock(DigestService.class);

	final EscalationService escalations = mock(EscalationService.class);

	final ReportVersions versions = mock(ReportVersions.class);

	/**
	 * The report's row as the tracker keeps it: its due date moves when the tracker's
	 * does.
	 */
	final AtomicReference<LocalDate> due = new AtomicReference<>(DUE);

	@BeforeEach
	void delegates() {
		BpmnAwareTests.init(engine);
		Flows.clockAt(TODAY.atTime(10, 0));
		IdentityService identity = engine.getIdentityService();
		People people = mock(People.class);
		when(people.displayName("review42")).thenReturn("นางสาวตรวจ รายงาน");
		FieldComments comments = mock(FieldComments.class);
		when(reports.submit(any())).thenReturn(501L);
		// the report's row and assignment: what the server decides the report by
		when(tracker.find(KEY_4201)).thenAnswer(
				call -> Optional.of(new ReportTracker.Tracked(KEY_4201, "2569-1/42", 7L, "4201", "42", due.get())));
		doAnswer(call -> {
			due.set(call.getArgument(3));
			return null;
		}).when(tracker).notHeld(any(), any(), any(), any());
		doAnswer(call -> {
			due.set(call.getArgument(1));
			return null;
		}).when(tracker).dueDate(any(), any());
		ProjectCatalog catalog = mock(ProjectCatalog.class);
		when(catalog.assignment(7L)).thenReturn(Optional.of(ASSIGNMENT));
		when(versions.awaitingDecision(KEY_4201)).thenReturn(Optional.of(new ReportVersions.Version(501L, KEY_4201, 7L,
				1, ReportService.STATUS_SUBMITTED, true, "str4201", BigDecimal.ZERO, BigDecimal.ZERO, null, null)));
		ReportFacts facts = Flows.register("reportFacts", ReportFlowBeans.reportFacts(tracker, catalog));
		Routing routing = Flows.register("routing", OrgFlowBeans.routing(identity));

		Flows.register("reportOpenedListener", ReportFlowBeans.reportOpenedListener(tracker));
		Flows.register("taskTitleListener", ReportFlowBeans.taskTitleListener());
		Flows.register("reviewChangesListener",
				ReviewFlowBeans.reviewChangesListener(versions, comments, mock(JdbcTemplate.class)));
		Flows.register("validateReportDelegate", ReportFlowBeans.validateReportDelegate(facts));
		Flows.register("recordNotHeldDelegate", ReportFlowBeans.recordNotHeldDelegate(tracker, access, facts));
		Flows.register("submitReportDelegate",
				ReportFlowBeans.submitReportDelegate(reports, tracker, identity, mock(AttachmentService.class), facts));
		Flows.register("recordDecisionDelegate", ReportFlowBeans.recordDecisionDelegate(reports, tracker, identity,
				people, versions, comments, facts, routing));
		Flows.register("recordNotSubmittedDelegate", ReportFlowBeans.recordNotSubmittedDelegate(tracker));
		Flows.register("recordWithdrawnDelegate", ReportFlowBeans.recordWithdrawnDelegate(tracker));
		Flows.register("queueReminderDelegate", DeadlineFlowBeans.queueReminderDelegate(digests, facts));
		Flows.register("escalateOverdueDelegate",
				DeadlineFlowBeans.escalateOverdueDelegate(tracker, access, escalations, facts));
		Flows.register("deadlines", DeadlineFlowBeans.deadlines());
	}

	@AfterEach
	void forget() {
		Flows.forget(engine);
	}

	/** What the district round gives a report when it starts it. */
	private ProcessInstance assigned() {
		Map<String, Object> variables = new HashMap<>();
		variables.put(ROUND_KEY, "2569-1/42");
		variables.put(ASSIGNMENT_ID, 7L);
		variables.put(OFFICE_CODE, "4201");
		variables.put(OFFICE_NAME, "สำนักงานพัฒนาชุมชนอำเภอเมืองเลย");
		variables.put(PROJECT_NAME, PROJECT);
		variables.put(BUDGET_CODE, "15008");
		variables.put(DUE_DATE, Clock.endOfDay(DUE));
		variables.put(DUE_DATE_TEXT, "4 กุมภาพันธ์ 2569");
		variables.put(REVISION, 1);
		ProcessInstance report = engine.getRuntimeService().startProcessInstanceByKey(KEY, KEY_4201, variables);
		assertThat(report).isWaitingAt(TASK_DISTRICT_DRAFT);
		assertThat(task()).hasCandidateGroup("district-4201")
			.hasDueDate(Clock.endOfDay(DUE))
			.hasName("รายงานผล: " + PROJECT);
		verify(tracker).opened(KEY_4201, report.getId(), "2569-1/42", 7L, "4201", "42", DUE);
		return report;
	}

	/** The officer sends the demo draft, held, as the form sends it. */
	private void submitHeld() {
		Map<String, Object> draft = ReportDrafts.valid();
		draft.put(ACTIVITY_STATUS, ACTIVITY_HELD_VALUE);
		as("str4201", () -> complete(task(), draft));
	}

	private void decide(Map<String, Object> decision) {
		as("review42", () -> complete(task(), decision));
	}

	private void as(String user, Runnable work) {
		engine.getIdentityService().setAuthenticatedUserId(user);
		try {
			work.run();
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	@Test
	void heldSubmittedApproved() throws Exception {
		ProcessInstance report = assigned();
		submitHeld();
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);
		assertThat(task()).hasCandidateGroup("province-42-review").hasName("พิจารณา อำเภอเมืองเลย: " + PROJECT);
		ArgumentCaptor<ReportVersions.Submission> submission = ArgumentCaptor.forClass(ReportVersions.Submission.class);
		verify(reports).submit(submission.capture());
		assertThat(submission.getValue().submittedBy()).isEqualTo("str4201");
		assertThat(submission.getValue().onTime()).isTrue();
		assertThat(submission.getValue().dueDate()).isEqualTo(DUE);
		verify(tracker).status(KEY_4201, ReportService.STATUS_SUBMITTED);

		decide(withVariables(REVIEW_DECISION, DECISION_APPROVE));
		assertThat(report).hasPassedInOrder(TASK_VALIDATE_REPORT, GATEWAY_ACTIVITY_HELD, TASK_SUBMIT_REPORT,
				TASK_PROVINCE_REVIEW, TASK_RECORD_DECISION, GATEWAY_REVIEW_DECISION, END_APPROVED);
		assertThat(report).isEnded();
		verify(reports).approve(eq(501L), eq("review42"), any());
		verify(tracker).status(KEY_4201, ReportService.STATUS_APPROVED);
		verify(tracker, never()).notHeld(any(), any(), any(), any());
	}

	@Test
	void anIncompleteDraftIsRefusedAndStaysWithTheDistrict() {
		ProcessInstance report = assigned();
		Map<String, Object> draft = ReportDrafts.valid();
		draft.put(ACTIVITY_STATUS, ACTIVITY_HELD_VALUE);
		draft.remove(OFFICER_NAME);
		Flows.assertRefused(() -> as("str4201", () -> complete(task(), draft)), "ผู้รับผิดชอบโครงการ");
		// the whole completion rolled back
		assertThat(report).isWaitingAt(TASK_DISTRICT_DRAFT).hasNotPassed(TASK_VALIDATE_REPORT);
		verify(reports, never()).submit(any());
	}

	@Test
	void returnedForRevisionGoesBackToTheDraftAndIsSubmittedAgain() throws Exception {
		ProcessInstance report = assigned();
		submitHeld();
		// a return without its reason is refused: the review stays open
		Flows.assertRefused(() -> decide(withVariables(REVIEW_DECISION, DECISION_RETURN)), "เหตุผลที่ส่งกลับแก้ไข");
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);

		decide(withVariables(REVIEW_DECISION, DECISION_RETURN, RETURN_REASON, "แนบรูปถ่ายกิจกรรมด้วย"));
		assertThat(report).isWaitingAt(TASK_DISTRICT_DRAFT).hasPassed(GATEWAY_DRAFT_MERGE);
		verify(reports).returnForRevision(eq(501L), eq("review42"), any(), eq("แนบรูปถ่ายกิจกรรมด้วย"));
		verify(tracker).status(KEY_4201, ReportService.STATUS_RETURNED);
		assertThat(report).variables().containsEntry(REVISION, 2);
		assertThat(String.valueOf(engine.getRuntimeService().getVariable(report.getId(), RETURN_HISTORY)))
			.contains("นางสาวตรวจ รายงาน", "แนบรูปถ่ายกิจกรรมด้วย");
		assertThat(task()).hasName("ส่งกลับแก้ไข: " + PROJECT);

		submitHeld();
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);
		verify(reports, times(2)).submit(any());
	}

	@Test
	void notYetHeldGoesBackToTheDraftWithNewTimers() throws Exception {
		ProcessInstance report = assigned();
		LocalDate planned = LocalDate.of(2026, 3, 15);
		as("str4201", () -> complete(task(), withVariables(ACTIVITY_STATUS, ACTIVITY_NOT_HELD_VALUE, NOT_HELD_REASON,
				"รอการโอนงบประมาณจากกรม", NOT_HELD_PLANNED_DATE, "15/03/2569")));
		assertThat(report).hasPassed(TASK_RECORD_NOT_HELD).hasNotPassed(TASK_SUBMIT_REPORT);
		assertThat(report).isWaitingAt(TASK_DISTRICT_DRAFT);
		// the due date follows the plan, and the province may read the reason
		verify(tracker).notHeld(KEY_4201, "รอการโอนงบประมาณจากกรม", planned, planned);
		verify(access).grantProvince(report.getId(), "42");
		verify(reports, never()).submit(any());
		// the draft was left and entered again: its two timers were made anew from the
		// new due date
		assertThat(engine.getManagementService().createJobQuery().timers().count()).isEqualTo(2);
		assertThat(job(TIMER_DUE_DATE_PASSED).getDuedate()).isEqualTo(Clock.endOfDay(planned));
	}

	@Test
	void reminderBeforeTheDueDateKeepsTheDraftOpen() throws Exception {
		ProcessInstance report = assigned();
		// three days before the due date, at the start of the day in Thailand
		assertThat(job(TIMER_REMINDER_BEFORE_DUE).getDuedate())
			.isEqualTo(Date.from(DUE.minusDays(3).atStartOfDay(Clock.ZONE).toInstant()));
		Flows.clockAt(DUE.minusDays(3).atStartOfDay());
		execute(job(TIMER_REMINDER_BEFORE_DUE));
		assertThat(report).hasPassed(TASK_QUEUE_REMINDER, "EndEvent_ReminderQueued").isWaitingAt(TASK_DISTRICT_DRAFT);
		verify(digests).queueReminder(KEY_4201, "4201", task().getId(), DUE);
	}

	@Test
	void dueDatePassedEscalatesAndTheDraftStaysOpen() throws Exception {
		ProcessInstance report = assigned();
		assertThat(job(TIMER_DUE_DATE_PASSED).getDuedate()).isEqualTo(Clock.endOfDay(DUE));
		Flows.clockAt(DUE.plusDays(1).atTime(0, 0));
		execute(job(TIMER_DUE_DATE_PASSED));
		assertThat(report).hasPassed(TASK_ESCALATE_OVERDUE, "EndEvent_Escalated").isWaitingAt(TASK_DISTRICT_DRAFT);
		verify(tracker).late(KEY_4201);
		verify(access).grantProvince(report.getId(), "42");
		verify(escalations).escalate("2569-1/42", "4201");
		// a late report is still submitted, flagged late
		Flows.clockAt(DUE.plusDays(2).atTime(9, 0));
		submitHeld();
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW)
			.variables()
			.hasEntrySatisfying(SUBMISSION_TEXT, text -> assertThat((String) text).contains("ส่งล่าช้า"));
	}

	@Test
	void roundClosedEndsAnUnsubmittedDraft() throws Exception {
		ProcessInstance report = assigned();
		engine.getRuntimeService()
			.createMessageCorrelation(MESSAGE_ROUND_CLOSED)
			.processInstanceId(report.getId())
			.correlate();
		assertThat(report).hasPassed(EVENT_ROUND_CLOSED, TASK_RECORD_NOT_SUBMITTED, END_NOT_SUBMITTED).isEnded();
		verify(tracker).status(KEY_4201, ReportTracker.NOT_SUBMITTED);
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
		verify(tracker).withdrawn(KEY_4201, "โครงการถูกยกเลิก");
	}

	@Test
	void noMessageReachesAReportUnderReview() throws Exception {
		ProcessInstance report = assigned();
		submitHeld();
		assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(report.getId()).count())
			.isZero();
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(report.getId()).count()).isZero();
	}

}
