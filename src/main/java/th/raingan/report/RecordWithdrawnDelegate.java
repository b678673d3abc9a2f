package th.raingan.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordWithdrawn}: the province removed the assignment while the report was
 * still a draft; the report is closed as withdrawn (ยกเลิกการมอบหมาย), with the
 * province's reason. It counts neither as late nor as not submitted.
 */
@Component("recordWithdrawnDelegate")
class RecordWithdrawnDelegate implements JavaDelegate {

	private final ReportTracker tracker;

	RecordWithdrawnDelegate(ReportTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public void execute(DelegateExecution execution) {
		tracker.withdrawn(execution.getProcessBusinessKey(),
				(String) execution.getVariable(DistrictReportProcess.WITHDRAWN_REASON));
	}

}
