package th.raingan.dashboard;

import java.util.Optional;

import org.springframework.stereotype.Component;

import th.raingan.org.OfficeAccess;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;

/**
 * Whose figures a user may see, with the same rules as Tasklist: a province's reviewers
 * and managers their own province; the department ({@code department}) and the
 * administrators any province; district officers none here.
 */
@Component
public class DashboardAccess {

	private final OfficeAccess access;

	private final OrgUnits orgUnits;

	DashboardAccess(OfficeAccess access, OrgUnits orgUnits) {
		this.access = access;
		this.orgUnits = orgUnits;
	}

	/**
	 * The administrator: the only one who sees Cockpit's technical widgets on the start
	 * page.
	 */
	public boolean administrator() {
		return access.administrator();
	}

	/** The department's people and the administrator see the nation. */
	public boolean nation() {
		return access.nation();
	}

	/** The province the user asked for (or their own), if they may see it. */
	public Optional<String> province(String requested) {
		if (access.nation()) {
			return Optional.ofNullable(requested)
				.filter(code -> orgUnits.find(code).filter(OrgUnit::isProvince).isPresent());
		}
		if (requested == null || requested.isBlank()) {
			return access.provinces().stream().findFirst();
		}
		return Optional.of(requested).filter(access.provinces()::contains);
	}

}
