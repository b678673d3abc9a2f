package th.raingan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static th.raingan.round.DistrictRoundProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.project.Assignment;
import th.raingan.project.DeadlineRule;
import th.raingan.project.Project;
import th.raingan.report.DistrictReportProcess;
import th.raingan.round.RoundFlowBeans;
import th.raingan.round.RoundService;
import th.raingan.thai.Clock;

/**
 * {@code district-round} on the plain engine, each report ({@code district-report}) a
 * one-task stand-in: one report per key, each started in its own job under its key with
 * what the real variable mapping takes from its assignment, and the office's part ends
 * with its last report. The assignments' and offices' tables are mocks.
 */
@Deployment(resources = { "processes/district-round.bpmn", "flows/stub-district-report.bpmn" })
class DistrictRoundFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine("district-report");

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	static final LocalDate ROUND_DEADLINE_DAY = LocalDate.of(2026, 3, 31);

	ProcessEngine engine;

	@BeforeEach
	void delegates() {
		BpmnAwareTests.init(engine);
		RoundService rounds = mock(RoundService.class);
		OrgUnits orgUnits = mock(OrgUnits.class);
		when(orgUnits.find("4201")).thenReturn(Optional
			.of(new OrgUnit("4201", OrgUnit.Level.DISTRICT, "42", "สำนักงานพัฒนาชุมชนอำเภอเมืองเลย", "Mueang Loei")));
		for (String budgetCode : List.of("15008", "15009")) {
			Project project = new Project(1L, 2569, "42", budgetCode, "โครงการ " + budgetCode, "งบจังหวัด", "ครัวเรือน",
					BigDecimal.TEN, false, DeadlineRule.ROUND);
			when(rounds.assignmentOf("2569-1/" + budgetCode + "/4201"))
				.thenReturn(Optional.of(new Assignment(Long.parseLong(budgetCode), project, "4201", BigDecimal.TEN,
						null, null, null, null, true, null)));
		}
		Flows.register("districtReportInputs", RoundFlowBeans.districtReportInputs(rounds, orgUnits));
	}

	@AfterEach
	void forget() {
		Flows.forget(engine);
	}

	@Test
	void oneReportPerKeyAndTheOfficeDoneWithItsLast() {
		ManagementService management = engine.getManagementService();
		ProcessInstance office = engine.getRuntimeService()
			.startProcessInstanceByKey(KEY, "2569-1/42/4201",
					Map.of(ROUND_KEY, "2569-1/42", FISCAL_YEAR, 2569, ROUND_NO, 1, ROUND_DEADLINE,
							Clock.endOfDay(ROUND_DEADLINE_DAY), OFFICE_CODE, "4201", REPORT_KEYS,
							List.of("2569-1/15008/4201", "2569-1/15009/4201")));
		// async before: no report exists until its own job has run
		assertThat(
				engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("district-report").count())
			.isZero();
		Flows.runAsyncJobs(management);
		ProcessInstance report = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey("2569-1/15009/4201")
			.singleResult();
		// what the report starts with, from its assignment: a rule "by the round's
		// deadline" makes that its due date
		Map<String, Object> inputs = engine.getRuntimeService().getVariables(report.getId());
		assertThat(inputs).containsEntry(DistrictReportProcess.ASSIGNMENT_ID, 15009L)
			.containsEntry(DistrictReportProcess.PROJECT_NAME, "โครงการ 15009")
			.containsEntry(DistrictReportProcess.DUE_DATE, Clock.endOfDay(ROUND_DEADLINE_DAY))
			.containsEntry(DistrictReportProcess.REVISION, 1);

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
