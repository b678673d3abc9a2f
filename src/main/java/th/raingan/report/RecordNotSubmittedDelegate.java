package th.raingan.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordNotSubmitted}: the round closed while the report was still a draft;
 * it counts as not submitted.
 */
@Component("recordNotSubmittedDelegate")
class RecordNotSubmittedDelegate implements JavaDelegate {

	private final ReportTracker tracker;

	RecordNotSubmittedDelegate(ReportTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public void execute(DelegateExecution execution) {
		tracker.status(execution.getProcessBusinessKey(), ReportTracker.NOT_SUBMITTED);
	}

}
