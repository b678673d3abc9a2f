package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import th.raingan.thai.Clock;

/**
 * {@code StartEvent_ReportAssigned}: the report is on record from the moment it is
 * assigned. (The province may open its instance in Cockpit once it is overdue:
 * {@link OverdueReportAccess}.)
 */
@Component("reportOpenedListener")
class ReportOpenedListener implements ExecutionListener {

	private final ReportTracker tracker;

	ReportOpenedListener(ReportTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public void notify(DelegateExecution execution) {
		execution.setVariable(REPORT_KEY, execution.getProcessBusinessKey());
		Date due = (Date) execution.getVariable(DUE_DATE);
		tracker.opened(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
				(String) execution.getVariable(ROUND_KEY), ((Number) execution.getVariable(ASSIGNMENT_ID)).longValue(),
				(String) execution.getVariable(OFFICE_CODE),
				ReportValues.provinceCode(ReportValues.roundKey(execution)), due == null ? null : Clock.day(due));
	}

}
