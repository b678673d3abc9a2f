package th.raingan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code evaluation-summary} on the plain engine: the province's summary waits until every office's report is
 * approved, or until the evaluation plan's window closes, whichever comes first.
 */
@Deployment(resources = "processes/evaluation-summary.bpmn")
class EvaluationSummaryFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine();

	ProcessEngine engine;

	TaskListener recorded;

	final Date windowCloses = Flows.daysFromNow(30);

	@BeforeEach
	void listeners() {
		BpmnAwareTests.init(engine);
		Flows.taskListener("evaluationSummaryTitle");
		recorded = Flows.taskListener("evaluationSummaryRecorded");
	}

	@AfterEach
	void forget() {
		Mocks.reset();
	}

	private ProcessInstance firstApproved(boolean allApproved) {
		return engine.getRuntimeService()
			.startProcessInstanceByKey("evaluation-summary", "eval/2569/42/P0167",
					Map.of("allApproved", allApproved, "windowCloses", windowCloses, "reviewGroup", "province-42-review"));
	}

	@Test
	void theOnlyOfficeApprovedGoesStraightToTheSummary() {
		ProcessInstance summary = firstApproved(true);
		assertThat(summary).isWaitingAt("Task_ProvinceSummary");
		assertThat(task()).hasCandidateGroup("province-42-review");
		complete(task());
		verify(recorded).notify(any());
		assertThat(summary).hasPassed("EndEvent_SummaryRecorded").isEnded();
	}

	@Test
	void theLastApprovalBringsTheSummary() {
		ProcessInstance summary = firstApproved(false);
		assertThat(summary).isWaitingAt("Gateway_WaitForReportsOrWindow");
		engine.getRuntimeService().createMessageCorrelation("EvaluationReportsComplete")
			.processInstanceId(summary.getId()).correlate();
		assertThat(summary).hasPassed("Event_AllReportsApproved").isWaitingAt("Task_ProvinceSummary");
		assertThat(engine.getManagementService().createJobQuery().timers().count()).isZero();
	}

	@Test
	void theWindowsEndBringsTheSummaryWithWhatIsThere() {
		ProcessInstance summary = firstApproved(false);
		assertThat(summary).isWaitingAt("Gateway_WaitForReportsOrWindow");
		assertThat(job("Timer_WindowCloses").getDuedate()).isEqualTo(windowCloses);
		execute(job("Timer_WindowCloses"));
		assertThat(summary).hasPassed("Timer_WindowCloses").isWaitingAt("Task_ProvinceSummary");
		assertThat(engine.getRuntimeService().getVariable(summary.getId(), "summaryReasonText")).isNotNull();
	}

}
