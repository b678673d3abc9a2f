package th.raingan.evaluation;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import th.raingan.engine.SignedIn;
import th.raingan.org.Directory;
import th.raingan.org.Groups;
import th.raingan.org.Officers;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;

/**
 * Who may see and keep the evaluation of a province, from the signed-in user's groups
 * alone: the province's strategy unit (its reviewers) keeps the plan and records the
 * province's summary; its manager and the department read them; a district reads its
 * province's plan (its topics) and only its own reports' EA3/EA4; another province sees
 * nothing.
 */
@Component
class EvaluationAccess {

	public static final String NO_ACCESS = "ท่านไม่มีสิทธิ์ดูแผนประเมินผลของจังหวัดนี้";

	public static final String NOT_STRATEGY_UNIT = "เฉพาะกลุ่มงานยุทธศาสตร์ของจังหวัดนี้ (หรือผู้ดูแลระบบ) แก้ไขแผนประเมินผลได้";

	private final IdentityService identity;

	private final Directory directory;

	private final Officers officers;

	private final OrgUnits orgUnits;

	EvaluationAccess(IdentityService identity, Directory directory, Officers officers, OrgUnits orgUnits) {
		this.identity = identity;
		this.directory = directory;
		this.officers = officers;
		this.orgUnits = orgUnits;
	}

	public Optional<String> userId() {
		return SignedIn.current(identity).map(SignedIn::userId);
	}

	boolean isAdmin(String userId) {
		return directory.groupsOf(userId).contains(Groups.ADMIN);
	}

	/** The province's strategy unit (reviewers) or the administrator. */
	public boolean keepsPlan(String userId, String provinceCode) {
		return userId != null && (isAdmin(userId) || officers.all(userId)
			.stream()
			.anyMatch(o -> Officers.REVIEWER.equals(o.role()) && o.officeCode().equals(provinceCode)));
	}

	/**
	 * Reviewers, manager and districts of the province, the department and the
	 * administrator.
	 */
	public boolean readsPlan(String userId, String provinceCode) {
		if (userId == null) {
			return false;
		}
		if (isAdmin(userId)) {
			return true;
		}
		return officers.all(userId)
			.stream()
			.anyMatch(o -> Officers.DEPARTMENT.equals(o.role()) || o.officeCode().equals(provinceCode)
					|| orgUnits.find(o.officeCode())
						.map(OrgUnit::provinceCode)
						.filter(provinceCode::equals)
						.isPresent());
	}

	/**
	 * Whether the user works in this office (its district group, or the province's
	 * reviewers for the province).
	 */
	public boolean worksIn(String userId, String officeCode) {
		return userId != null && officers.all(userId)
			.stream()
			.anyMatch(o -> o.officeCode().equals(officeCode)
					&& (Officers.DISTRICT.equals(o.role()) || Officers.REVIEWER.equals(o.role())));
	}

	/** The province's manager, the department or the administrator. */
	public boolean managesOrDepartment(String userId, String provinceCode) {
		return userId != null && (isAdmin(userId) || officers.all(userId)
			.stream()
			.anyMatch(o -> Officers.DEPARTMENT.equals(o.role())
					|| Officers.MANAGER.equals(o.role()) && o.officeCode().equals(provinceCode)));
	}

	/** The provinces whose plan the user keeps (for the screen's province choice). */
	public List<String> provincesKept(String userId) {
		if (userId == null) {
			return List.of();
		}
		if (isAdmin(userId)) {
			return orgUnits.all().stream().filter(OrgUnit::isProvince).map(OrgUnit::code).toList();
		}
		return officers.all(userId)
			.stream()
			.filter(o -> Officers.REVIEWER.equals(o.role()))
			.map(Officers.Officer::officeCode)
			.distinct()
			.toList();
	}

	/** The provinces whose plan the user may read. */
	public List<String> provincesRead(String userId) {
		if (userId == null) {
			return List.of();
		}
		return orgUnits.all()
			.stream()
			.filter(OrgUnit::isProvince)
			.map(OrgUnit::code)
			.filter(code -> readsPlan(userId, code))
			.toList();
	}

}
