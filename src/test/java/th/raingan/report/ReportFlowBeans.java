package th.raingan.report;

import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;

import th.raingan.attachment.AttachmentService;
import th.raingan.org.People;
import th.raingan.org.Routing;
import th.raingan.project.ProjectCatalog;

/**
 * The report capability's delegates and listeners for the process flow tests
 * (th.raingan.process): the production classes themselves, built with the services they
 * are given (mocks of what reaches the tables) instead of by Spring. The application
 * still wires them as Spring beans by the names the BPMN uses.
 */
public final class ReportFlowBeans {

	private ReportFlowBeans() {
	}

	/**
	 * {@code ${reportFacts}}: the report's row and assignment, as the tables give them.
	 */
	public static ReportFacts reportFacts(ReportTracker tracker, ProjectCatalog catalog) {
		return new ReportFacts(tracker, catalog);
	}

	public static ExecutionListener reportOpenedListener(ReportTracker tracker) {
		return new ReportOpenedListener(tracker);
	}

	public static TaskListener taskTitleListener() {
		return new TaskTitleListener();
	}

	/**
	 * With no other capability's checks (the evaluation's EA4 file is its own test's).
	 */
	public static JavaDelegate validateReportDelegate(ReportFacts facts) {
		return new ValidateReportDelegate(noExtensions(), facts);
	}

	public static JavaDelegate recordNotHeldDelegate(ReportTracker tracker, OverdueReportAccess access,
			ReportFacts facts) {
		return new RecordNotHeldDelegate(tracker, access, facts);
	}

	public static JavaDelegate submitReportDelegate(ReportService reports, ReportTracker tracker,
			IdentityService identity, AttachmentService attachments, ReportFacts facts) {
		return new SubmitReportDelegate(reports, tracker, identity, attachments, noExtensions(), facts);
	}

	public static JavaDelegate recordDecisionDelegate(ReportService reports, ReportTracker tracker,
			IdentityService identity, People people, ReportVersions versions, FieldComments comments, ReportFacts facts,
			Routing routing) {
		return new RecordDecisionDelegate(reports, tracker, identity, people, versions, comments, facts, routing);
	}

	public static JavaDelegate recordNotSubmittedDelegate(ReportTracker tracker) {
		return new RecordNotSubmittedDelegate(tracker);
	}

	public static JavaDelegate recordWithdrawnDelegate(ReportTracker tracker) {
		return new RecordWithdrawnDelegate(tracker);
	}

	@SuppressWarnings("unchecked")
	private static ObjectProvider<ReportExtension> noExtensions() {
		// a mock's orderedStream() is an empty stream
		return mock(ObjectProvider.class);
	}

}
