package th.raingan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static th.raingan.deadline.DeadlineEscalationProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
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
 * {@code deadline-escalation} on the plain engine: the manager's task never waits for the
 * mail.
 */
@Deployment(resources = "processes/deadline-escalation.bpmn")
class DeadlineEscalationFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine();

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	ProcessEngine engine;

	JavaDelegate mail;

	JavaDelegate close;

	@BeforeEach
	void delegates() {
		BpmnAwareTests.init(engine);
		mail = Flows.delegate("escalationMailDelegate");
		close = Flows.delegate("closeEscalationDelegate");
		Flows.taskListener("overdueListListener");
	}

	@AfterEach
	void forget() {
		Mocks.reset();
	}

	@Test
	void managerHandlesTheOverdueReportWhileTheMailGoesOutInItsOwnJob() throws Exception {
		ProcessInstance escalation = engine.getRuntimeService()
			.startProcessInstanceByKey(KEY,
					Map.of(ROUND_KEY, "2569/1/42", OFFICE_CODE, "4201", MANAGER_GROUP, "province-42-manager"));
		assertThat(escalation).isWaitingAt(TASK_HANDLE_OVERDUE, TASK_MAIL_ESCALATION);
		assertThat(task()).hasCandidateGroup("province-42-manager");

		// the manager first: the mail's job is still waiting, and the escalation too
		// until it has run
		complete(task());
		verify(close).execute(any());
		assertThat(escalation).isNotEnded();

		ManagementService management = engine.getManagementService();
		Job mailJob = management.createJobQuery().activityId(TASK_MAIL_ESCALATION).singleResult();
		management.executeJob(mailJob.getId());
		verify(mail).execute(any());
		// async after: the sent mail is committed before its branch ends
		assertThat(escalation).isNotEnded();
		Flows.runAsyncJobs(management);
		assertThat(escalation).hasPassed("EndEvent_Mailed", "EndEvent_OverdueHandled").isEnded();
	}

}
