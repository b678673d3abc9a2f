package th.raingan.deadline;

import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import th.raingan.thai.Clock;

/**
 * After {@code Timer_ReminderBeforeDue}: queues the reminder for the office's next daily
 * digest (one mail per district a day, not one per report). A reminder whose due date has
 * already passed is left to the escalation.
 */
@Component("queueReminderDelegate")
class QueueReminderDelegate implements JavaDelegate {

	private final DigestService digests;

	QueueReminderDelegate(DigestService digests) {
		this.digests = digests;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate due = Clock.day(((Date) execution.getVariable(DUE_DATE)));
		if (Clock.today().isAfter(due)) {
			return;
		}
		var draft = execution.getProcessEngineServices()
			.getTaskService()
			.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(TASK_DISTRICT_DRAFT)
			.singleResult();
		digests.queueReminder(execution.getProcessBusinessKey(), (String) execution.getVariable(OFFICE_CODE),
				draft == null ? null : draft.getId(), due);
	}

}
