package th.raingan.org;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import th.raingan.thai.Clock;

/**
 * A person's profile as the Sa Kaeo manual shows it (docs/requirements/overview.md): ชื่อ
 * สกุล, ตำแหน่ง, หน่วยงาน, สังกัดกลุ่มงาน/ฝ่าย, โทรศัพท์, อีเมลแอดเดรส, วันที่ลงทะเบียน.
 * Each field has one home: the Thai first and last name and the e-mail are the Camunda
 * user's own fields (Camunda Admin shows and edits the same), the office and role follow
 * from the groups ({@link Officers}), and only position, section, phone and registration
 * date live in {@code raingan.profile}, keyed by user id.
 */
@Repository
public class Profiles {

	public record Profile(String userId, String firstName, String lastName, String email, String position,
			String section, String phone, LocalDate registeredOn, String officeCode, String officeName, String role) {

		public String displayName() {
			String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
			return name.isEmpty() ? userId : name;
		}

	}

	/** The fields the project keeps beside the Camunda user. */
	public record Details(String position, String section, String phone) {

	}

	private final JdbcTemplate jdbc;

	private final Directory directory;

	private final IdentityService identity;

	private final Officers officers;

	private final OrgUnits orgUnits;

	Profiles(JdbcTemplate jdbc, Directory directory, IdentityService identity, Officers officers, OrgUnits orgUnits) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.identity = identity;
		this.officers = officers;
		this.orgUnits = orgUnits;
	}

	public Optional<Profile> find(String userId) {
		return directory.user(userId).map(user -> {
			Details details = details(userId).orElse(new Details(null, null, null));
			LocalDate registered = registeredOn(userId);
			Optional<Officers.Officer> office = officers.find(userId);
			String officeCode = office.map(Officers.Officer::officeCode).orElse(null);
			String officeName = officeCode == null ? null : orgUnits.find(officeCode).map(OrgUnit::nameTh).orElse(null);
			return new Profile(userId, user.getFirstName(), user.getLastName(), user.getEmail(), details.position(),
					details.section(), details.phone(), registered, officeCode, officeName,
					office.map(Officers.Officer::role).orElse(null));
		});
	}

	public Optional<Details> details(String userId) {
		return jdbc
			.query("select position_th, section_th, phone from raingan.profile where user_id = ?",
					(rs, i) -> new Details(rs.getString(1), rs.getString(2), rs.getString(3)), userId)
			.stream()
			.findFirst();
	}

	private LocalDate registeredOn(String userId) {
		return jdbc
			.query("select registered_on from raingan.profile where user_id = ?",
					(rs, i) -> rs.getDate(1).toLocalDate(), userId)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/**
	 * Records the project's part of a profile once (demo accounts, imports); an existing
	 * one is left as it is.
	 */
	public void ensure(String userId, Details details) {
		if (details(userId).isEmpty()) {
			jdbc.update("""
					insert into raingan.profile (user_id, position_th, section_th, phone, registered_on)
					values (?, ?, ?, ?, ?)""", userId, details.position(), details.section(), details.phone(),
					Date.valueOf(Clock.today()));
		}
	}

	/**
	 * A newly onboarded person's profile: registered today (a row left from an earlier
	 * account of the id replaced).
	 */
	public void register(String userId, Details details, String registeredBy) {
		jdbc.update("delete from raingan.profile where user_id = ?", userId);
		jdbc.update(
				"""
						insert into raingan.profile (user_id, position_th, section_th, phone, registered_on, updated_at, updated_by)
						values (?, ?, ?, ?, ?, ?, ?)""",
				userId, details.position(), details.section(), details.phone(), Date.valueOf(Clock.today()),
				new Timestamp(Clock.now().getTime()), registeredBy);
	}

	/**
	 * Writes the project's part of a profile; a user created in Camunda Admin gets their
	 * row on the first edit.
	 */
	public void saveDetails(String userId, Details details, String editedBy) {
		Timestamp now = new Timestamp(Clock.now().getTime());
		int updated = jdbc.update("""
				update raingan.profile set position_th = ?, section_th = ?, phone = ?, updated_at = ?, updated_by = ?
				where user_id = ?""", details.position(), details.section(), details.phone(), now, editedBy, userId);
		if (updated == 0) {
			jdbc.update(
					"""
							insert into raingan.profile (user_id, position_th, section_th, phone, registered_on, updated_at, updated_by)
							values (?, ?, ?, ?, ?, ?, ?)""",
					userId, details.position(), details.section(), details.phone(), Date.valueOf(Clock.today()), now,
					editedBy);
		}
	}

	/** Changes the Camunda user's own fields (who may was decided by the caller). */
	public void saveNameAndEmail(String userId, String firstName, String lastName, String email) {
		directory.asEngine(() -> {
			User user = identity.createUserQuery().userId(userId).singleResult();
			if (user == null) {
				throw new IllegalArgumentException("no user " + userId);
			}
			if (Objects.equals(user.getFirstName(), firstName) && Objects.equals(user.getLastName(), lastName)
					&& Objects.equals(user.getEmail(), email)) {
				return null;
			}
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setEmail(email);
			identity.saveUser(user);
			return null;
		});
	}

	/**
	 * The e-mail addresses of a group's members, as their profiles give them; the mails
	 * go there.
	 */
	public List<String> emailsOf(String groupId) {
		return directory.members(groupId)
			.stream()
			.map(User::getEmail)
			.filter(Objects::nonNull)
			.map(String::strip)
			.filter(email -> !email.isEmpty())
			.distinct()
			.sorted()
			.toList();
	}

}
