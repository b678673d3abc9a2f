package th.raingan.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static th.raingan.deadline.DeadlineEscalationProcess.*;

import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.raingan.ApplicationTest;

/**
 * The paths of {@code deadline-escalation} and {@code daily-digest} (mail content:
 * {@link DeadlineMailTest}).
 */
@ApplicationTest
class DeadlineProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	EscalationService escalations;

	@Autowired
	DigestService digests;

	@BeforeEach
	void init() {
		BpmnAwareTests.init(engine);
	}

	@Test
	void anEscalationWaitsForTheManagerAndCanReopenAfterwards() {
		String round = "test-" + UUID.randomUUID().toString().substring(0, 8);
		escalations.escalate(round, "5701");
		escalations.escalate(round, "5701");
		ProcessInstance escalation = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(round + "/5701")
			.singleResult();
		// the manager's task is there at once; the mail is a job of its own (no mail
		// server in this test)
		assertThat(escalation).isWaitingAt(TASK_MAIL_ESCALATION, TASK_HANDLE_OVERDUE);
		assertThat(task(escalation)).hasCandidateGroup("province-57-manager");
		assertThat(escalation).variables().containsEntry(OVERDUE_TEXT, "ไม่มีรายงานค้างส่ง (ส่งครบแล้ว)");

		// only the manager of the office's own province closes it (the business key's
		// office, org.Routing): Loei's manager may not, even were the task routed to
		// them by a bug (the candidate group added here as the engine)
		String taskId = task(escalation).getId();
		org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
		tasks.addCandidateGroup(taskId, "province-42-manager");
		try {
			th.raingan.Users.signIn(identity, "manager42");
			assertThatThrownBy(() -> tasks.complete(taskId)).hasMessageContaining("province-57-manager");
			th.raingan.Users.signIn(identity, "manager57");
			tasks.complete(taskId);
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(escalation).hasPassed(TASK_CLOSE_ESCALATION).isWaitingAt(TASK_MAIL_ESCALATION);

		escalations.escalate(round, "5701");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(round + "/5701").count())
			.as("a later overdue report opens a new escalation")
			.isEqualTo(2);
	}

	@Test
	void eachMorningEveryOfficeWithRemindersGetsItsOwnRetriableJob() {
		var before = engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(DailyDigestProcess.KEY)
			.list()
			.stream()
			.map(h -> h.getId())
			.toList();
		var offices = digests.officesWithPendingReminders();

		management.executeJob(management.createJobQuery()
			.processDefinitionKey(DailyDigestProcess.KEY)
			.timers()
			.singleResult()
			.getId());

		var started = engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(DailyDigestProcess.KEY)
			.list()
			.stream()
			.filter(h -> !before.contains(h.getId()))
			.toList();
		assertThat(started).hasSize(1);
		String digest = started.get(0).getId();
		if (offices.isEmpty()) {
			assertThat(started.get(0).getEndTime()).as("nothing to send: the digest ends at once").isNotNull();
		}
		else {
			assertThat(management.createJobQuery().processInstanceId(digest).messages().count())
				.isEqualTo(offices.size());
			runtime.deleteProcessInstance(digest, "test: leave the reminders to the mail tests");
		}
		assertThat(management.createJobQuery().processDefinitionKey(DailyDigestProcess.KEY).timers().count())
			.as("tomorrow morning is scheduled")
			.isEqualTo(1);
	}

}
