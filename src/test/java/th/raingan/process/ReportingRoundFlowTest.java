package th.raingan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static th.raingan.round.ReportingRoundProcess.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

import th.raingan.kpi.KpiCatalog;
import th.raingan.kpi.KpiFlowBeans;
import th.raingan.org.OrgFlowBeans;
import th.raingan.kpi.KpiRoundCloseProcess;
import th.raingan.kpi.KpiTemplate;
import th.raingan.report.ReportTracker;
import th.raingan.round.RoundFlowBeans;
import th.raingan.round.RoundService;
import th.raingan.thai.Clock;
import th.raingan.thai.FiscalYear;

/**
 * {@code reporting-round} on the plain engine through its real delegates, each office's
 * part ({@code district-round}) and the KPI round it starts ({@code kpi-round-close})
 * one-task stand-ins: the round ends when every office is done, and its end date closes
 * what is left and starts the KPI round with the province's template. The round's tables
 * (what the manager's request opens, the reports' states) and the KPI templates are
 * mocks.
 */
@Deployment(resources = { "processes/reporting-round.bpmn", "flows/stub-district-round.bpmn",
		"flows/stub-kpi-round-close.bpmn" })
class ReportingRoundFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine("district-round", "kpi-round-close");

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	static final String ROUND_KEY_42 = RoundService.roundKey(2569, 1, "42");

	ProcessEngine engine;

	final RoundService rounds = mock(RoundService.class);

	final ReportTracker tracker = mock(ReportTracker.class);

	final KpiCatalog catalog = mock(KpiCatalog.class);

	@BeforeEach
	void delegates() {
		BpmnAwareTests.init(engine);
		Flows.clockAt(LocalDate.of(2026, 1, 5).atTime(9, 0));
		when(rounds.open("manager42", "2569", "1", "31/03/2569"))
			.thenReturn(new RoundService.Round(2569, 1, LocalDate.of(2026, 3, 31), "42",
					List.of("2569-1/15008/4201", "2569-1/15009/4201", "2569-1/15008/4202"), List.of()));
		Flows.register("signedInStarter", OrgFlowBeans.signedInStarter(engine.getIdentityService()));
		Flows.register("openRoundDelegate", RoundFlowBeans.openRoundDelegate(rounds, engine.getHistoryService()));
		Flows.register("officeRoundInputs", RoundFlowBeans.officeRoundInputs());
		Flows.register("closeRoundDelegate", RoundFlowBeans.closeRoundDelegate(engine.getRuntimeService(), tracker));
		Flows.register("startKpiRoundCloseDelegate",
				KpiFlowBeans.startKpiRoundCloseDelegate(engine.getRuntimeService(), catalog));
	}

	@AfterEach
	void forget() {
		Flows.forget(engine);
	}

	private ProcessInstance opened() {
		// manager42 signed in; the "initiator" sent with the start names Chiang Rai's
		// manager: the round is opened for the one signed in
		// (th.raingan.org.SignedInStarter)
		engine.getIdentityService().setAuthenticatedUserId("manager42");
		ProcessInstance round;
		try {
			round = engine.getRuntimeService()
				.startProcessInstanceByKey(KEY, Map.of(INITIATOR, "manager57", FISCAL_YEAR, "2569", ROUND_NO, "1",
						REPORTING_DEADLINE, "31/03/2569"));
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
		assertThat(round).hasPassed(TASK_OPEN_ROUND).isWaitingAt(CALL_DISTRICT_REPORTS).hasBusinessKey(ROUND_KEY_42);
		Flows.runAsyncJobs(engine.getManagementService());
		// one part per office, under its key, with only its own reports
		assertThat(
				engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("district-round").count())
			.isEqualTo(2);
		ProcessInstance office = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(ROUND_KEY_42 + "/4201")
			.singleResult();
		assertThat(engine.getRuntimeService().getVariable(office.getId(), REPORT_KEYS))
			.isEqualTo(List.of("2569-1/15008/4201", "2569-1/15009/4201"));
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
		verify(tracker, never()).countByStatus(any());
	}

	@Test
	void roundEndClosesWhatIsLeftAndStartsTheKpiRound() throws Exception {
		when(catalog.usable("42", 2569, 1)).thenReturn(List.of(new KpiTemplate("loei-2569-1",
				"ตัวชี้วัดจังหวัดเลย 2569 รอบ 1", 2569, List.of(1), List.of("42"), List.of(), List.of())));
		ProcessInstance round = opened();
		// the round's end date is the first half year's end, at the day's last second
		assertThat(job(TIMER_ROUND_ENDS).getDuedate()).isEqualTo(Clock.endOfDay(FiscalYear.of(2569).roundEnd(1)));
		execute(job(TIMER_ROUND_ENDS));
		verify(tracker).dueAfter(eq(ROUND_KEY_42), any());
		// the KPI round is started in a job of its own, after the closing is committed
		assertThat(engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(KpiRoundCloseProcess.KEY)
			.count()).isZero();
		execute(job(TASK_START_KPI_ROUND_CLOSE));
		ProcessInstance kpi = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(KpiRoundCloseProcess.KEY)
			.singleResult();
		assertThat(engine.getRuntimeService().getVariables(kpi.getId()))
			.containsEntry(KpiRoundCloseProcess.TEMPLATE_ID, "loei-2569-1")
			.containsEntry(KpiRoundCloseProcess.ROUND_PROVINCE, "42");
		assertThat(round).hasPassed(END_ROUND_CLOSED);
		// non-interrupting: the offices' parts go on until the closing messages have
		// ended them
		officesDone();
		assertThat(round).isEnded();
	}

	@Test
	void withoutATemplateTheKpiRoundWaitsForTheManager() {
		ProcessInstance round = opened();
		execute(job(TIMER_ROUND_ENDS));
		execute(job(TASK_START_KPI_ROUND_CLOSE));
		assertThat(round).hasPassed(END_ROUND_CLOSED);
		assertThat(engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(KpiRoundCloseProcess.KEY)
			.count()).isZero();
	}

}
