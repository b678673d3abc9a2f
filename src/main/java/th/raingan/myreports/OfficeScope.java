package th.raingan.myreports;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import th.raingan.engine.SignedIn;
import th.raingan.org.OfficeAccess;
import th.raingan.org.OrgUnit;

/**
 * Whose reports (and KPI target plans, {@code plan/KpiPlansResource}) the signed-in user
 * may read on รายงานของฉัน and print, decided here once for every endpoint: a district's
 * officers their district; a province's reviewers and managers the province office and
 * each of its districts; the administrators and the department any office. The offices
 * are those {@link OfficeAccess} lets the user see, as on every other page.
 */
@Component
public class OfficeScope {

	/** The offices a user may read, in the order the page offers them. */
	public record Scope(String userId, boolean anyOffice, List<OrgUnit> offices) {

		public boolean covers(String officeCode) {
			return officeCode != null && offices.stream().anyMatch(o -> o.code().equals(officeCode));
		}

		/**
		 * The office asked for, or the first one offered (a district's own; a province's
		 * first district).
		 */
		public Optional<OrgUnit> office(String requested) {
			if (requested == null || requested.isBlank()) {
				return offices.stream().filter(OrgUnit::isDistrict).findFirst().or(() -> offices.stream().findFirst());
			}
			return offices.stream().filter(o -> o.code().equals(requested)).findFirst();
		}

	}

	private final OfficeAccess access;

	OfficeScope(OfficeAccess access) {
		this.access = access;
	}

	/**
	 * The signed-in user's scope; empty without a signed-in user or without any office.
	 */
	public Optional<Scope> current() {
		Optional<SignedIn> user = access.user();
		if (user.isEmpty()) {
			return Optional.empty();
		}
		List<OrgUnit> offices = access.visibleOffices();
		return offices.isEmpty() ? Optional.empty()
				: Optional.of(new Scope(user.get().userId(), access.nation(), offices));
	}

}
