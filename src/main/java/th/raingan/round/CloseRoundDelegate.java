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
 * {@code Task_CloseRound}, when the round ends: every report still in draft gets the round-closed message and
 * ends as "not submitted", counted; reports under review go on to their decision.
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
		int closed = runtime.createMessageCorrelation(DistrictReportProcess.MESSAGE_ROUND_CLOSED)
			.processInstanceVariableEquals(DistrictReportProcess.ROUND_KEY, roundKey)
			.correlateAllWithResult()
			.size();
		int notSubmitted = tracker.countByStatus(roundKey).getOrDefault(ReportTracker.NOT_SUBMITTED, 0);
		execution.setVariable(NOT_SUBMITTED_COUNT, notSubmitted);
		log.info("Round {} closed: {} drafts closed now, {} reports not submitted in all", roundKey, closed, notSubmitted);
	}

}
