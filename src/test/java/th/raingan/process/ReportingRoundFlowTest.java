package th.raingan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static th.raingan.round.ReportingRoundProcess.*;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code reporting-round} on the plain engine, each office's part
 * ({@code district-round}) a one-task stand-in: the round ends when every office is done,
 * and its end date closes what is left and starts the KPI round.
 */
@Deployment(resources = { "processes/reporting-round.bpmn", "flows/stub-district-round.bpmn" })
class ReportingRoundFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine("district-round");

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	ProcessEngine engine;

	JavaDelegate closeRound;

	JavaDelegate startKpi;

	final Date roundEnd = Flows.daysFromNow(180);

	@BeforeEach
	void delegates() {
		BpmnAwareTests.init(engine);
		Flows.delegate("openRoundDelegate", execution -> {
			execution.setVariable(OFFICE_CODES, List.of("4201", "4202"));
			execution.setVariable(ROUND_END, roundEnd);
		});
		Flows.inputs("officeRoundInputs", OFFICE_CODE, ROUND_KEY);
		closeRound = Flows.delegate("closeRoundDelegate");
		startKpi = Flows.delegate("startKpiRoundCloseDelegate");
	}

	@AfterEach
	void forget() {
		Mocks.reset();
	}

	private ProcessInstance opened() {
		ProcessInstance round = engine.getRuntimeService()
			.startProcessInstanceByKey(KEY, "2569/1/42", Map.of(ROUND_KEY, "2569/1/42", INITIATOR, "manager42"));
		assertThat(round).hasPassed(TASK_OPEN_ROUND).isWaitingAt(CALL_DISTRICT_REPORTS);
		Flows.runAsyncJobs(engine.getManagementService());
		assertThat(
				engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("district-round").count())
			.isEqualTo(2);
		assertThat(engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey("2569/1/42/4201")
			.count()).isOne();
		return round;
	}

	private void officesDone() {
		for (Task work : taskQuery().taskDefinitionKey("Task_StubWork").list()) {
			engine.getTaskService().complete(work.getId());
		}
		Flows.runAsyncJobs(engine.getManagementService());
	}

	@Test
	void everyOfficeDoneCompletesTheRound() throws Exception {
		ProcessInstance round = opened();
		officesDone();
		assertThat(round).hasPassed(END).isEnded();
		verify(closeRound, never()).execute(any());
	}

	@Test
	void roundEndClosesWhatIsLeftAndStartsTheKpiRound() throws Exception {
		ProcessInstance round = opened();
		assertThat(job(TIMER_ROUND_ENDS).getDuedate()).isEqualTo(roundEnd);
		execute(job(TIMER_ROUND_ENDS));
		verify(closeRound).execute(any());
		// the KPI round is started in a job of its own, after the closing is committed
		verify(startKpi, never()).execute(any());
		execute(job(TASK_START_KPI_ROUND_CLOSE));
		verify(startKpi).execute(any());
		assertThat(round).hasPassed(END_ROUND_CLOSED);
		// non-interrupting: the offices' parts go on until the closing messages have
		// ended them
		officesDone();
		assertThat(round).isEnded();
	}

}
