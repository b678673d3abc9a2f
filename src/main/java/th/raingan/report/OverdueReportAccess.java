package th.raingan.report;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

import th.raingan.org.Groups;

/**
 * An overdue report's process instance may be read by its province's managers and
 * reviewers, so the dashboard's "เปิดดูกระบวนงาน" link opens it. Only overdue ones: a
 * grant per report at its start would put two rows per report into ACT_RU_AUTHORIZATION,
 * which the engine reads at every authorized command (see BENCHMARK.md).
 */
@Component
public class OverdueReportAccess {

	private final AuthorizationService authorizations;

	OverdueReportAccess(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	public void grantProvince(String processInstanceId, String provinceCode) {
		for (String group : List.of(Groups.provinceManager(provinceCode), Groups.provinceReview(provinceCode))) {
			boolean granted = authorizations.createAuthorizationQuery()
				.groupIdIn(group)
				.resourceType(Resources.PROCESS_INSTANCE)
				.resourceId(processInstanceId)
				.count() > 0;
			if (!granted) {
				Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				grant.setGroupId(group);
				grant.setResource(Resources.PROCESS_INSTANCE);
				grant.setResourceId(processInstanceId);
				grant.addPermission(Permissions.READ);
				authorizations.saveAuthorization(grant);
			}
		}
	}

}
