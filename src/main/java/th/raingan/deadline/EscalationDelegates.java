package th.raingan.deadline;

import static th.raingan.deadline.DeadlineEscalationProcess.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import th.raingan.org.Routing;
import th.raingan.report.ReportFacts;
import th.raingan.report.ReportRefused;
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
			EscalationService escalations, ReportFacts facts) {
		return execution -> {
			// the report's round, office and province are its row's, never its variables
			ReportTracker.Tracked report = facts.tracked(execution);
			tracker.late(execution.getProcessBusinessKey());
			access.grantProvince(execution.getProcessInstanceId(), report.provinceCode());
			escalations.escalate(report.roundKey(), report.officeCode());
		};
	}

	/** {@code Task_MailEscalation} (asynchronous, retried). */
	@Bean
	JavaDelegate escalationMailDelegate(EscalationService escalations) {
		return execution -> escalations.mail(EscalationFacts.roundKey(execution.getProcessBusinessKey()),
				EscalationFacts.office(execution.getProcessBusinessKey()));
	}

	/**
	 * {@code Task_HandleOverdue} on create: the list as it stands when the manager gets
	 * the task.
	 */
	@Bean
	TaskListener overdueListListener(EscalationService escalations) {
		return task -> task.setVariable(OVERDUE_TEXT,
				escalations.overdueText(EscalationFacts.roundKey(task.getExecution().getProcessBusinessKey()),
						EscalationFacts.office(task.getExecution().getProcessBusinessKey())));
	}

	/** {@code Task_CloseEscalation}: a later overdue report opens a new escalation. */
	@Bean
	JavaDelegate closeEscalationDelegate(EscalationService escalations, Routing routing) {
		return execution -> {
			String office = EscalationFacts.office(execution.getProcessBusinessKey());
			routing.refusal(routing.managerGroup(office), "ผู้ติดตามรายงานค้างส่ง").ifPresent(problem -> {
				throw new ReportRefused("บันทึกการติดตามไม่ได้:", java.util.List.of(problem));
			});
			escalations.handled(EscalationFacts.roundKey(execution.getProcessBusinessKey()), office);
		};
	}

}
