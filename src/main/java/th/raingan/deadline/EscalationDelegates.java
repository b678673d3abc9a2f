package th.raingan.deadline;

import static th.raingan.deadline.DeadlineEscalationProcess.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import th.raingan.report.DistrictReportProcess;
import th.raingan.report.OverdueReportAccess;
import th.raingan.report.ReportTracker;

/**
 * The deadline steps of {@code district-report} and {@code deadline-escalation}: thin
 * calls to the services.
 */
@Configuration
class EscalationDelegates {

	/**
	 * {@code Task_EscalateOverdue}, after {@code Timer_DueDatePassed}: recorded late,
	 * open to the province in Cockpit, and escalated.
	 */
	@Bean
	JavaDelegate escalateOverdueDelegate(ReportTracker tracker, OverdueReportAccess access,
			EscalationService escalations) {
		return execution -> {
			tracker.late(execution.getProcessBusinessKey());
			access.grantProvince(execution.getProcessInstanceId(),
					th.raingan.report.ReportValues.provinceCode(th.raingan.report.ReportValues.roundKey(execution)));
			escalations.escalate((String) execution.getVariable(DistrictReportProcess.ROUND_KEY),
					(String) execution.getVariable(DistrictReportProcess.OFFICE_CODE));
		};
	}

	/** {@code Task_MailEscalation} (asynchronous, retried). */
	@Bean
	JavaDelegate escalationMailDelegate(EscalationService escalations) {
		return execution -> escalations.mail((String) execution.getVariable(ROUND_KEY),
				(String) execution.getVariable(OFFICE_CODE));
	}

	/**
	 * {@code Task_HandleOverdue} on create: the list as it stands when the manager gets
	 * the task.
	 */
	@Bean
	TaskListener overdueListListener(EscalationService escalations) {
		return task -> task.setVariable(OVERDUE_TEXT,
				escalations.overdueText((String) task.getVariable(ROUND_KEY), (String) task.getVariable(OFFICE_CODE)));
	}

	/** {@code Task_CloseEscalation}: a later overdue report opens a new escalation. */
	@Bean
	JavaDelegate closeEscalationDelegate(EscalationService escalations) {
		return execution -> escalations.handled((String) execution.getVariable(ROUND_KEY),
				(String) execution.getVariable(OFFICE_CODE));
	}

}
