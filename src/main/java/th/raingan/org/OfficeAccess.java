package th.raingan.org;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import th.raingan.engine.SignedIn;

/**
 * "May this user see this office?", decided here for every endpoint (budget, dashboard,
 * รายงานของฉัน, the review desk, assignments, the KPI round's reopening, the catalogue
 * import). The rules follow from Camunda's groups alone, those on the signed-in user's
 * authentication and those the directory holds now: the administrators
 * ({@code camunda-admin}) and the department ({@code department}, read-only) see every
 * office; a province's reviewers and managers ({@code province-<code>-review},
 * {@code -manager}) the province office and each of its districts; a district's staff
 * ({@code district-<code>}) their district. What a user may change is decided by the
 * capability (a department user sees, never completes), with the roles this gives.
 */
@Component
public class OfficeAccess {

	private final IdentityService identity;

	private final Directory directory;

	private final OrgUnits orgUnits;

	public OfficeAccess(IdentityService identity, Directory directory, OrgUnits orgUnits) {
		this.identity = identity;
		this.directory = directory;
		this.orgUnits = orgUnits;
	}

	/** The signed-in user, empty for anonymous calls and the engine's own jobs. */
	public Optional<SignedIn> user() {
		return SignedIn.current(identity);
	}

	/**
	 * The user's office roles, the widest first: from the authentication's groups and the
	 * directory's.
	 */
	public List<Officers.Officer> roles() {
		return user().map(u -> {
			Set<String> groups = new LinkedHashSet<>(u.groupIds());
			groups.addAll(directory.groupsOf(u.userId()));
			return Officers.offices(List.copyOf(groups), u.userId());
		}).orElse(List.of());
	}

	public boolean administrator() {
		return user().filter(u -> u.inGroup(Groups.ADMIN)).isPresent();
	}

	/** The administrators and the department see every office. */
	public boolean nation() {
		return administrator() || roles().stream().anyMatch(o -> Officers.DEPARTMENT.equals(o.role()));
	}

	/** The provinces the user works for as a reviewer or a manager, in code order. */
	public Set<String> provinces() {
		return codes(Officers.REVIEWER, Officers.MANAGER);
	}

	/** The provinces whose reports the user reviews. */
	public Set<String> provincesReviewed() {
		return codes(Officers.REVIEWER);
	}

	/** The provinces the user heads as พัฒนาการจังหวัด. */
	public Set<String> provincesManaged() {
		return codes(Officers.MANAGER);
	}

	/** The districts the user works in. */
	public Set<String> districts() {
		return codes(Officers.DISTRICT);
	}

	/**
	 * Whether the user may see the office: every office for the nation, their province's,
	 * their district.
	 */
	public boolean maySee(String officeCode) {
		Optional<OrgUnit> office = officeCode == null ? Optional.empty() : orgUnits.find(officeCode);
		if (office.isEmpty()) {
			return false;
		}
		return seen()
			.filter(seen -> seen.nation || seen.provinces.contains(office.get().provinceCode())
					|| seen.districts.contains(office.get().code()))
			.isPresent();
	}

	/**
	 * The offices the user may see, in the order pages offer them: every province and
	 * district for the nation; otherwise each of their provinces followed by its
	 * districts, then their own districts.
	 */
	public List<OrgUnit> visibleOffices() {
		Optional<Seen> seen = seen();
		if (seen.isEmpty()) {
			return List.of();
		}
		if (seen.get().nation) {
			return orgUnits.all().stream().filter(o -> o.isProvince() || o.isDistrict()).toList();
		}
		List<OrgUnit> offices = new ArrayList<>();
		for (String code : seen.get().provinces) {
			orgUnits.find(code).ifPresent(offices::add);
			offices.addAll(orgUnits.districtsOf(code));
		}
		for (String code : seen.get().districts) {
			orgUnits.find(code)
				.filter(o -> offices.stream().noneMatch(x -> x.code().equals(o.code())))
				.ifPresent(offices::add);
		}
		return offices;
	}

	/** What the signed-in user sees, from one look at their groups. */
	private record Seen(boolean nation, Set<String> provinces, Set<String> districts) {

	}

	private Optional<Seen> seen() {
		Optional<SignedIn> user = user();
		if (user.isEmpty()) {
			return Optional.empty();
		}
		List<Officers.Officer> roles = roles();
		boolean nation = user.get().inGroup(Groups.ADMIN)
				|| roles.stream().anyMatch(o -> Officers.DEPARTMENT.equals(o.role()));
		return Optional
			.of(new Seen(nation, codes(roles, Officers.REVIEWER, Officers.MANAGER), codes(roles, Officers.DISTRICT)));
	}

	private Set<String> codes(String... roles) {
		return codes(roles(), roles);
	}

	private static Set<String> codes(List<Officers.Officer> officers, String... roles) {
		Set<String> codes = new java.util.TreeSet<>();
		List<String> wanted = List.of(roles);
		officers.stream().filter(o -> wanted.contains(o.role())).forEach(o -> codes.add(o.officeCode()));
		return codes;
	}

}
