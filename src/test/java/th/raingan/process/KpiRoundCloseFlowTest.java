package th.raingan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static th.raingan.kpi.KpiRoundCloseProcess.*;

import java.time.Duration;
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
 * Every path of {@code kpi-round-close} on the plain engine, the half-year's end
 * included: after the sign-off the round waits for a reasoned reopening or for
 * {@code Timer_RoundFinal}, 180 days, after which it is final.
 */
@Deployment(resources = "processes/kpi-round-close.bpmn")
class KpiRoundCloseFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine();

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	ProcessEngine engine;

	JavaDelegate notify;

	JavaDelegate recordReopen;

	JavaDelegate computeScores;

	@BeforeEach
	void delegates() {
		BpmnAwareTests.init(engine);
		Flows.delegate("freezeRoundDelegate");
		Flows.delegate("prepareEntriesDelegate", execution -> {
			execution.setVariable(OFFICE_GROUP, "district-" + execution.getVariable(OFFICE_CODE));
			// 4203 has its people's accounts and a template with individual indicators
			boolean people = "4203".equals(execution.getVariable(OFFICE_CODE));
			execution.setVariable("hasPeople", people);
			execution.setVariable("headId", people ? "head4203" : null);
		});
		Flows.delegate("recordAgreementsDelegate",
				execution -> execution.setVariable("agreedOfficers", List.of("cdo4203a", "cdo4203b")));
		Flows.delegate("preparePersonDelegate");
		Flows.delegate("recordOfficerConfirmationDelegate");
		Flows.delegate("recordHeadConfirmationDelegate");
		Flows.delegate("preparePersonEntriesDelegate");
		Flows.delegate("checkIndividualEntriesDelegate");
		Flows.delegate("recordHeadVerificationDelegate", execution -> execution.setVariable("personVerified",
				"correct".equals(execution.getVariable("personDecision"))));
		Flows.delegate("checkEntriesDelegate");
		Flows.delegate("recordVerificationDelegate",
				execution -> execution.setVariable(VERIFIED, "correct".equals(execution.getVariable(VERIFY_DECISION))));
		computeScores = Flows.delegate("computeScoresDelegate");
		Flows.delegate("takeSnapshotDelegate");
		notify = Flows.delegate("notifyDistrictsDelegate");
		recordReopen = Flows.delegate("recordReopenDelegate");
	}

	@AfterEach
	void forget() {
		Mocks.reset();
	}

	private ProcessInstance closeRequested() {
		ProcessInstance round = engine.getRuntimeService()
			.startProcessInstanceByKey(KEY, "kpi/2569/1/42", Map.of(ROUND_KEY, "2569/1/42", OFFICES,
					List.of("4201", "4202"), MANAGER_GROUP, "province-42-manager", REVIEW_GROUP, "province-42-review"));
		assertThat(round).hasPassed(TASK_FREEZE_ROUND, "Task_PrepareEntries");
		assertThat(taskQuery().taskDefinitionKey(TASK_ENTER_KPIS).count()).isEqualTo(2);
		return round;
	}

	/** The office's entry, then the province's check with the given decision. */
	private void enterAndVerify(String office, String decision) {
		Task entry = taskQuery().taskDefinitionKey(TASK_ENTER_KPIS)
			.taskCandidateGroup("district-" + office)
			.singleResult();
		complete(entry);
		Task verify = taskQuery().taskDefinitionKey(TASK_VERIFY_KPIS)
			.processVariableValueEquals(OFFICE_CODE, office)
			.singleResult();
		assertThat(verify).hasCandidateGroup("province-42-review");
		complete(verify, withVariables(VERIFY_DECISION, decision));
	}

	private void signedOff(ProcessInstance round) {
		assertThat(round).isWaitingAt(TASK_MANAGER_SIGN_OFF);
		assertThat(task()).hasCandidateGroup("province-42-manager");
		complete(task());
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
		ProcessInstance round = closeRequested();
		enterAndVerify("4201", "return");
		assertThat(taskQuery().taskDefinitionKey(TASK_ENTER_KPIS).taskCandidateGroup("district-4201").count()).isOne();
		enterAndVerify("4201", "correct");
		enterAndVerify("4202", "correct");
		assertThat(round).hasPassed("EndEvent_DistrictVerified", TASK_COMPUTE_SCORES);
		signedOff(round);
		verify(notify, times(2)).execute(any());

		long expected = System.currentTimeMillis() + Duration.ofDays(180).toMillis();
		assertThat(job("Timer_RoundFinal").getDuedate().getTime()).isCloseTo(expected, within(60_000L));
		execute(job("Timer_RoundFinal"));
		assertThat(round).hasPassed(END_SIGNED_OFF).isEnded();
		assertThat(engine.getRuntimeService().createEventSubscriptionQuery().count()).isZero();
	}

	@Test
	void reopenedWithinTheHalfYearRunsTheDistrictsAgain() throws Exception {
		ProcessInstance round = closeRequested();
		enterAndVerify("4201", "correct");
		enterAndVerify("4202", "correct");
		signedOff(round);

		engine.getRuntimeService()
			.createMessageCorrelation(MESSAGE_ROUND_REOPENED)
			.processInstanceId(round.getId())
			.setVariable(REOPEN_REASON, "อำเภอแจ้งข้อมูลผิดพลาด")
			.correlate();
		verify(recordReopen).execute(any());
		// the timer of the signed round is gone with the gateway; the districts enter
		// again
		assertThat(engine.getManagementService().createJobQuery().timers().count()).isZero();
		assertThat(taskQuery().taskDefinitionKey(TASK_ENTER_KPIS).count()).isEqualTo(2);
		enterAndVerify("4201", "correct");
		enterAndVerify("4202", "correct");
		verify(computeScores, times(2)).execute(any());
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
		ProcessInstance round = engine.getRuntimeService()
			.startProcessInstanceByKey(KEY, "kpi/2569/1/42", Map.of(ROUND_KEY, "2569/1/42", OFFICES, List.of("4203"),
					MANAGER_GROUP, "province-42-manager", REVIEW_GROUP, "province-42-review"));
		complete(taskQuery().taskDefinitionKey("Task_AssignIndicators").taskAssignee("head4203").singleResult());
		assertThat(taskQuery().taskDefinitionKey("Task_OfficerConfirms").count()).isEqualTo(2);
		assertThat(taskQuery().taskDefinitionKey("Task_HeadConfirms").count()).isEqualTo(2);
		for (String officer : List.of("cdo4203a", "cdo4203b")) {
			complete(taskQuery().taskDefinitionKey("Task_OfficerConfirms").taskAssignee(officer).singleResult());
		}
		taskQuery().taskDefinitionKey("Task_HeadConfirms").list().forEach(BpmnAwareTests::complete);
		for (String officer : List.of("cdo4203a", "cdo4203b")) {
			complete(taskQuery().taskDefinitionKey("Task_EnterIndividualKpis").taskAssignee(officer).singleResult());
		}
		List<Task> checks = taskQuery().taskDefinitionKey("Task_HeadVerifiesIndividual")
			.taskAssignee("head4203")
			.list();
		assertThat(checks).hasSize(2);
		complete(checks.get(0), withVariables("personDecision", "return", "personReason", "แนบหลักฐานขั้นที่ 3"));
		complete(checks.get(1), withVariables("personDecision", "correct"));
		// the returned officer enters again
		Task again = taskQuery().taskDefinitionKey("Task_EnterIndividualKpis").singleResult();
		complete(again);
		complete(taskQuery().taskDefinitionKey("Task_HeadVerifiesIndividual").singleResult(),
				withVariables("personDecision", "correct"));
		assertThat(round).isWaitingAt(TASK_ENTER_KPIS).isNotEnded();

		enterAndVerify("4203", "correct");
		assertThat(round).hasPassed("EndEvent_PersonVerified", "EndEvent_DistrictVerified", TASK_COMPUTE_SCORES);
		signedOff(round);
		execute(job("Timer_RoundFinal"));
		assertThat(round).isEnded();
	}

}
