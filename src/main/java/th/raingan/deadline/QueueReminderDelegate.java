package th.raingan.deadline;

import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import th.raingan.report.ReportFacts;
import th.raingan.report.ReportTracker;
import th.raingan.thai.Clock;

/**
 * After {@code Timer_ReminderBeforeDue}: queues the reminder for the office's next daily
 * digest (one mail per district a day, not one per report). A reminder whose due date has
 * already passed is left to the escalation.
 */
@Component("queueReminderDelegate")
class QueueReminderDelegate implements JavaDelegate {

	private final DigestService digests;

	private final ReportFacts facts;

	QueueReminderDelegate(DigestService digests, ReportFacts facts) {
		this.digests = digests;
		this.facts = facts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// the office and the due date are the report's row, never its variables
		ReportTracker.Tracked report = facts.tracked(execution);
		LocalDate due = report.dueDate();
		if (Clock.today().isAfter(due)) {
			return;
		}
		var draft = execution.getProcessEngineServices()
			.getTaskService()
			.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(TASK_DISTRICT_DRAFT)
			.singleResult();
		digests.queueReminder(execution.getProcessBusinessKey(), report.officeCode(),
				draft == null ? null : draft.getId(), due);
	}

}
