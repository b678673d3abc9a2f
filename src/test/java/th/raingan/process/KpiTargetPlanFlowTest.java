package th.raingan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static th.raingan.plan.KpiTargetPlanProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * Every path of {@code kpi-target-plan} on the plain engine: saved, signed off, reopened
 * with a reason, accepted.
 */
@Deployment(resources = "processes/kpi-target-plan.bpmn")
class KpiTargetPlanFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine();

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	ProcessEngine engine;

	JavaDelegate checkPlan;

	JavaDelegate signOff;

	@BeforeEach
	void delegates() {
		BpmnAwareTests.init(engine);
		Flows.delegate("openPlanDelegate", execution -> {
			execution.setVariable(OFFICE_GROUP, "district-4201");
			execution.setVariable(REVIEW_GROUP, "province-42-review");
		});
		checkPlan = Flows.delegate("checkPlanDelegate", execution -> execution.setVariable(SIGNED_OFF,
				ACTION_SIGN_OFF.equals(execution.getVariable(PLAN_ACTION))));
		signOff = Flows.delegate("signOffPlanDelegate");
		Flows.delegate("recordProvinceDecisionDelegate", execution -> execution.setVariable(REOPENED,
				DECISION_REOPEN.equals(execution.getVariable(PROVINCE_DECISION))));
	}

	@AfterEach
	void forget() {
		Mocks.reset();
	}

	@Test
	void savedThenSignedOffReopenedAndAccepted() throws Exception {
		ProcessInstance plan = engine.getRuntimeService()
			.startProcessInstanceByKey(KEY, Map.of(INITIATOR, "str4201", FISCAL_YEAR, 2569));
		assertThat(plan).isWaitingAt(TASK_EDIT_PLAN);
		assertThat(task()).hasCandidateGroup("district-4201");

		complete(task(), withVariables(PLAN_ACTION, ACTION_SAVE));
		assertThat(plan).hasPassed(GATEWAY_PLAN_ACTION).hasNotPassed(TASK_SIGN_OFF).isWaitingAt(TASK_EDIT_PLAN);

		complete(task(), withVariables(PLAN_ACTION, ACTION_SIGN_OFF));
		assertThat(plan).hasPassed(TASK_SIGN_OFF).isWaitingAt(TASK_PROVINCE_CHECK);
		assertThat(task()).hasCandidateGroup("province-42-review");

		complete(task(), withVariables(PROVINCE_DECISION, DECISION_REOPEN, REOPEN_REASON, "ค่าเป้าหมายไตรมาส 2 ผิด"));
		assertThat(plan).hasPassed(GATEWAY_REOPEN).hasNotPassed(END_ACCEPTED).isWaitingAt(TASK_EDIT_PLAN);

		complete(task(), withVariables(PLAN_ACTION, ACTION_SIGN_OFF));
		complete(task(), withVariables(PROVINCE_DECISION, DECISION_ACCEPT));
		assertThat(plan).hasPassed(END_ACCEPTED).isEnded();
		verify(checkPlan, times(3)).execute(any());
		verify(signOff, times(2)).execute(any());
	}

}
