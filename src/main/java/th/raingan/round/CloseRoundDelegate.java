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
		String roundKey = (String) execution.getVariable(ROUND_KEY);
		java.time.LocalDate roundEnd = th.raingan.thai.Clock.day((java.util.Date) execution.getVariable(ROUND_END));
		java.util.Set<String> dueLater = tracker.dueAfter(roundKey, roundEnd);
		int closed;
		if (dueLater.isEmpty()) {
			closed = runtime.createMessageCorrelation(DistrictReportProcess.MESSAGE_ROUND_CLOSED)
				.processInstanceVariableEquals(DistrictReportProcess.ROUND_KEY, roundKey)
				.correlateAllWithResult()
				.size();
		}
		else {
			// a report due after the round's last day is not closed before it is due
			closed = 0;
			for (var draft : runtime.createExecutionQuery()
				.messageEventSubscriptionName(DistrictReportProcess.MESSAGE_ROUND_CLOSED)
				.processVariableValueEquals(DistrictReportProcess.ROUND_KEY, roundKey)
				.list()) {
				if (!dueLater.contains(draft.getProcessInstanceId())) {
					runtime.createMessageCorrelation(DistrictReportProcess.MESSAGE_ROUND_CLOSED)
						.processInstanceId(draft.getProcessInstanceId())
						.correlateWithResult();
					closed++;
				}
			}
		}
		int notSubmitted = tracker.countByStatus(roundKey).getOrDefault(ReportTracker.NOT_SUBMITTED, 0);
		execution.setVariable(NOT_SUBMITTED_COUNT, notSubmitted);
		log.info("Round {} closed: {} drafts closed now, {} reports not submitted in all", roundKey, closed,
				notSubmitted);
	}

}
