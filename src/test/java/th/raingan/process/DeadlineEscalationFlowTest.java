package th.raingan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static th.raingan.deadline.DeadlineEscalationProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import th.raingan.deadline.DeadlineFlowBeans;
import th.raingan.deadline.EscalationService;
import th.raingan.org.OrgFlowBeans;
import th.raingan.org.Routing;

/**
 * {@code deadline-escalation} on the plain engine with its real delegates and listener:
 * the manager's task never waits for the mail.
 */
@Deployment(resources = "processes/deadline-escalation.bpmn")
class DeadlineEscalationFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine();

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	ProcessEngine engine;

	/** The overdue reports' table and the mail: the only thing mocked. */
	final EscalationService escalations = mock(EscalationService.class);

	@BeforeEach
	void delegates() {
		BpmnAwareTests.init(engine);
		when(escalations.overdueText("2569-1/42", "4201")).thenReturn("- โครงการ ก (เกินกำหนด 3 วัน)");
		Flows.register("escalationMailDelegate", DeadlineFlowBeans.escalationMailDelegate(escalations));
		Routing routing = Flows.register("routing", OrgFlowBeans.routing(engine.getIdentityService()));
		Flows.register("escalationFacts", DeadlineFlowBeans.escalationFacts());
		Flows.register("closeEscalationDelegate", DeadlineFlowBeans.closeEscalationDelegate(escalations, routing));
		Flows.register("overdueListListener", DeadlineFlowBeans.overdueListListener(escalations));
	}

	@AfterEach
	void forget() {
		Flows.forget(engine);
	}

	private void as(String user, Runnable work) {
		engine.getIdentityService().setAuthenticatedUserId(user);
		try {
			work.run();
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	@Test
	void managerHandlesTheOverdueReportWhileTheMailGoesOutInItsOwnJob() throws Exception {
		ProcessInstance escalation = engine.getRuntimeService()
			.startProcessInstanceByKey(KEY, "2569-1/42/4201", Map.of(ROUND_KEY, "2569-1/42", OFFICE_CODE, "4201"));
		assertThat(escalation).isWaitingAt(TASK_HANDLE_OVERDUE, TASK_MAIL_ESCALATION);
		assertThat(task()).hasCandidateGroup("province-42-manager");
		// the list as it stands when the manager gets the task
		assertThat(escalation).variables().containsEntry(OVERDUE_TEXT, "- โครงการ ก (เกินกำหนด 3 วัน)");

		// the manager first: the mail's job is still waiting, and the escalation too
		// until it has run
		// only the manager of the office's own province closes it
		Flows.assertRefused(() -> as("manager57", () -> complete(task())), "province-42-manager");
		as("manager42", () -> complete(task()));
		verify(escalations).handled("2569-1/42", "4201");
		assertThat(escalation).isNotEnded();

		ManagementService management = engine.getManagementService();
		Job mailJob = management.createJobQuery().activityId(TASK_MAIL_ESCALATION).singleResult();
		management.executeJob(mailJob.getId());
		verify(escalations).mail("2569-1/42", "4201");
		// async after: the sent mail is committed before its branch ends
		assertThat(escalation).isNotEnded();
		Flows.runAsyncJobs(management);
		assertThat(escalation).hasPassed("EndEvent_Mailed", "EndEvent_OverdueHandled").isEnded();
	}

}
