package th.raingan.myreports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import th.raingan.engine.SignedIn;
import th.raingan.org.Groups;
import th.raingan.org.Officers;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;

/**
 * Whose reports the signed-in user may read on รายงานของฉัน and print, decided here once for every endpoint: a
 * district's officers their district; a province's reviewers and managers the province office and each of its
 * districts; the administrators and the department any office. The office comes from {@link Officers} and from
 * the user's Camunda groups ({@code district-<code>}, {@code province-<code>-review}, {@code -manager}).
 */
@Component
class OfficeScope {

	private static final Pattern DISTRICT_GROUP = Pattern.compile("district-(\\d+)");

	private static final Pattern PROVINCE_GROUP = Pattern.compile("province-(\\d+)-(review|manager)");

	/** The offices a user may read, in the order the page offers them. */
	record Scope(String userId, boolean anyOffice, List<OrgUnit> offices) {

		boolean covers(String officeCode) {
			return officeCode != null && offices.stream().anyMatch(o -> o.code().equals(officeCode));
		}

		/** The office asked for, or the first one offered (a district's own; a province's first district). */
		Optional<OrgUnit> office(String requested) {
			if (requested == null || requested.isBlank()) {
				return offices.stream().filter(OrgUnit::isDistrict).findFirst().or(() -> offices.stream().findFirst());
			}
			return offices.stream().filter(o -> o.code().equals(requested)).findFirst();
		}

	}

	private final IdentityService identity;

	private final Officers officers;

	private final OrgUnits orgUnits;

	OfficeScope(IdentityService identity, Officers officers, OrgUnits orgUnits) {
		this.identity = identity;
		this.officers = officers;
		this.orgUnits = orgUnits;
	}

	/** The signed-in user's scope; empty without a signed-in user or without any office. */
	Optional<Scope> current() {
		SignedIn user = SignedIn.current(identity).orElse(null);
		if (user == null || user.userId() == null) {
			return Optional.empty();
		}
		List<String> groups = user.groupIds() == null ? List.of() : user.groupIds();
		if (groups.contains(Groups.ADMIN) || groups.contains(Groups.DEPARTMENT)
				|| officers.find(user.userId()).filter(o -> Officers.DEPARTMENT.equals(o.role())).isPresent()) {
			List<OrgUnit> all = orgUnits.all().stream().filter(o -> o.isProvince() || o.isDistrict()).toList();
			return Optional.of(new Scope(user.userId(), true, all));
		}
		Set<String> districts = new LinkedHashSet<>();
		Set<String> provinces = new LinkedHashSet<>();
		officers.find(user.userId()).ifPresent(o -> {
			if ("district".equals(o.role())) {
				districts.add(o.officeCode());
			}
			else if ("reviewer".equals(o.role()) || "manager".equals(o.role())) {
				provinces.add(o.officeCode());
			}
		});
		for (String group : groups) {
			Matcher district = DISTRICT_GROUP.matcher(group);
			Matcher province = PROVINCE_GROUP.matcher(group);
			if (district.matches()) {
				districts.add(district.group(1));
			}
			else if (province.matches()) {
				provinces.add(province.group(1));
			}
		}
		List<OrgUnit> offices = new ArrayList<>();
		for (String code : provinces) {
			orgUnits.find(code).ifPresent(offices::add);
			offices.addAll(orgUnits.districtsOf(code));
		}
		for (String code : districts) {
			orgUnits.find(code).filter(o -> offices.stream().noneMatch(x -> x.code().equals(o.code())))
				.ifPresent(offices::add);
		}
		return offices.isEmpty() ? Optional.empty() : Optional.of(new Scope(user.userId(), false, offices));
	}

}
