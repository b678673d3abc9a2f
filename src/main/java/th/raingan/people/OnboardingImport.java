package th.raingan.people;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import th.raingan.org.Directory;
import th.raingan.org.Officers;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.org.Profiles;
import th.raingan.org.Passwords;

/**
 * Bulk onboarding: a CSV of a province's people (office code, user id, Thai first and
 * last name, position, section, e-mail, phone, role) becomes Camunda users in their
 * offices' groups, with their profiles. Every row is checked first; every refused value
 * is reported with its line, its column and a Thai reason. A file with refusals writes
 * nothing unless the importer asks to take its valid rows; then those are written
 * together, in one transaction. Each new user gets a random one-time password, answered
 * once to the importer and stored only as Camunda's hash.
 */
@Service
class OnboardingImport {

	/**
	 * A province's people fit easily; a file beyond this is a mistake (a whole ministry,
	 * a wrong file).
	 */
	static final int MAX_ROWS = 2000;

	static final int PASSWORD_LENGTH = 12;

	private static final String PASSWORD_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String PASSWORD_LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String PASSWORD_DIGITS = "23456789";

	private static final String PASSWORD_SPECIAL = "!#$%+-=?@_";

	/**
	 * A column: its English header, the Thai headers Excel users type, and the label
	 * messages use.
	 */
	enum Column {

		OFFICE("office_code", "รหัสหน่วยงาน (office_code)", "รหัสหน่วยงาน", "หน่วยงาน"),
		USER_ID("user_id", "รหัสผู้ใช้ (user_id)", "รหัสผู้ใช้", "username"),
		FIRST_NAME("first_name_th", "ชื่อ (first_name_th)", "ชื่อ", "first_name"),
		LAST_NAME("last_name_th", "นามสกุล (last_name_th)", "นามสกุล", "สกุล", "last_name"),
		POSITION("position_th", "ตำแหน่ง (position_th)", "ตำแหน่ง", "position"),
		SECTION("section_th", "สังกัดกลุ่มงาน/ฝ่าย (section_th)", "สังกัดกลุ่มงาน/ฝ่าย", "สังกัด", "section"),
		EMAIL("email", "อีเมล (email)", "อีเมล", "อีเมลแอดเดรส", "e-mail"),
		PHONE("phone", "โทรศัพท์ (phone)", "โทรศัพท์", "เบอร์โทรศัพท์"), ROLE("role", "บทบาท (role)", "บทบาท");

		final String header;

		final String label;

		final List<String> aliases;

		Column(String header, String label, String... aliases) {
			this.header = header;
			this.label = label;
			this.aliases = List.of(aliases);
		}

