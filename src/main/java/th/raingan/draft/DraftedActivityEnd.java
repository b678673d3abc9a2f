package th.raingan.draft;

import static th.raingan.report.DistrictReportProcess.END_DATE;
import static th.raingan.report.DistrictReportProcess.TASK_DISTRICT_DRAFT;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import th.raingan.report.ReportDeadlines;
import th.raingan.thai.BuddhistDates;

/**
 * The officer entered the activity's actual end date in the report's draft: a report due
 * "N days after the activity" is now due N days after it
 * ({@link ReportDeadlines#activityEndEntered}), as soon as the draft is saved, not only
 * on submission. A date that does not parse yet (half typed) changes nothing.
 */
@Component
class DraftedActivityEnd implements DraftListener {

	private static final Logger LOG = LoggerFactory.getLogger(DraftedActivityEnd.class);

	private final ReportDeadlines deadlines;

	DraftedActivityEnd(ReportDeadlines deadlines) {
		this.deadlines = deadlines;
	}

	@Override
	public void draftSaved(SavedDraft draft) {
		if (!TASK_DISTRICT_DRAFT.equals(draft.taskDefinitionKey()) || !draft.changed().containsKey(END_DATE)) {
			return;
		}
		BuddhistDates.Parsed end = BuddhistDates.parse(draft.changed().get(END_DATE));
		if (!end.isValid()) {
			return;
		}
		try {
			deadlines.activityEndEntered(draft.processInstanceId(), end.value());
		}
		catch (RuntimeException ex) {
			// the officer's typing is kept whatever the deadline does; the submission
			// computes it again
			LOG.warn("Due date not moved after the draft of {} gave the activity's end {}: {}",
					draft.processInstanceId(), end.value(), ex.toString());
		}
	}

}
