package th.raingan.dashboard;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import th.raingan.engine.SignedIn;
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

	/** The administrator: the only one who sees Cockpit's technical widgets on the start page. */
	public boolean administrator() {
		SignedIn user = SignedIn.current(identity).orElse(null);
		return user != null && user.groupIds() != null && user.groupIds().contains(Groups.ADMIN);
	}

	/** The department's people and the administrator see the nation. */
	public boolean nation() {
		SignedIn user = SignedIn.current(identity).orElse(null);
		if (user == null) {
			return false;
		}
		return administrator()
				|| officers.find(user.userId()).filter(o -> Officers.DEPARTMENT.equals(o.role())).isPresent();
	}

	/** The province the user asked for (or their own), if they may see it. */
	public Optional<String> province(String requested) {
		SignedIn user = SignedIn.current(identity).orElse(null);
		if (user == null) {
			return Optional.empty();
		}
		Optional<Officers.Officer> officer = officers.find(user.userId());
		boolean department = officer.filter(o -> Officers.DEPARTMENT.equals(o.role())).isPresent();
		if (department || user.groupIds() != null && user.groupIds().contains(Groups.ADMIN)) {
			return Optional.ofNullable(requested).filter(code -> orgUnits.find(code).filter(OrgUnit::isProvince).isPresent());
		}
		return officer
			.filter(o -> "manager".equals(o.role()) || "reviewer".equals(o.role()))
			.map(Officers.Officer::officeCode)
			.filter(own -> requested == null || requested.isBlank() || own.equals(requested));
	}

}
