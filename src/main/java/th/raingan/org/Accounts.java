package th.raingan.org;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.raingan.engine.PolicyExempt;

/**
 * User accounts: the administrator, and on the demo database the offices' shared
 * accounts, the Loei districts' people and a department reader. Every account is a
 * Camunda user in its office's group; that membership is what makes it a district
 * officer, a reviewer or a manager ({@link Officers}).
 */
@Service
public class Accounts {

	public static final String ADMIN = "admin";

	/** The demo department reader (กรมการพัฒนาชุมชน), password the same. */
	public static final String DEPARTMENT_DEMO = "cdd01";

	/** Loei's districts get their people in the demo: a head and two officers each. */
	public static final String PERSON_PROVINCE = "42";

	public static final String HEAD_POSITION = "พัฒนาการอำเภอ";

	public static final String OFFICER_POSITION = "นักวิชาการพัฒนาชุมชน (พัฒนากร)";

	private static final String[] FIRST_NAMES = { "สมชาย", "วิไลวรรณ", "ประเสริฐ", "กาญจนา", "ธนากร", "อรุณี", "สุรชัย",
			"พรทิพย์", "บุญมี", "จันทร์เพ็ญ", "ศักดิ์ชัย", "นงลักษณ์", "ชาญวิทย์", "รัตนา", "อนุชา", "สุภาพร",
			"วีระพงษ์", "ปราณี", "เกียรติศักดิ์", "มยุรี", "ทองใบ" };

	private static final String[] LAST_NAMES = { "ใจดี", "ศรีสุข", "แก้วมณี", "บุญประเสริฐ", "ทองคำ", "พรหมมา",
			"สายทอง", "ศรีวงษ์", "จันทร์แก้ว", "ภูมิภักดิ์", "วงศ์ใหญ่", "คำภูเมือง", "อินทร์แปลง", "ชัยมงคล",
			"สีหาราช", "บุตรดี", "พิมพ์ทอง", "แสนสุข", "ดวงจันทร์" };

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	private final IdentityService identity;

	private final Profiles profiles;

	private final Passwords passwords;

	Accounts(IdentityService identity, Profiles profiles, Passwords passwords) {
		this.identity = identity;
		this.profiles = profiles;
		this.passwords = passwords;
	}

	/**
	 * Creates the administrator once; its password is the one configured, never a default
	 * in production, and it must pass the password policy: a weak RAINGAN_ADMIN_PASSWORD
	 * stops the start, naming each rule it breaks.
	 */
	public void ensureAdmin(String password) {
		if (password == null || password.isBlank()) {
			log.warn("RAINGAN_ADMIN_PASSWORD is not set: no administrator account is created");
			return;
		}
		User admin = identity.newUser(ADMIN);
		admin.setFirstName(FIRST_ADMIN);
		admin.setLastName(LAST_ADMIN);
		admin.setEmail(EMAIL_ADMIN);
		List<String> problems = passwords.problems(password, admin);
		if (!problems.isEmpty() && identity.createUserQuery().userId(ADMIN).count() == 0) {
			throw new IllegalStateException(
					"RAINGAN_ADMIN_PASSWORD ไม่ผ่านนโยบายรหัสผ่าน: " + String.join(" | ", problems));
		}
		ensureUser(ADMIN, password, FIRST_ADMIN, LAST_ADMIN, EMAIL_ADMIN, List.of(Groups.ADMIN), false);
	}

	/**
	 * The demo's administrator, {@code admin} / {@code admin} unless
	 * RAINGAN_ADMIN_PASSWORD is set (then checked as {@link #ensureAdmin}).
	 */
	public void ensureDemoAdmin(String password) {
		if (password != null && !password.isBlank()) {
			ensureAdmin(password);
			return;
		}
		ensureUser(ADMIN, ADMIN, FIRST_ADMIN, LAST_ADMIN, EMAIL_ADMIN, List.of(Groups.ADMIN), true);
	}

	private static final String FIRST_ADMIN = "ผู้ดูแลระบบ";

	private static final String LAST_ADMIN = "Raingan";

	private static final String EMAIL_ADMIN = "admin@raingan.invalid";

