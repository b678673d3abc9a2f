package th.raingan.round;

import static th.raingan.round.ReportingRoundProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportTracker;

/**
 * {@code Task_CloseRound}, when the round ends: every report still in draft gets the
 * round-closed message and ends as "not submitted", counted; reports under review go on
 * to their decision. A report due after the round's last day (its letter's date, or an
 * activity not yet held planned later) stays open: it is not closed before it is due.
 */
@Component("closeRoundDelegate")
class CloseRoundDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(CloseRoundDelegate.class);

	private final RuntimeService runtime;

	private final ReportTracker tracker;

	CloseRoundDelegate(RuntimeService runtime, ReportTracker tracker) {
		this.runtime = runtime;
		this.tracker = tracker;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// the round is the business key (RoundService.roundKey), as the reports' rows
		// name it
		String roundKey = execution.getProcessBusinessKey();
		java.time.LocalDate roundEnd = th.raingan.thai.Clock.day((java.util.Date) execution.getVariable(ROUND_END));
		java.util.Set<String> dueLater = tracker.dueAfter(roundKey, roundEnd);
		// the round's reports are those its rows name (raingan.report), never those whose
		// roundKey variable says so: a report cannot leave its round by renaming it. A
		// report due after the round's last day is not closed before it is due.
		int closed = 0;
		for (String report : tracker.instancesOf(roundKey)) {
			if (!dueLater.contains(report)) {
				closed += runtime.createMessageCorrelation(DistrictReportProcess.MESSAGE_ROUND_CLOSED)
					.processInstanceId(report)
					.correlateAllWithResult()
					.size();
			}
		}
		int notSubmitted = tracker.countByStatus(roundKey).getOrDefault(ReportTracker.NOT_SUBMITTED, 0);
		execution.setVariable(NOT_SUBMITTED_COUNT, notSubmitted);
		log.info("Round {} closed: {} drafts closed now, {} reports not submitted in all", roundKey, closed,
				notSubmitted);
	}

}
