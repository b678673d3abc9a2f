package th.raingan.review;

import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.report.FieldComments;
import th.raingan.report.ReportVersions;

/**
 * The review desk's task listener for the process flow tests (th.raingan.process): the
 * production class, built with mocks of what reads the tables; with no stored version the
 * review form offers no changes, as on a first submission.
 */
public final class ReviewFlowBeans {

	private ReviewFlowBeans() {
	}

	public static TaskListener reviewChangesListener(ReportVersions versions, FieldComments comments,
			JdbcTemplate jdbc) {
		return new ReviewChangesListener(mock(ReportChanges.class), versions, comments, jdbc);
	}

}