		boolean matches(String name) {
			String n = name.strip().toLowerCase(Locale.ROOT);
			return header.equals(n) || aliases.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(n));
		}

	}

	/** The roles a row may name, in English or as the seeds say them in Thai. */
	static final Map<String, String> ROLES = Map.ofEntries(Map.entry("district", Officers.DISTRICT),
			Map.entry("อำเภอ", Officers.DISTRICT), Map.entry("พัฒนาการอำเภอ", Officers.DISTRICT),
			Map.entry("พัฒนากร", Officers.DISTRICT), Map.entry("reviewer", Officers.REVIEWER),
			Map.entry("ผู้ตรวจรายงาน", Officers.REVIEWER), Map.entry("กลุ่มงานยุทธศาสตร์", Officers.REVIEWER),
			Map.entry("manager", Officers.MANAGER), Map.entry("พัฒนาการจังหวัด", Officers.MANAGER),
			Map.entry("ผู้บริหารจังหวัด", Officers.MANAGER), Map.entry("department", Officers.DEPARTMENT),
			Map.entry("กรม", Officers.DEPARTMENT), Map.entry("กรมการพัฒนาชุมชน", Officers.DEPARTMENT));

	/** A row that passed every check. */
	record Person(int line, String userId, String firstName, String lastName, String position, String section,
			String email, String phone, OrgUnit office, String role, String group) {

	}

	/** A created account as the importer sees it once: with its one-time password. */
	public record Created(int line, String userId, String name, String officeCode, String officeName, String group,
			String password) {

	}

	/** What the import did. {@code written} is false when nothing was written. */
	public record Result(String encoding, int rows, int valid, boolean written, List<Created> created,
			List<FieldProblem> problems, String message) {

	}

	private final OrgUnits orgUnits;

	private final Directory directory;

	private final IdentityService identity;

	private final Profiles profiles;

	private final PeopleAccess access;

	private final TransactionTemplate transaction;

	private final SecureRandom random = new SecureRandom();

	private final Passwords passwords;

	OnboardingImport(OrgUnits orgUnits, Directory directory, IdentityService identity, Profiles profiles,
			PeopleAccess access, TransactionTemplate transaction, Passwords passwords) {
		this.passwords = passwords;
		this.orgUnits = orgUnits;
		this.directory = directory;
		this.identity = identity;
		this.profiles = profiles;
		this.access = access;
		this.transaction = transaction;
	}

	/**
	 * Imports a file for {@code importer}. With {@code takeValidRows} false a file with
	 * any refused row writes nothing; with it true the valid rows are written and the
	 * refused ones listed.
	 */
	public Result run(String importer, byte[] file, boolean takeValidRows) {
		if (!access.mayOnboard(importer)) {
			return refusedFile(null, "ผู้นำเข้า", "เฉพาะผู้ดูแลระบบและพัฒนาการจังหวัดนำเข้าผู้ใช้ได้");
		}
		CsvText csv;
		try {
			csv = CsvText.decode(file);
		}
		catch (CsvText.Unreadable ex) {
			return refusedFile(null, "การเข้ารหัสไฟล์", ex.getMessage());
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<Person> people = new ArrayList<>();
		int rows;
		try {
			rows = check(importer, csv.text(), people, problems);
		}
		catch (UncheckedIOException ex) {
			return refusedFile(csv.encoding(), "รูปแบบไฟล์",
					"อ่าน CSV ไม่ได้: เครื่องหมายคำพูด (\") ไม่ครบคู่ หรือไฟล์ไม่ใช่ CSV (" + ex.getMessage() + ")");
		}
		if (rows < 0) {
			return new Result(csv.encoding(), 0, 0, false, List.of(), problems,
					"ไม่ได้นำเข้าผู้ใช้ใด: " + problems.get(0).text());
		}
		if (!problems.isEmpty() && !takeValidRows || people.isEmpty()) {
			String message = problems.isEmpty() ? "ไฟล์ไม่มีแถวข้อมูล ไม่ได้นำเข้าผู้ใช้ใด"
					: "พบข้อผิดพลาด " + problems.size() + " รายการ ใน " + rowsWith(problems)
							+ " แถว ยังไม่ได้นำเข้าผู้ใช้ใด" + (people.isEmpty() ? "" : " (แถวที่ถูกต้อง "
									+ people.size() + " แถว นำเข้าได้เมื่อสั่ง \"นำเข้าเฉพาะแถวที่ถูกต้อง\")");
			return new Result(csv.encoding(), rows, people.size(), false, List.of(), problems, message);
		}
		List<Created> created = transaction.execute(status -> directory.asEngine(() -> write(importer, people)));
		String message = "นำเข้าผู้ใช้ " + created.size() + " คนแล้ว"
				+ (problems.isEmpty() ? "" : " ไม่นำเข้า " + rowsWith(problems) + " แถวที่มีข้อผิดพลาด");
		return new Result(csv.encoding(), rows, people.size(), true, created, problems, message);
	}

	private static long rowsWith(List<FieldProblem> problems) {
		return problems.stream().mapToInt(FieldProblem::line).distinct().count();
	}

	private static Result refusedFile(String encoding, String field, String message) {
		return new Result(encoding, 0, 0, false, List.of(), List.of(new FieldProblem(0, field, message)),
				"ไม่ได้นำเข้าผู้ใช้ใด: " + field + ": " + message);
	}

	/**
	 * Checks every row; answers the number of data rows, or -1 when the file itself is
	 * refused.
	 */
	private int check(String importer, String text, List<Person> people, List<FieldProblem> problems) {
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setTrim(true).get();
		List<CSVRecord> records;
		try (CSVParser parser = format.parse(new StringReader(text))) {
			records = parser.getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (records.isEmpty()) {
			problems.add(new FieldProblem(1, "หัวตาราง", "ไฟล์ว่าง ต้องมีแถวหัวตาราง " + headers()));
			return -1;
		}
		Map<Column, Integer> index = new LinkedHashMap<>();
		CSVRecord header = records.get(0);
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).replace("\uFEFF", "");
			for (Column column : Column.values()) {
				if (column.matches(name) && !index.containsKey(column)) {
					index.put(column, i);
				}
			}
		}
		List<String> missing = new ArrayList<>();
		for (Column column : Column.values()) {
			if (!index.containsKey(column)) {
				missing.add(column.header);
			}
		}
		if (!missing.isEmpty()) {
			problems.add(new FieldProblem(1, "หัวตาราง",
					"ไม่มีคอลัมน์ " + String.join(", ", missing) + " (หัวตารางต้องเป็น " + headers() + ")"));
			return -1;
		}
		if (records.size() - 1 > MAX_ROWS) {
			problems.add(new FieldProblem(0, "จำนวนแถว",
					"ไฟล์มี " + (records.size() - 1) + " แถว เกิน " + MAX_ROWS + " แถวต่อครั้ง กรุณาแบ่งไฟล์"));
			return -1;
		}
		Map<String, Integer> seen = new HashMap<>();
		Map<String, Optional<OrgUnit>> offices = new HashMap<>();
		for (int r = 1; r < records.size(); r++) {
			CSVRecord record = records.get(r);
			int line = (int) record.getRecordNumber();
			int before = problems.size();
			Map<Column, String> v = new LinkedHashMap<>();
			for (Column column : Column.values()) {
				int i = index.get(column);
				v.put(column, i < record.size() ? ProfileFields.clean(record.get(i)) : "");
			}
			if (record.size() < header.size()) {
				problems.add(new FieldProblem(line, "จำนวนคอลัมน์", "มี " + record.size() + " คอลัมน์ ต้องมี "
						+ header.size() + " ตามหัวตาราง (ตรวจเครื่องหมาย , ในข้อมูล)"));
			}
			String userId = v.get(Column.USER_ID);
			problem(problems, line, Column.USER_ID, ProfileFields.userId(userId));
			if (!userId.isEmpty()) {
				Integer earlier = seen.putIfAbsent(userId, line);
				if (earlier != null) {
					problems.add(new FieldProblem(line, Column.USER_ID.label,
							"รหัสผู้ใช้ \"" + userId + "\" ซ้ำกับแถวที่ " + earlier + " ในไฟล์นี้"));
				}
				else if (ProfileFields.USER_ID.matcher(userId).matches() && directory.user(userId).isPresent()) {
					problems.add(new FieldProblem(line, Column.USER_ID.label,
							"มีผู้ใช้รหัส \"" + userId + "\" ในระบบแล้ว (แก้ไขข้อมูลผู้ใช้เดิมได้ที่หน้าบุคลากร)"));
				}
			}
			problem(problems, line, Column.FIRST_NAME, ProfileFields.name(v.get(Column.FIRST_NAME)));
			problem(problems, line, Column.LAST_NAME, ProfileFields.name(v.get(Column.LAST_NAME)));
			problem(problems, line, Column.POSITION, ProfileFields.text(v.get(Column.POSITION)));
			problem(problems, line, Column.SECTION, ProfileFields.text(v.get(Column.SECTION)));
			problem(problems, line, Column.EMAIL, ProfileFields.email(v.get(Column.EMAIL)));
			problem(problems, line, Column.PHONE, ProfileFields.phone(v.get(Column.PHONE)));

			String code = v.get(Column.OFFICE);
			Optional<OrgUnit> office = code.isEmpty() ? Optional.empty()
					: offices.computeIfAbsent(code, orgUnits::find);
			if (code.isEmpty()) {
				problems.add(new FieldProblem(line, Column.OFFICE.label,
						"ต้องระบุรหัสหน่วยงาน เช่น 4201 (อำเภอ) หรือ 42 (จังหวัด)"));
			}
			else if (office.isEmpty()) {
				problems.add(new FieldProblem(line, Column.OFFICE.label, "ไม่พบหน่วยงานรหัส \"" + code + "\""));
			}
			else if (!access.mayManage(importer, office.get())) {
				problems
					.add(new FieldProblem(line, Column.OFFICE.label, "ท่านนำเข้าผู้ใช้ได้เฉพาะหน่วยงานในจังหวัดของท่าน"
							+ " (" + office.get().nameTh() + " ไม่อยู่ในจังหวัดที่ท่านดูแล)"));
			}
			String roleText = v.get(Column.ROLE);
			String role = ROLES.get(roleText.toLowerCase(Locale.ROOT));
			String group = null;
			if (role == null) {
				problems.add(new FieldProblem(line, Column.ROLE.label,
						roleText.isEmpty() ? "ต้องระบุบทบาท"
								: "ไม่รู้จักบทบาท \"" + roleText
										+ "\" ใช้ได้: district (อำเภอ), reviewer (ผู้ตรวจรายงาน),"
										+ " manager (พัฒนาการจังหวัด), department (กรม)"));
			}
			else if (office.isPresent()) {
				group = Officers.groupFor(office.get(), role).orElse(null);
				if (group == null) {
					problems.add(new FieldProblem(line, Column.ROLE.label, "บทบาท \"" + roleText
							+ "\" ไม่ตรงกับหน่วยงาน " + office.get().nameTh() + ": " + fit(role)));
				}
			}
			if (problems.size() == before) {
				people.add(new Person(line, userId, v.get(Column.FIRST_NAME), v.get(Column.LAST_NAME),
						v.get(Column.POSITION), v.get(Column.SECTION), v.get(Column.EMAIL), v.get(Column.PHONE),
						office.get(), role, group));
			}
		}
		return records.size() - 1;
	}

	private static String fit(String role) {
		return switch (role) {
			case Officers.DISTRICT -> "บทบาทอำเภอใช้กับรหัสอำเภอ 4 หลัก เช่น 4201";
			case Officers.REVIEWER, Officers.MANAGER -> "บทบาทนี้ใช้กับรหัสจังหวัด 2 หลัก เช่น 42";
			default -> "บทบาทกรมใช้กับรหัสหน่วยงาน 00 (กรมการพัฒนาชุมชน)";
		};
	}

	private static String headers() {
		return String.join(",", java.util.Arrays.stream(Column.values()).map(c -> c.header).toList());
	}

	private static void problem(List<FieldProblem> problems, int line, Column column, Optional<String> message) {
		message.ifPresent(m -> problems.add(new FieldProblem(line, column.label, m)));
	}

	private List<Created> write(String importer, List<Person> people) {
		List<Created> created = new ArrayList<>();
		for (Person p : people) {
			User user = identity.newUser(p.userId());
			user.setFirstName(p.firstName());
			user.setLastName(p.lastName());
			user.setEmail(p.email());
			String password = password(user);
			user.setPassword(password);
			identity.saveUser(user);
			identity.createMembership(p.userId(), p.group());
			profiles.register(p.userId(),
					new Profiles.Details(blankToNull(p.position()), blankToNull(p.section()), blankToNull(p.phone())),
					importer);
			created.add(new Created(p.line(), p.userId(), p.firstName() + " " + p.lastName(), p.office().code(),
					p.office().nameTh(), p.group(), password));
		}
		return created;
	}

	/**
	 * A first password the person changes at their first sign-in:
	 * {@value #PASSWORD_LENGTH} characters with a lower-case and an upper-case letter, a
	 * digit and a special character in it (none that looks like another), drawn again
	 * until it passes the password policy for that user ({@link Passwords}).
	 */
	String password(User user) {
		while (true) {
			List<Character> chars = new ArrayList<>();
			chars.add(pick(PASSWORD_LOWER));
			chars.add(pick(PASSWORD_UPPER));
			chars.add(pick(PASSWORD_DIGITS));
			chars.add(pick(PASSWORD_SPECIAL));
			while (chars.size() < PASSWORD_LENGTH) {
				chars.add(pick(PASSWORD_LOWER + PASSWORD_UPPER + PASSWORD_DIGITS));
			}
			java.util.Collections.shuffle(chars, random);
			StringBuilder password = new StringBuilder();
			chars.forEach(password::append);
			if (passwords.problems(password.toString(), user).isEmpty()) {
				return password.toString();
			}
		}
	}

	private char pick(String from) {
		return from.charAt(random.nextInt(from.length()));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
