package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import th.raingan.thai.Clock;

/**
 * {@code StartEvent_ReportAssigned}: the report is on record from the moment it is assigned, and the province's
 * reviewers and managers may follow its process instance in Cockpit (only theirs: the grant names the instance).
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
		grantRead(execution);
		Date due = (Date) execution.getVariable(DUE_DATE);
		tracker.opened(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
				(String) execution.getVariable(ROUND_KEY),
				((Number) execution.getVariable(ASSIGNMENT_ID)).longValue(), (String) execution.getVariable(OFFICE_CODE),
				(String) execution.getVariable(PROVINCE_CODE),
				due == null ? null : Clock.day(due));
	}


	private static void grantRead(DelegateExecution execution) {
		var authorizations = execution.getProcessEngineServices().getAuthorizationService();
		Object province = execution.getVariable(PROVINCE_CODE);
		if (province == null) {
			return;
		}
		for (String group : java.util.List.of(th.raingan.org.Groups.provinceManager(province.toString()),
				th.raingan.org.Groups.provinceReview(province.toString()))) {
			var grant = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(group);
			grant.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE);
			grant.setResourceId(execution.getProcessInstanceId());
			grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
			authorizations.saveAuthorization(grant);
		}
	}

}
