package th.raingan.org;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Which office a user works for and in which role, read from their Camunda group
 * memberships at the moment of asking, so that adding a user to {@code district-4205} in
 * Camunda Admin is all it takes: {@code district-<code>} (district staff),
 * {@code province-<code>-review} (the province's reviewers),
 * {@code province-<code>-manager} (พัฒนาการจังหวัด), {@code department}
 * (กรมการพัฒนาชุมชน, read-only). Nothing else decides it. A user in several office groups
 * is counted in the widest one (department, then manager, then reviewer, then district;
 * the lowest office code among equals).
 */
@Component
public class Officers {

	public record Officer(String userId, String officeCode, String role) {

	}

	public static final String DISTRICT = "district";

	public static final String REVIEWER = "reviewer";

	public static final String MANAGER = "manager";

	public static final String DEPARTMENT = "department";

	/** The department's own office code in org-units.csv. */
	public static final String DEPARTMENT_OFFICE = "00";

	private static final Pattern DISTRICT_GROUP = Pattern.compile("district-([0-9]+)");

	private static final Pattern REVIEW_GROUP = Pattern.compile("province-([0-9]+)-review");

	private static final Pattern MANAGER_GROUP = Pattern.compile("province-([0-9]+)-manager");

	private static final List<String> RANK = List.of(DEPARTMENT, MANAGER, REVIEWER, DISTRICT);

	private final Directory directory;

	Officers(Directory directory) {
		this.directory = directory;
	}

	/** The province a user heads as its manager (พัฒนาการจังหวัด), if they do. */
	public Optional<String> provinceManagedBy(String userId) {
		return offices(directory.groupsOf(userId == null ? "" : userId), userId).stream()
			.filter(o -> MANAGER.equals(o.role()))
			.map(Officer::officeCode)
			.findFirst();
	}

	public Optional<Officer> find(String userId) {
		return offices(directory.groupsOf(userId), userId).stream().findFirst();
	}

	/** Every office role the groups give, the widest first. */
	public List<Officer> all(String userId) {
		return offices(directory.groupsOf(userId), userId);
	}

	/**
	 * The office role one group stands for ({@code district-4201}: district 4201), if it
	 * is an office group.
	 */
	public static Optional<Officer> fromGroup(String userId, String groupId) {
		if (Groups.DEPARTMENT.equals(groupId)) {
			return Optional.of(new Officer(userId, DEPARTMENT_OFFICE, DEPARTMENT));
		}
		Matcher m = MANAGER_GROUP.matcher(groupId);
		if (m.matches()) {
			return Optional.of(new Officer(userId, m.group(1), MANAGER));
		}
		m = REVIEW_GROUP.matcher(groupId);
		if (m.matches()) {
			return Optional.of(new Officer(userId, m.group(1), REVIEWER));
		}
		m = DISTRICT_GROUP.matcher(groupId);
		if (m.matches()) {
			return Optional.of(new Officer(userId, m.group(1), DISTRICT));
		}
		return Optional.empty();
	}

	/**
	 * The group that puts a user in an office with a role; empty for a role the office
	 * cannot have.
	 */
	public static Optional<String> groupFor(OrgUnit office, String role) {
		return switch (role) {
			case DISTRICT -> office.isDistrict() ? Optional.of(Groups.district(office.code())) : Optional.empty();
			case REVIEWER -> office.isProvince() ? Optional.of(Groups.provinceReview(office.code())) : Optional.empty();
			case MANAGER -> office.isProvince() ? Optional.of(Groups.provinceManager(office.code())) : Optional.empty();
			case DEPARTMENT ->
				office.level() == OrgUnit.Level.DEPARTMENT ? Optional.of(Groups.DEPARTMENT) : Optional.empty();
			default -> Optional.empty();
		};
	}

	static List<Officer> offices(List<String> groups, String userId) {
		return groups.stream()
			.map(g -> fromGroup(userId, g))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparingInt((Officer o) -> RANK.indexOf(o.role())).thenComparing(Officer::officeCode))
			.toList();
	}

}
