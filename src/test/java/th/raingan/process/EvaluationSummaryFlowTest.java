package th.raingan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import th.raingan.evaluation.EvaluationFlowBeans;
import th.raingan.evaluation.EvaluationSummaries;
import th.raingan.org.OrgFlowBeans;

/**
 * {@code evaluation-summary} on the plain engine: every office already approved (the task
 * at once), the last office's approval (the message), the recording window's timer; the
 * task's listeners are the real ones (the task titled with the activity, its completion
 * refused until the summary is recorded).
 */
@Deployment(resources = { "processes/evaluation-summary.bpmn", "forms/evaluation-summary.form" })
class EvaluationSummaryFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine();

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	ProcessEngine engine;

	/** Whether the province's result is in its table (EvaluationSummaries.record). */
	final AtomicBoolean recorded = new AtomicBoolean();

	@BeforeEach
	void listeners() {
		BpmnAwareTests.init(engine);
		EvaluationSummaries summaries = mock(EvaluationSummaries.class);
		// the province from the business key, as the application reads it; whether the
		// result is in its table, as the test says
		when(summaries.province(any())).thenCallRealMethod();
		when(summaries.recorded("eval/2568/57/1")).thenAnswer(call -> recorded.get());
		Flows.register("evaluationSummaries", summaries);
		Flows.register("routing", OrgFlowBeans.routing(engine.getIdentityService()));
		Flows.register("evaluationSummaryTitle", EvaluationFlowBeans.evaluationSummaryTitle(summaries));
		Flows.register("evaluationSummaryRecorded", EvaluationFlowBeans.evaluationSummaryRecorded(summaries,
				OrgFlowBeans.routing(engine.getIdentityService())));
	}

	@AfterEach
	void forget() {
		Flows.forget(engine);
	}

	ProcessInstance start(boolean allApproved) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("allApproved", allApproved);
		variables.put("windowCloses", Flows.daysFromNow(20));
		variables.put("activityName", "ประชุมเชิงปฏิบัติการ");
		return engine.getRuntimeService().startProcessInstanceByKey("evaluation-summary", "eval/2568/57/1", variables);
	}

	void recordAndComplete(ProcessInstance summary) {
		assertThat(summary).isWaitingAt("Task_ProvinceSummary");
		assertThat(task(summary)).hasCandidateGroup("province-57-review")
			.hasName("สรุปผลการประเมินระดับจังหวัด: ประชุมเชิงปฏิบัติการ");
		// Tasklist's own form cannot complete it unrecorded: the tab records and
		// completes
		String id = task(summary).getId();
		Flows.assertRefused(() -> as("review57", () -> engine.getTaskService().complete(id)),
				"ยังไม่ได้บันทึกผลการประเมินระดับจังหวัด");
		// a recordedText sent with the completion is no record: the table says
		Flows.assertRefused(
				() -> as("review57",
						() -> engine.getTaskService().complete(id, Map.of("recordedText", "ลงนามโดย review57"))),
				"ยังไม่ได้บันทึกผลการประเมินระดับจังหวัด");
		assertThat(summary).isWaitingAt("Task_ProvinceSummary");
		recorded.set(true);
		// another province's reviewer may not complete it, whatever the task's group
		Flows.assertRefused(() -> as("review42", () -> engine.getTaskService().complete(id)), "province-57-review");
		as("review57", () -> engine.getTaskService().complete(id));
		assertThat(summary).hasPassed("EndEvent_SummaryRecorded").isEnded();
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
	void everyOfficeAlreadyApproved() throws Exception {
		ProcessInstance summary = start(true);
		assertThat(summary).hasPassed("Gateway_SummaryMerge");
		recordAndComplete(summary);
	}

	@Test
	void theLastOfficesApproval() {
		ProcessInstance summary = start(false);
		assertThat(summary).isWaitingAt("Gateway_WaitForReportsOrWindow");
		engine.getRuntimeService()
			.createMessageCorrelation("EvaluationReportsComplete")
			.processInstanceBusinessKey("eval/2568/57/1")
			.correlate();
		assertThat(summary).hasPassed("Event_AllReportsApproved");
		recordAndComplete(summary);
	}

	@Test
	void theRecordingWindowCloses() {
		ProcessInstance summary = start(false);
		Job window = engine.getManagementService().createJobQuery().timers().singleResult();
		engine.getManagementService().executeJob(window.getId());
		assertThat(summary).hasPassed("Timer_WindowCloses").variables().containsKey("summaryReasonText");
		recordAndComplete(summary);
	}

}
