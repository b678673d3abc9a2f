package th.raingan.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import th.raingan.org.Directory;
import th.raingan.org.Groups;
import th.raingan.org.Officers;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.org.Profiles;
import th.raingan.org.Profiles.Profile;
import th.raingan.thai.BuddhistDates;

/**
 * The profile screens: everyone reads their own profile and changes their own phone and
 * e-mail (ข้อมูลของฉัน); the administrator and a province's manager edit the rest of
 * their people's profiles, office and role included (the office is a group membership,
 * changed as such).
 */
@Service
class ProfileService {

	/** A change to a profile; {@code null} leaves a field as it is. */
	public record Edit(String firstName, String lastName, String position, String section, String phone, String email,
			String officeCode, String role) {

	}

	/**
	 * The outcome of an edit: the profile as saved, or the refused fields (nothing
	 * saved).
	 */
	public record Outcome(Profile profile, List<FieldProblem> problems) {

		public boolean saved() {
			return problems.isEmpty();
		}

	}

	private final Profiles profiles;

	private final PeopleAccess access;

	private final OrgUnits orgUnits;

	private final Officers officers;

	private final Directory directory;

	private final IdentityService identity;

	private final TransactionTemplate transaction;

	ProfileService(Profiles profiles, PeopleAccess access, OrgUnits orgUnits, Officers officers, Directory directory,
			IdentityService identity, TransactionTemplate transaction) {
		this.profiles = profiles;
		this.access = access;
		this.orgUnits = orgUnits;
		this.officers = officers;
		this.directory = directory;
		this.identity = identity;
		this.transaction = transaction;
	}

	public Optional<Profile> find(String userId) {
		return profiles.find(userId);
	}

	/** ข้อมูลของฉัน: a user changes their own phone and e-mail, nothing else. */
	public Outcome updateOwnContact(String userId, String phone, String email) {
		Profile current = profiles.find(userId).orElseThrow();
		return apply(userId, current, new Edit(null, null, null, null, phone, email, null, null), false);
	}

	/**
	 * The administrator or the person's province manager edits a profile. Empty when the
	 * editor may not.
	 */
	public Optional<Outcome> update(String editorId, String userId, Edit edit) {
		Optional<Profile> current = profiles.find(userId);
		if (current.isEmpty() || !access.mayEdit(editorId, userId)) {
			return Optional.empty();
		}
		return Optional.of(apply(editorId, current.get(), edit, true));
	}

	/**
	 * Whether the user may edit others' profiles, and whose: the profile screen shows its
	 * lists by this.
	 */
	public Map<String, Object> permissions(String userId) {
		Map<String, Object> permissions = new LinkedHashMap<>();
		boolean admin = access.isAdmin(userId);
		Optional<String> province = access.managedProvince(userId);
		permissions.put("manage", admin || province.isPresent());
		permissions.put("allOffices", admin);
		permissions.put("province", province.orElse(null));
		return permissions;
	}

	/**
	 * The people of an office (its groups' members now), for an editor who may manage
	 * that office.
	 */
	public Optional<List<Profile>> peopleOf(String editorId, String officeCode) {
		Optional<OrgUnit> office = orgUnits.find(officeCode);
		if (office.isEmpty() || !access.mayManage(editorId, office.get())) {
			return Optional.empty();
		}
		List<String> groups = new ArrayList<>();
		for (String role : List.of(Officers.MANAGER, Officers.REVIEWER, Officers.DISTRICT, Officers.DEPARTMENT)) {
			Officers.groupFor(office.get(), role).ifPresent(groups::add);
		}
		return Optional.of(groups.stream()
			.flatMap(g -> directory.members(g).stream())
			.map(u -> u.getId())
			.distinct()
			.map(profiles::find)
			.flatMap(Optional::stream)
			.toList());
	}

