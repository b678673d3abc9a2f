package th.raingan.org;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: the administrator, and the demo officers of every office. */
@Service
public class Accounts {

	public static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	private final IdentityService identity;

	private final Officers officers;

	Accounts(IdentityService identity, Officers officers) {
		this.identity = identity;
		this.officers = officers;
	}

	/** Creates the administrator once; its password is the one configured, never a default in production. */
	public void ensureAdmin(String password) {
		if (password == null || password.isBlank()) {
			log.warn("RAINGAN_ADMIN_PASSWORD is not set: no administrator account is created");
			return;
		}
		ensureUser(ADMIN, password, "ผู้ดูแลระบบ", "Raingan", "admin@raingan.invalid", List.of(Groups.ADMIN));
	}

	/**
	 * Demo accounts as the department's letters list them (seed 000): {@code str4201} / {@code test4201} for each
	 * district office, and per province {@code review42} and {@code manager42} whose password is the user id.
	 */
	@Transactional
	public int ensureDemoAccounts(List<OrgUnit> units) {
		int created = 0;
		for (OrgUnit unit : units) {
			if (unit.isDistrict()) {
				String code = unit.code();
				created += ensureOfficer("str" + code, "test" + code, "พัฒนากร", unit, "district",
						"นักวิชาการพัฒนาชุมชน", List.of(Groups.district(code)));
			}
			else if (unit.isProvince()) {
				String code = unit.code();
				created += ensureOfficer("review" + code, "review" + code, "กลุ่มงานยุทธศาสตร์", unit, "reviewer",
						"นักวิชาการพัฒนาชุมชน กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน", List.of(Groups.provinceReview(code)));
				created += ensureOfficer("manager" + code, "manager" + code, "พัฒนาการจังหวัด", unit, "manager",
						"พัฒนาการจังหวัด", List.of(Groups.provinceManager(code)));
			}
		}
		return created;
	}

	private int ensureOfficer(String userId, String password, String firstName, OrgUnit office, String role,
			String position, List<String> groups) {
		boolean created = ensureUser(userId, password, firstName, office.nameTh(), userId + "@raingan.invalid",
				groups);
		officers.ensure(userId, office.code(), role, position);
		return created ? 1 : 0;
	}

	private boolean ensureUser(String userId, String password, String firstName, String lastName, String email,
			List<String> groups) {
		boolean created = false;
		if (identity.createUserQuery().userId(userId).count() == 0) {
			User user = identity.newUser(userId);
			user.setPassword(password);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setEmail(email);
			identity.saveUser(user);
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
