package th.raingan.assignment;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import th.raingan.engine.SignedIn;
import th.raingan.org.Groups;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;

/**
 * Who may maintain which province's assignments, from the signed-in user's groups: the province's strategy unit
 * ({@code province-<code>-review}) and its manager ({@code province-<code>-manager}) their own province; the
 * administrator ({@code camunda-admin}) any province; nobody else, and no province another's.
 */
@Component
class AssignmentAccess {

	private static final Pattern PROVINCE_GROUP = Pattern.compile("province-(\\w+)-(review|manager)");

	private final IdentityService identity;

	private final OrgUnits orgUnits;

	AssignmentAccess(IdentityService identity, OrgUnits orgUnits) {
		this.identity = identity;
		this.orgUnits = orgUnits;
	}

	Optional<String> userId() {
		return SignedIn.current(identity).map(SignedIn::userId);
	}

	/** The provinces the signed-in user may maintain, in code order. */
	List<OrgUnit> provinces() {
		SignedIn user = SignedIn.current(identity).orElse(null);
		if (user == null || user.groupIds() == null) {
			return List.of();
		}
		boolean admin = user.groupIds().contains(Groups.ADMIN);
		return orgUnits.all().stream().filter(OrgUnit::isProvince).filter(p -> admin || own(user, p.code())).toList();
	}

	boolean mayMaintain(String provinceCode) {
		return provinceCode != null && provinces().stream().anyMatch(p -> p.code().equals(provinceCode));
	}

	private static boolean own(SignedIn user, String provinceCode) {
		for (String group : user.groupIds()) {
			Matcher m = PROVINCE_GROUP.matcher(group);
			if (m.matches() && m.group(1).equals(provinceCode)) {
				return true;
			}
		}
		return false;
	}

}
