package th.raingan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static th.raingan.round.DistrictRoundProcess.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
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
 * {@code district-round} on the plain engine, each report ({@code district-report}) a
 * one-task stand-in: one report per key, each started in its own job under its key, and
 * the office's part ends with its last report.
 */
@Deployment(resources = { "processes/district-round.bpmn", "flows/stub-district-report.bpmn" })
class DistrictRoundFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine("district-report");

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	ProcessEngine engine;

	@BeforeEach
	void delegates() {
		BpmnAwareTests.init(engine);
		Flows.inputs("districtReportInputs", REPORT_KEY, ROUND_KEY);
	}

	@AfterEach
	void forget() {
		Mocks.reset();
	}

	@Test
	void oneReportPerKeyAndTheOfficeDoneWithItsLast() {
		ManagementService management = engine.getManagementService();
		ProcessInstance office = engine.getRuntimeService()
			.startProcessInstanceByKey(KEY, "2569/1/42/4201",
					Map.of(ROUND_KEY, "2569/1/42", REPORT_KEYS, List.of("2569/1/4201/1", "2569/1/4201/2")));
		// async before: no report exists until its own job has run
		assertThat(
				engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("district-report").count())
			.isZero();
		Flows.runAsyncJobs(management);
		assertThat(engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey("2569/1/4201/2")
			.count()).isOne();

		List<Task> reports = taskQuery().taskDefinitionKey("Task_StubWork").list();
		engine.getTaskService().complete(reports.get(0).getId());
		Flows.runAsyncJobs(management);
		assertThat(office).isWaitingAt(CALL_REPORTS);
		engine.getTaskService().complete(reports.get(1).getId());
		// async after: the report's end reaches the office's part in a job of its own
		assertThat(office).isNotEnded();
		Flows.runAsyncJobs(management);
		assertThat(office).hasPassed(END).isEnded();
	}

}
