package th.raingan.assignment;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

import th.raingan.engine.SignedIn;
import th.raingan.org.OfficeAccess;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;

/**
 * Who may maintain which province's assignments, from the signed-in user's groups: the
 * province's strategy unit ({@code province-<code>-review}) and its manager
 * ({@code province-<code>-manager}) their own province; the administrator
 * ({@code camunda-admin}) any province; nobody else, and no province another's.
 */
@Component
class AssignmentAccess {

	private final OfficeAccess access;

	private final OrgUnits orgUnits;

	AssignmentAccess(OfficeAccess access, OrgUnits orgUnits) {
		this.access = access;
		this.orgUnits = orgUnits;
	}

	Optional<String> userId() {
		return access.user().map(SignedIn::userId);
	}

	/**
	 * The provinces the signed-in user may maintain (their own as reviewer or manager;
	 * all for the administrator).
	 */
	List<OrgUnit> provinces() {
		boolean admin = access.administrator();
		java.util.Set<String> own = access.provinces();
		return orgUnits.all()
			.stream()
			.filter(OrgUnit::isProvince)
			.filter(p -> admin || own.contains(p.code()))
			.toList();
	}

	boolean mayMaintain(String provinceCode) {
		return provinceCode != null && provinces().stream().anyMatch(p -> p.code().equals(provinceCode));
	}

}
