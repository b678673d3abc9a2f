package th.raingan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static th.raingan.plan.KpiTargetPlanProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

import th.raingan.org.Officers;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgFlowBeans;
import th.raingan.org.OrgUnits;
import th.raingan.org.Routing;
import th.raingan.plan.IndicatorCatalogue;
import th.raingan.plan.PlanFlowBeans;
import th.raingan.plan.PlanService;

/**
 * Every path of {@code kpi-target-plan} on the plain engine, through the real delegates
 * (the plan's real check sets the sign-off gateway, the real decision the reopening one):
 * saved, signed off, reopened with a reason, accepted. The plans' table, the officers and
 * the department's catalogue are mocks.
 */
@Deployment(resources = "processes/kpi-target-plan.bpmn")
class KpiTargetPlanFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine();

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	static final String PLAN_KEY = PlanService.planKey(2569, "4201", "1.1");

	ProcessEngine engine;

	final PlanService plans = mock(PlanService.class);

	@BeforeEach
	void delegates() {
		BpmnAwareTests.init(engine);
		Officers officers = mock(Officers.class);
		OrgUnits orgUnits = mock(OrgUnits.class);
		IndicatorCatalogue catalogue = mock(IndicatorCatalogue.class);
		OrgUnit office = new OrgUnit("4201", OrgUnit.Level.DISTRICT, "42", "สำนักงานพัฒนาชุมชนอำเภอเมืองเลย",
				"Mueang Loei");
		IndicatorCatalogue.Indicator indicator = new IndicatorCatalogue.Indicator("1.1",
				"จำนวนครัวเรือนเป้าหมายที่ได้รับการพัฒนา", "ครัวเรือน", IndicatorCatalogue.QUANTITY, "อำเภอ", "S1",
				"ครัวเรือนยากจน", List.of("district"));
		when(officers.find("str4201")).thenReturn(Optional.of(new Officers.Officer("str4201", "4201", "district")));
		when(orgUnits.find("4201")).thenReturn(Optional.of(office));
		when(catalogue.find("1.1")).thenReturn(Optional.of(indicator));
		when(catalogue.plannedBy(indicator, office)).thenReturn(true);
		// the plan's row: created for the starter's own office
		when(plans.office(any())).thenReturn("4201");
		IdentityService identity = engine.getIdentityService();
		Routing routing = Flows.register("routing", OrgFlowBeans.routing(identity));
		Flows.register("planService", plans);
		Flows.register("signedInStarter", OrgFlowBeans.signedInStarter(identity));
		Flows.register("openPlanDelegate", PlanFlowBeans.openPlanDelegate(plans, officers, orgUnits, catalogue));
		Flows.register("checkPlanDelegate", PlanFlowBeans.checkPlanDelegate(plans, identity, routing));
		Flows.register("signOffPlanDelegate", PlanFlowBeans.signOffPlanDelegate(plans, identity));
		Flows.register("recordProvinceDecisionDelegate",
				PlanFlowBeans.recordProvinceDecisionDelegate(plans, identity, routing));
	}

	@AfterEach
	void forget() {
		Flows.forget(engine);
	}

	/** The budget bureau's example: total 85, quarters 15/25/20/20. */
	static Map<String, Object> bureauExample(String action) {
		Map<String, Object> values = new HashMap<>();
		values.put("planQ1", "15");
		values.put("planQ2", "25");
		values.put("planQ3", "20");
		values.put("planQ4", "20");
		values.put(TOTAL, "85");
		values.put(SUCCESS_FACTOR, "การกำกับติดตามของจังหวัด");
		values.put(PLAN_ACTION, action);
		return values;
	}

	private <T> T as(String user, java.util.function.Supplier<T> work) {
		engine.getIdentityService().setAuthenticatedUserId(user);
		try {
			return work.get();
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	private void complete(org.camunda.bpm.engine.task.Task task, String user, Map<String, Object> variables) {
		as(user, () -> {
			BpmnAwareTests.complete(task, variables);
			return null;
		});
	}

	@Test
	void savedThenSignedOffReopenedAndAccepted() throws Exception {
		ProcessInstance plan = as("str4201", () -> engine.getRuntimeService()
			.startProcessInstanceByKey(KEY, Map.of(FISCAL_YEAR, "2569", KPI_CODE, "1.1")));
		assertThat(plan).isWaitingAt(TASK_EDIT_PLAN).hasBusinessKey(PLAN_KEY);
		assertThat(task()).hasCandidateGroup("district-4201");
		verify(plans).create(eq(PLAN_KEY), eq(2569), eq("4201"), eq("1.1"), any(), any(), any(), eq("str4201"));

		complete(task(), "str4201", bureauExample(ACTION_SAVE));
		assertThat(plan).hasPassed(GATEWAY_PLAN_ACTION).hasNotPassed(TASK_SIGN_OFF).isWaitingAt(TASK_EDIT_PLAN);

		// what breaks the program's rules is refused, whatever the action
		Map<String, Object> words = bureauExample(ACTION_SIGN_OFF);
		words.put("planQ1", "สิบห้า");
		Flows.assertRefused(() -> complete(task(), "str4201", words), "บันทึกแผนไม่ได้");
		assertThat(plan).isWaitingAt(TASK_EDIT_PLAN).hasNotPassed(TASK_SIGN_OFF);

		complete(task(), "str4201", bureauExample(ACTION_SIGN_OFF));
		assertThat(plan).hasPassed(TASK_SIGN_OFF).isWaitingAt(TASK_PROVINCE_CHECK);
		assertThat(task()).hasCandidateGroup("province-42-review");
		verify(plans).signOff(eq(PLAN_KEY), any());

		complete(task(), "review42",
				withVariables(PROVINCE_DECISION, DECISION_REOPEN, REOPEN_REASON, "ค่าเป้าหมายไตรมาส 2 ผิด"));
		assertThat(plan).hasPassed(GATEWAY_REOPEN).hasNotPassed(END_ACCEPTED).isWaitingAt(TASK_EDIT_PLAN);
		verify(plans).reopen(PLAN_KEY);
		verify(plans, never()).accept(any());

		complete(task(), "str4201", bureauExample(ACTION_SIGN_OFF));
		complete(task(), "review42", withVariables(PROVINCE_DECISION, DECISION_ACCEPT));
		assertThat(plan).hasPassed(END_ACCEPTED).isEnded();
		verify(plans).accept(PLAN_KEY);
		verify(plans, times(3)).save(eq(PLAN_KEY), any(), any(), any());
		verify(plans, times(2)).signOff(eq(PLAN_KEY), any());
	}

}
