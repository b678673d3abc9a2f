package th.raingan.dashboard;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import th.raingan.org.Groups;
import th.raingan.org.Officers;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;

/**
 * Whose figures a user may see, with the same rules as Tasklist: a province's reviewers and managers their own
 * province; the department ({@code department}) and the administrators any province; district officers none here.
 */
@Component
public class DashboardAccess {

	private final IdentityService identity;

	private final Officers officers;

	private final OrgUnits orgUnits;

	DashboardAccess(IdentityService identity, Officers officers, OrgUnits orgUnits) {
		this.identity = identity;
		this.officers = officers;
		this.orgUnits = orgUnits;
	}

	/** The province the user asked for (or their own), if they may see it. */
	public Optional<String> province(String requested) {
		Authentication user = identity.getCurrentAuthentication();
		if (user == null) {
			return Optional.empty();
		}
		Optional<Officers.Officer> officer = officers.find(user.getUserId());
		boolean department = officer.filter(o -> Officers.DEPARTMENT.equals(o.role())).isPresent();
		if (department || user.getGroupIds() != null && user.getGroupIds().contains(Groups.ADMIN)) {
			return Optional.ofNullable(requested).filter(code -> orgUnits.find(code).filter(OrgUnit::isProvince).isPresent());
		}
		return officer
			.filter(o -> "manager".equals(o.role()) || "reviewer".equals(o.role()))
			.map(Officers.Officer::officeCode)
			.filter(own -> requested == null || requested.isBlank() || own.equals(requested));
	}

}