	/** A profile as the screens show it, dates in the Buddhist Era. */
	public static Map<String, Object> json(Profile p) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("userId", p.userId());
		json.put("firstName", p.firstName());
		json.put("lastName", p.lastName());
		json.put("displayName", p.displayName());
		json.put("position", p.position());
		json.put("section", p.section());
		json.put("officeCode", p.officeCode());
		json.put("officeName", p.officeName());
		json.put("role", p.role());
		json.put("roleName", roleName(p.role()));
		json.put("phone", p.phone());
		json.put("email", p.email());
		json.put("registeredOn", p.registeredOn() == null ? null : BuddhistDates.format(p.registeredOn()));
		return json;
	}

	static String roleName(String role) {
		if (role == null) {
			return "ยังไม่ได้สังกัดหน่วยงาน";
		}
		return switch (role) {
			case Officers.DISTRICT -> "เจ้าหน้าที่อำเภอ";
			case Officers.REVIEWER -> "ผู้ตรวจรายงานจังหวัด";
			case Officers.MANAGER -> "พัฒนาการจังหวัด (ผู้บริหาร)";
			case Officers.DEPARTMENT -> "กรมการพัฒนาชุมชน (อ่านอย่างเดียว)";
			default -> role;
		};
	}

	private Outcome apply(String editorId, Profile current, Edit edit, boolean full) {
		List<FieldProblem> problems = new ArrayList<>();
		String first = value(edit.firstName(), current.firstName());
		String last = value(edit.lastName(), current.lastName());
		String position = value(edit.position(), current.position());
		String section = value(edit.section(), current.section());
		String phone = value(edit.phone(), current.phone());
		String email = value(edit.email(), current.email());
		if (full) {
			check(problems, "ชื่อ", edit.firstName() == null ? Optional.empty() : ProfileFields.name(first));
			check(problems, "นามสกุล", edit.lastName() == null ? Optional.empty() : ProfileFields.name(last));
			check(problems, "ตำแหน่ง", ProfileFields.text(position));
			check(problems, "สังกัดกลุ่มงาน/ฝ่าย", ProfileFields.text(section));
		}
		check(problems, "โทรศัพท์", ProfileFields.phone(phone));
		check(problems, "อีเมล", ProfileFields.email(email));
		String newGroup = null;
		String oldGroup = null;
		if (full && (edit.officeCode() != null || edit.role() != null)) {
			String code = value(edit.officeCode(), current.officeCode());
			String role = value(edit.role(), current.role());
			Optional<OrgUnit> office = orgUnits.find(code);
			if (office.isEmpty()) {
				problems.add(new FieldProblem(0, "หน่วยงาน", "ไม่พบหน่วยงานรหัส \"" + code + "\""));
			}
			else if (!access.mayManage(editorId, office.get())) {
				problems.add(new FieldProblem(0, "หน่วยงาน", "ท่านย้ายผู้ใช้ได้เฉพาะหน่วยงานในจังหวัดของท่าน"));
			}
			else {
				newGroup = Officers.groupFor(office.get(), role).orElse(null);
				if (newGroup == null) {
					problems.add(new FieldProblem(0, "บทบาท",
							"บทบาท \"" + role + "\" ไม่ตรงกับหน่วยงาน " + office.get().nameTh()));
				}
				else if (current.officeCode() != null) {
					oldGroup = Officers.groupFor(orgUnits.find(current.officeCode()).orElseThrow(), current.role())
						.orElse(null);
				}
			}
		}
		if (!problems.isEmpty()) {
			return new Outcome(current, problems);
		}
		String from = oldGroup;
		String to = newGroup;
		String userId = current.userId();
		transaction.executeWithoutResult(status -> {
			profiles.saveNameAndEmail(userId, first, last, email);
			profiles.saveDetails(userId,
					new Profiles.Details(blankToNull(position), blankToNull(section), blankToNull(phone)), editorId);
			if (to != null && !to.equals(from)) {
				directory.asEngine(() -> {
					if (from != null && !Groups.ADMIN.equals(from)) {
						identity.deleteMembership(userId, from);
					}
					if (!directory.groupsOf(userId).contains(to)) {
						identity.createMembership(userId, to);
					}
					return null;
				});
			}
		});
		return new Outcome(profiles.find(userId).orElseThrow(), List.of());
	}

	private static void check(List<FieldProblem> problems, String field, Optional<String> message) {
		message.ifPresent(m -> problems.add(new FieldProblem(0, field, m)));
	}

	private static String value(String edited, String current) {
		return edited == null ? (current == null ? "" : current) : ProfileFields.clean(edited);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
