package th.raingan.deadline;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import th.raingan.report.OverdueReportAccess;
import th.raingan.org.Routing;
import th.raingan.report.ReportFacts;
import th.raingan.report.ReportTracker;

/**
 * The deadline capability's delegates, listener and {@code deadlines} bean for the
 * process flow tests (th.raingan.process): the production classes, built with the
 * services given (mocks of what reaches the tables and the mail) instead of by Spring.
 */
public final class DeadlineFlowBeans {

	private DeadlineFlowBeans() {
	}

	/** {@code ${deadlines}} with the application's defaults: reminders 3 days before. */
	public static DeadlineSettings deadlines() {
		return new DeadlineSettings(3, "http://localhost:8080/");
	}

	public static JavaDelegate queueReminderDelegate(DigestService digests, ReportFacts facts) {
		return new QueueReminderDelegate(digests, facts);
	}

	public static JavaDelegate escalateOverdueDelegate(ReportTracker tracker, OverdueReportAccess access,
			EscalationService escalations, ReportFacts facts) {
		return new EscalationDelegates().escalateOverdueDelegate(tracker, access, escalations, facts);
	}

	/**
	 * {@code ${escalationFacts}}: an escalation's office and round from its business key.
	 */
	public static EscalationFacts escalationFacts() {
		return new EscalationFacts();
	}

	public static JavaDelegate escalationMailDelegate(EscalationService escalations) {
		return new EscalationDelegates().escalationMailDelegate(escalations);
	}

	public static TaskListener overdueListListener(EscalationService escalations) {
		return new EscalationDelegates().overdueListListener(escalations);
	}

	public static JavaDelegate closeEscalationDelegate(EscalationService escalations, Routing routing) {
		return new EscalationDelegates().closeEscalationDelegate(escalations, routing);
	}

	public static JavaDelegate listDigestOfficesDelegate(DigestService digests) {
		return new DigestDelegates().listDigestOfficesDelegate(digests);
	}

	public static JavaDelegate sendDigestDelegate(DigestService digests) {
		return new DigestDelegates().sendDigestDelegate(digests);
	}

}
