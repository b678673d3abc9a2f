package th.raingan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static th.raingan.kpi.KpiRoundCloseProcess.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

import th.raingan.deadline.Recipients;
import th.raingan.kpi.Indicator;
import th.raingan.kpi.KpiAgreements;
import th.raingan.kpi.KpiCatalog;
import th.raingan.kpi.KpiFlowBeans;
import th.raingan.kpi.KpiPeople;
import th.raingan.kpi.KpiRoundService;
import th.raingan.kpi.KpiTemplate;
import th.raingan.mail.Mailer;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgFlowBeans;
import th.raingan.org.OrgUnits;
import th.raingan.org.Routing;
import th.raingan.org.People;

/**
 * Every path of {@code kpi-round-close} on the plain engine through its real delegates,
 * the half-year's end included: after the sign-off the round waits for a reasoned
 * reopening or for {@code Timer_RoundFinal}, 180 days, after which it is final. The KPI
 * tables (the frozen round, the entries, the agreements, the scores), the offices, the
 * people and the mail are mocks; the head's decision on a person's entries is the
 * service's answer.
 */
@Deployment(resources = "processes/kpi-round-close.bpmn")
class KpiRoundCloseFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine();

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	ProcessEngine engine;

	static final String ROUND_KEY_42 = "2569-1/42";

	static final String TEMPLATE = "loei-2569-1";

	final KpiRoundService rounds = mock(KpiRoundService.class);

	final KpiAgreements agreements = mock(KpiAgreements.class);

	final Mailer mailer = mock(Mailer.class);

	@BeforeEach
	void delegates() {
		BpmnAwareTests.init(engine);
		OrgUnits orgUnits = mock(OrgUnits.class);
		KpiPeople people = mock(KpiPeople.class);
		KpiCatalog catalog = mock(KpiCatalog.class);
		Recipients recipients = mock(Recipients.class);
		for (String office : List.of("4201", "4202", "4203")) {
			when(orgUnits.find(office)).thenReturn(Optional
				.of(new OrgUnit(office, OrgUnit.Level.DISTRICT, "42", "สำนักงานพัฒนาชุมชนอำเภอ " + office, office)));
			when(recipients.of("district-" + office)).thenReturn(List.of("cdd" + office + "@example.org"));
		}
		// 4203 has its head's and officers' accounts, and the template individual
		// indicators
		when(people.head("4203")).thenReturn(Optional.of("head4203"));
		when(people.officers("4203")).thenReturn(List.of("cdo4203a", "cdo4203b"));
		when(catalog.template(TEMPLATE)).thenReturn(Optional.of(new KpiTemplate(TEMPLATE, "ตัวชี้วัดจังหวัดเลย", 2569,
				List.of(1), List.of("42"), List.of(), List.of(new Indicator("P1", "ผลงานรายบุคคล", BigDecimal.ONE,
						"entered", List.of(), List.of(), "officer")))));
		when(agreements.assign(eq(ROUND_KEY_42), eq(TEMPLATE), eq("4203"), eq("head4203"), any()))
			.thenReturn(List.of("cdo4203a", "cdo4203b"));
		// the head's decision is checked and stored by the service; its answer is what
		// the
		// delegate hands the gateway
		when(agreements.decide(eq(ROUND_KEY_42), eq("4203"), any(), eq("head4203"), any(), any()))
			.thenAnswer(call -> "verify".equals(call.getArgument(4)));
		when(rounds.scores(ROUND_KEY_42, TEMPLATE)).thenReturn(List.of(score("4201"), score("4202"), score("4203")));

		// the round's row and the agreements: what the process's groups, head and
		// officers are read from
		when(rounds.provinceOf(ROUND_KEY_42)).thenReturn("42");
		when(rounds.templateOf(ROUND_KEY_42)).thenReturn(TEMPLATE);
		when(agreements.officeOf(eq(ROUND_KEY_42), any())).thenReturn("4203");
		Routing routing = Flows.register("routing", OrgFlowBeans.routing(engine.getIdentityService()));
		Flows.register("signedInStarter", OrgFlowBeans.signedInStarter(engine.getIdentityService()));
		KpiFlowBeans.Services services = new KpiFlowBeans.Services(rounds, orgUnits, people, agreements, catalog,
				mock(People.class), mailer, recipients, engine.getIdentityService(), routing);
		Flows.register("kpiFacts", services.facts());
		Flows.register("kpiScorecardListener", KpiFlowBeans.kpiScorecardListener(services));
		Flows.register("freezeRoundDelegate", KpiFlowBeans.freezeRoundDelegate(services));
		Flows.register("prepareEntriesDelegate", KpiFlowBeans.prepareEntriesDelegate(services));
		Flows.register("recordAgreementsDelegate", KpiFlowBeans.recordAgreementsDelegate(services));
		Flows.register("preparePersonDelegate", KpiFlowBeans.preparePersonDelegate(services));
		Flows.register("recordOfficerConfirmationDelegate", KpiFlowBeans.recordOfficerConfirmationDelegate(services));
		Flows.register("recordHeadConfirmationDelegate", KpiFlowBeans.recordHeadConfirmationDelegate(services));
		Flows.register("preparePersonEntriesDelegate", KpiFlowBeans.preparePersonEntriesDelegate(services));
		Flows.register("checkIndividualEntriesDelegate", KpiFlowBeans.checkIndividualEntriesDelegate(services));
		Flows.register("recordHeadVerificationDelegate", KpiFlowBeans.recordHeadVerificationDelegate(services));
		Flows.register("checkEntriesDelegate", KpiFlowBeans.checkEntriesDelegate(services));
		Flows.register("recordVerificationDelegate", KpiFlowBeans.recordVerificationDelegate(services));
		Flows.register("computeScoresDelegate", KpiFlowBeans.computeScoresDelegate(services));
		Flows.register("takeSnapshotDelegate", KpiFlowBeans.takeSnapshotDelegate(services));
		Flows.register("notifyDistrictsDelegate", KpiFlowBeans.notifyDistrictsDelegate(services));
		Flows.register("recordReopenDelegate", KpiFlowBeans.recordReopenDelegate(services));
	}

	private static KpiRoundService.DistrictScore score(String office) {
		return new KpiRoundService.DistrictScore(office, Map.of("K1", 4), new BigDecimal("4.00"),
				new BigDecimal("80.00"), Map.of());
	}

	@AfterEach
	void forget() {
		Flows.forget(engine);
	}

	/**
	 * The manager's request to close the round, for the given offices (what the frozen
	 * reports name).
	 */
	private ProcessInstance closeRequested(String... offices) {
		// manager42 signed in sends Chiang Rai's manager as the initiator: the freeze is
		// asked for the one signed in (th.raingan.org.SignedInStarter)
		when(rounds.freeze("manager42", "42", "2569", "1", TEMPLATE)).thenReturn(List.of(offices));
		when(rounds.offices(ROUND_KEY_42)).thenReturn(List.of(offices));
		ProcessInstance round = as("manager42",
				() -> engine.getRuntimeService()
					.startProcessInstanceByKey(KEY, Map.of(INITIATOR, "manager57", ROUND_PROVINCE, "42", FISCAL_YEAR,
							"2569", ROUND_NO, "1", TEMPLATE_ID, TEMPLATE)));
		assertThat(round).hasPassed(TASK_FREEZE_ROUND, "Task_PrepareEntries").hasBusinessKey("kpi/" + ROUND_KEY_42);
		assertThat(taskQuery().taskDefinitionKey(TASK_ENTER_KPIS).count()).isEqualTo(offices.length);
		return round;
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

	private void complete(Task task, String user, Map<String, Object> variables) {
		as(user, () -> {
			BpmnAwareTests.complete(task, variables);
			return null;
		});
	}

	private void complete(Task task, String user) {
		complete(task, user, Map.of());
	}

	/**
	 * The office's entry, then the province's check: verified, or returned with a reason.
	 */
	private void enterAndVerify(String office, String decision) {
		Task entry = taskQuery().taskDefinitionKey(TASK_ENTER_KPIS)
			.taskCandidateGroup("district-" + office)
			.singleResult();
		complete(entry, "str" + office);
		verify(rounds, atLeastOnce()).saveEntries(eq(ROUND_KEY_42), eq(office), eq(TEMPLATE), any());
		Task verify = taskQuery().taskDefinitionKey(TASK_VERIFY_KPIS)
			.processVariableValueEquals(OFFICE_CODE, office)
			.singleResult();
		assertThat(verify).hasCandidateGroup("province-42-review");
		complete(verify, "review42",
				"return".equals(decision)
						? withVariables(VERIFY_DECISION, decision, VERIFY_REASON, "แนบหลักฐานตัวชี้วัดที่ 2")
						: withVariables(VERIFY_DECISION, decision));
	}

	private void signedOff(ProcessInstance round) {
		assertThat(round).isWaitingAt(TASK_MANAGER_SIGN_OFF);
		assertThat(task()).hasCandidateGroup("province-42-manager");
		complete(task(), "manager42", withVariables(SIGN_OFF_CONFIRM, true));
		verify(rounds, atLeastOnce()).signOff(ROUND_KEY_42, TEMPLATE, "manager42");
		// one notification job per office: a mail outage in one does not hold the others
		int offices = ((List<?>) engine.getRuntimeService().getVariable(round.getId(), OFFICES)).size();
		assertThat(engine.getManagementService().createJobQuery().activityId(TASK_NOTIFY_DISTRICTS).count())
			.isEqualTo(offices);
		Flows.runAsyncJobs(engine.getManagementService());
		// the event-based gateway waits for the reopening message and the 180-day timer
		assertThat(round).isWaitingAt(GATEWAY_AFTER_SIGN_OFF);
		assertThat(engine.getRuntimeService().createEventSubscriptionQuery().eventName(MESSAGE_ROUND_REOPENED).count())
			.isOne();
		assertThat(job("Timer_RoundFinal")).isNotNull();
	}

	@Test
	void returnedOnceThenVerifiedSignedAndFinalAfter180Days() throws Exception {
		ProcessInstance round = closeRequested("4201", "4202");
		enterAndVerify("4201", "return");
		assertThat(taskQuery().taskDefinitionKey(TASK_ENTER_KPIS).taskCandidateGroup("district-4201").count()).isOne();
		assertThat(String.valueOf(engine.getRuntimeService()
			.getVariable(taskQuery().taskDefinitionKey(TASK_ENTER_KPIS)
				.taskCandidateGroup("district-4201")
				.singleResult()
				.getExecutionId(), RETURN_HISTORY)))
			.contains("review42", "แนบหลักฐานตัวชี้วัดที่ 2");
		// a decision that is neither is refused: the check stays open
		complete(taskQuery().taskDefinitionKey(TASK_ENTER_KPIS).taskCandidateGroup("district-4201").singleResult(),
				"str4201");
		Task check = taskQuery().taskDefinitionKey(TASK_VERIFY_KPIS).singleResult();
		Flows.assertRefused(() -> complete(check, "review42", withVariables(VERIFY_DECISION, "maybe")), "ผลการตรวจ");
		complete(check, "review42", withVariables(VERIFY_DECISION, "verify"));
		enterAndVerify("4202", "verify");
		assertThat(round).hasPassed("EndEvent_DistrictVerified", TASK_COMPUTE_SCORES);
		// the sign-off must be confirmed
		Flows.assertRefused(() -> complete(task(), "manager42"), "ยืนยันการลงนาม");
		assertThat(round).isWaitingAt(TASK_MANAGER_SIGN_OFF);
		signedOff(round);
		// each office is mailed its own score
		verify(mailer).send(eq(List.of("cdd4201@example.org")), eq(List.of()), contains("2569-1/42"), any());
		verify(mailer).send(eq(List.of("cdd4202@example.org")), eq(List.of()), contains("2569-1/42"), any());
		verify(mailer, times(2)).send(any(), any(), any(), any());

		long expected = System.currentTimeMillis() + Duration.ofDays(180).toMillis();
		assertThat(job("Timer_RoundFinal").getDuedate().getTime()).isCloseTo(expected, within(60_000L));
		execute(job("Timer_RoundFinal"));
		assertThat(round).hasPassed(END_SIGNED_OFF).isEnded();
		assertThat(engine.getRuntimeService().createEventSubscriptionQuery().count()).isZero();
	}

	@Test
	void reopenedWithinTheHalfYearRunsTheDistrictsAgain() throws Exception {
		ProcessInstance round = closeRequested("4201", "4202");
		enterAndVerify("4201", "verify");
		enterAndVerify("4202", "verify");
		signedOff(round);

		engine.getRuntimeService()
			.createMessageCorrelation(MESSAGE_ROUND_REOPENED)
			.processInstanceId(round.getId())
			.setVariable(REOPEN_REASON, "อำเภอแจ้งข้อมูลผิดพลาด")
			.correlate();
		verify(rounds).reopen(ROUND_KEY_42);
		assertThat(String.valueOf(engine.getRuntimeService().getVariable(round.getId(), REOPEN_HISTORY)))
			.contains("อำเภอแจ้งข้อมูลผิดพลาด");
		// the timer of the signed round is gone with the gateway; the districts enter
		// again
		assertThat(engine.getManagementService().createJobQuery().timers().count()).isZero();
		assertThat(taskQuery().taskDefinitionKey(TASK_ENTER_KPIS).count()).isEqualTo(2);
		enterAndVerify("4201", "verify");
		enterAndVerify("4202", "verify");
		verify(rounds, times(2)).scorecardText(ROUND_KEY_42, TEMPLATE);
		signedOff(round);
		execute(job("Timer_RoundFinal"));
		assertThat(round).isEnded();
	}

	/**
	 * A district with its people: the head assigns individual indicators, each officer
	 * and the head confirm the agreement (in either order), each officer enters their own
	 * results, the head returns or verifies them; the district's team results go their
	 * own way beside it and the district is done when both are.
	 */
	@Test
	void individualIndicatorsAgreedEnteredReturnedAndVerifiedBesideTheTeamsResults() {
		ProcessInstance round = closeRequested("4203");
		complete(taskQuery().taskDefinitionKey("Task_AssignIndicators").taskAssignee("head4203").singleResult(),
				"head4203");
		assertThat(taskQuery().taskDefinitionKey("Task_OfficerConfirms").count()).isEqualTo(2);
		assertThat(taskQuery().taskDefinitionKey("Task_HeadConfirms").count()).isEqualTo(2);
		for (String officer : List.of("cdo4203a", "cdo4203b")) {
			complete(taskQuery().taskDefinitionKey("Task_OfficerConfirms").taskAssignee(officer).singleResult(),
					officer);
			verify(agreements).confirm(eq(ROUND_KEY_42), eq("4203"), eq(officer), eq(KpiAgreements.OFFICER),
					eq(officer), any());
		}
		taskQuery().taskDefinitionKey("Task_HeadConfirms").list().forEach(task -> complete(task, "head4203"));
		for (String officer : List.of("cdo4203a", "cdo4203b")) {
			complete(taskQuery().taskDefinitionKey("Task_EnterIndividualKpis").taskAssignee(officer).singleResult(),
					officer);
		}
		List<Task> checks = taskQuery().taskDefinitionKey("Task_HeadVerifiesIndividual")
			.taskAssignee("head4203")
			.list();
		assertThat(checks).hasSize(2);
		complete(checks.get(0), "head4203",
				withVariables("personDecision", "return", "personReason", "แนบหลักฐานขั้นที่ 3"));
		complete(checks.get(1), "head4203", withVariables("personDecision", "verify"));
		// the returned officer enters again
		Task again = taskQuery().taskDefinitionKey("Task_EnterIndividualKpis").singleResult();
		assertThat(
				String.valueOf(engine.getRuntimeService().getVariable(again.getExecutionId(), PERSON_RETURN_HISTORY)))
			.contains("head4203", "แนบหลักฐานขั้นที่ 3");
		complete(again, again.getAssignee());
		complete(taskQuery().taskDefinitionKey("Task_HeadVerifiesIndividual").singleResult(), "head4203",
				withVariables("personDecision", "verify"));
		assertThat(round).isWaitingAt(TASK_ENTER_KPIS).isNotEnded();

		enterAndVerify("4203", "verify");
		assertThat(round).hasPassed("EndEvent_PersonVerified", "EndEvent_DistrictVerified", TASK_COMPUTE_SCORES);
		signedOff(round);
		execute(job("Timer_RoundFinal"));
		assertThat(round).isEnded();
	}

}