	/**
	 * Demo accounts as the department's letters list them (the Loei letter,
	 * docs/requirements/overview.md): {@code str4201} / {@code test4201} for each
	 * district office, and per province {@code review42} and {@code manager42} whose
	 * password is the user id. Loei's districts also get their people: {@code head4201}
	 * (พัฒนาการอำเภอ), {@code cdo4201a} and {@code cdo4201b} (พัฒนากร), password the user
	 * id; and {@code cdd01} reads for the department.
	 */
	@Transactional
	public int ensureDemoAccounts(List<OrgUnit> units) {
		int created = 0;
		int person = 0;
		for (OrgUnit unit : units) {
			String code = unit.code();
			if (unit.isDistrict()) {
				created += ensureAccount("str" + code, "test" + code, "พัฒนากร", unit.nameTh(), Groups.district(code),
						new Profiles.Details("นักวิชาการพัฒนาชุมชน", section(unit), null));
				if (PERSON_PROVINCE.equals(unit.parentCode())) {
					created += ensurePerson("head" + code, person++, Groups.district(code),
							new Profiles.Details(HEAD_POSITION, section(unit), phone(code, 0)));
					created += ensurePerson("cdo" + code + "a", person++, Groups.district(code),
							new Profiles.Details(OFFICER_POSITION, section(unit), phone(code, 1)));
					created += ensurePerson("cdo" + code + "b", person++, Groups.district(code),
							new Profiles.Details(OFFICER_POSITION, section(unit), phone(code, 2)));
				}
			}
			else if (unit.isProvince()) {
				created += ensureAccount("review" + code, "review" + code, "กลุ่มงานยุทธศาสตร์", unit.nameTh(),
						Groups.provinceReview(code),
						new Profiles.Details("นักวิชาการพัฒนาชุมชน", "กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน", null));
				created += ensureAccount("manager" + code, "manager" + code, "พัฒนาการจังหวัด", unit.nameTh(),
						Groups.provinceManager(code), new Profiles.Details("พัฒนาการจังหวัด", unit.nameTh(), null));
			}
		}
		created += ensureAccount(DEPARTMENT_DEMO, DEPARTMENT_DEMO, "กองแผนงาน", "กรมการพัฒนาชุมชน", Groups.DEPARTMENT,
				new Profiles.Details("นักวิเคราะห์นโยบายและแผน", "กองแผนงาน", null));
		return created;
	}

	/** A person of a Loei district: a Thai name of their own, password the user id. */
	private int ensurePerson(String userId, int n, String group, Profiles.Details details) {
		String first = FIRST_NAMES[n % FIRST_NAMES.length];
		String last = LAST_NAMES[(n * 7 + n / FIRST_NAMES.length) % LAST_NAMES.length];
		return ensureAccount(userId, userId, first, last, group, details);
	}

	/**
	 * สพอ.เมืองเลย: the district office as the Sa Kaeo manual's สังกัดกลุ่มงาน/ฝ่าย names
	 * it.
	 */
	private static String section(OrgUnit district) {
		return district.nameTh().replace("สำนักงานพัฒนาชุมชนอำเภอ", "สพอ.");
	}

	private static String phone(String code, int n) {
		return "042-81" + code.substring(2) + "-" + (10 + n);
	}

	private int ensureAccount(String userId, String password, String firstName, String lastName, String group,
			Profiles.Details details) {
		boolean created = ensureUser(userId, password, firstName, lastName, userId + "@raingan.invalid", List.of(group),
				true);
		profiles.ensure(userId, details);
		return created ? 1 : 0;
	}

	/**
	 * {@code demo}: one of the demo's accounts, whose known passwords (the letters'
	 * {@code test4201}) are below the password policy: saved without it, on the demo
	 * database only ({@link DemoMode}); every other account meets the policy.
	 */
	private boolean ensureUser(String userId, String password, String firstName, String lastName, String email,
			List<String> groups, boolean demo) {
		boolean created = false;
		if (identity.createUserQuery().userId(userId).count() == 0) {
			User user = identity.newUser(userId);
			user.setPassword(password);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setEmail(email);
			if (demo) {
				PolicyExempt.saveDemoUser(identity, user);
			}
			else {
				identity.saveUser(user);
			}
			created = true;
		}
		for (String group : groups) {
			if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
				identity.createMembership(userId, group);
			}
		}
		return created;
	}

}
