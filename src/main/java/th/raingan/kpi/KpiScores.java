package th.raingan.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import th.raingan.org.OfficeAccess;
import th.raingan.org.Officers;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.org.People;
import th.raingan.thai.BuddhistDates;

/**
 * Who reads which KPI scores, and the scores as a person reads them (คะแนนของฉัน and
 * {@code /api/kpi/scores}): a person their own individual indicators and their district's
 * team score; the district head the district's people and team; the province's reviewers
 * and manager their districts' team scores and people; the department everyone. Scores
 * are the signed-off snapshot's when there is one, otherwise what the entries give now.
 */
@Service
class KpiScores {

	static final Map<String, String> PART_STATUS = Map.of("agreed", "ยืนยันข้อตกลงแล้ว รอกรอกผล", "entered",
			"กรอกผลแล้ว รอพัฒนาการอำเภอตรวจ", "returned", "พัฒนาการอำเภอส่งกลับให้แก้ไข", "verified",
			"พัฒนาการอำเภอตรวจแล้ว");

	private final KpiAgreements agreements;

	private final KpiCatalog catalog;

	private final KpiEntries entries;

	private final KpiPeople kpiPeople;

	private final Officers officers;

	private final OrgUnits orgUnits;

	private final People people;

	private final OfficeAccess access;

	private final JdbcTemplate jdbc;

	private final ObjectMapper json = new ObjectMapper();

	KpiScores(KpiAgreements agreements, KpiCatalog catalog, KpiEntries entries, KpiPeople kpiPeople, Officers officers,
			OrgUnits orgUnits, People people, OfficeAccess access, JdbcTemplate jdbc) {
		this.agreements = agreements;
		this.catalog = catalog;
		this.entries = entries;
		this.kpiPeople = kpiPeople;
		this.officers = officers;
		this.orgUnits = orgUnits;
		this.people = people;
		this.access = access;
		this.jdbc = jdbc;
	}

	/** The signed-in user's id, or null. */
	public String signedIn() {
		return access.user().map(u -> u.userId()).orElse(null);
	}

	/**
	 * Whether {@code user} may read the individual scores of {@code person} (of
	 * {@code office}) in a round.
	 */
	public boolean mayRead(String user, String person, String office) {
		if (user == null || office == null) {
			return false;
		}
		if (user.equals(person)) {
			return true;
		}
		Optional<Officers.Officer> who = officers.find(user);
		if (who.isEmpty()) {
			return false;
		}
		String role = who.get().role();
		if (Officers.DEPARTMENT.equals(role)) {
			return true;
		}
		if (Officers.MANAGER.equals(role) || Officers.REVIEWER.equals(role)) {
			return orgUnits.find(office).map(u -> who.get().officeCode().equals(u.provinceCode())).orElse(false);
		}
		return office.equals(who.get().officeCode()) && kpiPeople.head(office).map(user::equals).orElse(false);
	}

	/** Whether the signed-in user may read a district's team score. */
	public boolean mayReadTeam(String office) {
		return access.maySee(office);
	}

	/** The office of a person in a round, or null. */
	public String officeOf(String round, String person) {
		return agreements.officeOf(round, person);
	}

	/**
	 * The KPI rounds in which the signed-in user may read anything, newest first: of
	 * their provinces and districts (every province's for the department).
	 */
	public List<Map<String, Object>> rounds() {
		String user = signedIn();
		List<Map<String, Object>> visible = new ArrayList<>();
		for (Map<String, Object> r : jdbc.queryForList(
				"select round_key, fiscal_year_be, round_no, province_code, template_id, status from raingan.kpi_round order by fiscal_year_be desc, round_no desc, province_code")) {
			String round = (String) r.get("round_key");
			String province = (String) r.get("province_code");
			boolean sees = access.maySee(province)
					|| jdbc
						.queryForList("select person_id from raingan.kpi_person_part where round_key = ?", String.class,
								round)
						.contains(user)
					|| access.districts()
						.stream()
						.anyMatch(d -> orgUnits.find(d).map(u -> province.equals(u.provinceCode())).orElse(false));
			if (sees) {
				visible.add(roundHeading(r));
			}
		}
		return visible;
	}

	private Map<String, Object> roundHeading(Map<String, Object> r) {
		Map<String, Object> round = new LinkedHashMap<>();
		round.put("round", r.get("round_key"));
		round.put("fiscalYear", r.get("fiscal_year_be"));
		round.put("roundNo", r.get("round_no"));
		round.put("provinceCode", r.get("province_code"));
		round.put("provinceName", orgUnits.find((String) r.get("province_code")).map(OrgUnit::nameTh).orElse(""));
		String template = (String) r.get("template_id");
		round.put("template", catalog.template(template).map(KpiTemplate::nameTh).orElse(template));
		round.put("signedOff", "signed_off".equals(r.get("status")));
		round.put("label",
				"รอบที่ " + r.get("round_no") + "/" + r.get("fiscal_year_be") + " " + round.get("provinceName"));
		return round;
	}

	/**
	 * The page คะแนนของฉัน of one round: the round, the teams (districts) and the people
	 * the signed-in user may read, each with every indicator's level, score, weight and
	 * distance to the next level.
	 */
	public Map<String, Object> page(String round) {
		List<Map<String, Object>> found = jdbc.queryForList(
				"select round_key, fiscal_year_be, round_no, province_code, template_id, status, signed_off_by, signed_off_at from raingan.kpi_round where round_key = ?",
				round);
		if (found.isEmpty()) {
			return null;
		}
		Map<String, Object> r = found.get(0);
		KpiTemplate template = catalog.template((String) r.get("template_id")).orElse(null);
		String user = signedIn();
		Map<String, Object> page = new LinkedHashMap<>(roundHeading(r));
		if (r.get("signed_off_at") != null) {
			page.put("signedOffOn",
					BuddhistDates.formatLong(((Timestamp) r.get("signed_off_at")).toLocalDateTime().toLocalDate()));
			page.put("signedOffBy", people.displayName((String) r.get("signed_off_by")));
		}
		List<Map<String, Object>> persons = template == null ? List.of() : readablePeople(round, template, user);
		persons.forEach(score -> score.put("own", score.get("personId").equals(user)));
		page.put("people", persons);
		List<Map<String, Object>> teams = new ArrayList<>();
		if (template != null && !template.team().isEmpty()) {
			for (String office : jdbc.queryForList(
					"select distinct office_code from raingan.kpi_input where round_key = ? and person_id = '' order by office_code",
					String.class, round)) {
				if (mayReadTeam(office)) {
					teams.add(team(round, template, office));
				}
			}
		}
		page.put("teams", teams);
		return page;
	}

	/**
	 * The people of a round whose scores the signed-in user may read, each with their
	 * scores; none when there is no such round.
	 */
	public List<Map<String, Object>> readablePeople(String round) {
		List<String> templateId = jdbc.queryForList("select template_id from raingan.kpi_round where round_key = ?",
				String.class, round);
		return templateId.isEmpty() ? List.of()
				: readablePeople(round, catalog.template(templateId.get(0)).orElseThrow(), signedIn());
	}

	private List<Map<String, Object>> readablePeople(String round, KpiTemplate template, String user) {
		List<Map<String, Object>> persons = new ArrayList<>();
		for (Map<String, Object> p : jdbc.queryForList(
				"select office_code, person_id from raingan.kpi_person_part where round_key = ? order by office_code, person_id",
				round)) {
			String person = (String) p.get("person_id");
			String office = (String) p.get("office_code");
			if (mayRead(user, person, office)) {
				persons.add(person(round, template, office, person));
			}
		}
		return persons;
	}

	/** One person's scores, as the API and the page give them. */
	public Map<String, Object> scoreOf(String round, String office, String person) {
		String templateId = jdbc.queryForObject("select template_id from raingan.kpi_round where round_key = ?",
				String.class, round);
		return person(round, catalog.template(templateId).orElseThrow(), office, person);
	}

	private Map<String, Object> person(String round, KpiTemplate template, String office, String person) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("round", round);
		body.put("officeCode", office);
		body.put("officeName", orgUnits.find(office).map(OrgUnit::nameTh).orElse(office));
		body.put("personId", person);
		body.put("name", people.displayName(person));
		Map<String, Object> part = jdbc.queryForList(
				"select status, decided_by, decided_at, return_reason from raingan.kpi_person_part where round_key = ? and person_id = ?",
				round, person)
			.stream()
			.findFirst()
			.orElse(Map.of());
		body.put("status", part.get("status"));
		body.put("statusTh", PART_STATUS.getOrDefault((String) part.get("status"), ""));
		if (part.get("return_reason") != null) {
			body.put("returnReason", part.get("return_reason"));
		}
		if (part.get("decided_at") != null) {
			body.put("decidedBy", people.displayName((String) part.get("decided_by")));
			body.put("decidedOn",
					BuddhistDates.formatLong(((Timestamp) part.get("decided_at")).toLocalDateTime().toLocalDate()));
		}
		List<String> confirmed = new ArrayList<>();
		for (Map<String, Object> c : agreements.confirmations(round, person)) {
			confirmed.add((KpiAgreements.HEAD.equals(c.get("party")) ? "พัฒนาการอำเภอ" : "พัฒนากร") + " "
					+ people.displayName((String) c.get("confirmed_by")) + " ยืนยันเมื่อ "
					+ BuddhistDates.formatLong(((Timestamp) c.get("confirmed_at")).toLocalDateTime().toLocalDate()));
		}
		body.put("confirmations", confirmed);
		Map<String, String> targets = new LinkedHashMap<>();
		agreements.agreement(round, person)
			.forEach(a -> targets.put((String) a.get("indicator_id"), (String) a.get("target_th")));
		List<Indicator> assigned = template.individual().stream().filter(i -> targets.containsKey(i.id())).toList();
		Map<String, Object> signed = snapshot("kpi_person_snapshot", "person_id", round, person);
		Scored scored = signed != null ? Scored.of(signed, json)
				: Scored.of(KpiRoundService.score(assigned, person, entries.measurements(round, office, person)));
		body.put("signedOff", signed != null);
		if (signed != null) {
			body.put("version", signed.get("version"));
		}
		body.put("score", scored.score());
		body.put("percent", scored.percent());
		body.put("levels", scored.levels());
		body.put("toNextLevel", scored.toNextLevel());
		List<Map<String, Object>> evidence = signed != null ? scored.inputs() : entries.stored(round, office, person);
		body.put("indicators", indicatorRows(assigned, scored, targets, evidence));
		return body;
	}

	private Map<String, Object> team(String round, KpiTemplate template, String office) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("officeCode", office);
		body.put("officeName", orgUnits.find(office).map(OrgUnit::nameTh).orElse(office));
		Map<String, Object> signed = snapshot("kpi_snapshot", "office_code", round, office);
		Scored scored = signed != null ? Scored.of(signed, json) : Scored
			.of(KpiRoundService.score(template.team(), office, entries.measurements(round, office, KpiEntries.TEAM)));
		body.put("signedOff", signed != null);
		body.put("score", scored.score());
		body.put("percent", scored.percent());
		List<Map<String, Object>> evidence = signed != null ? scored.inputs()
				: entries.stored(round, office, KpiEntries.TEAM);
		body.put("indicators", indicatorRows(template.team(), scored, Map.of(), evidence));
		return body;
	}

	private List<Map<String, Object>> indicatorRows(List<Indicator> indicators, Scored scored,
			Map<String, String> targets, List<Map<String, Object>> stored) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Indicator indicator : indicators) {
			Map<String, Object> row = new LinkedHashMap<>();
			int level = scored.levels().getOrDefault(indicator.id(), 0);
			row.put("id", indicator.id());
			row.put("name", indicator.nameTh());
			row.put("weight", indicator.weight().stripTrailingZeros().toPlainString());
			if (targets.containsKey(indicator.id())) {
				row.put("target", targets.get(indicator.id()));
			}
			row.put("level", level);
			row.put("score", BigDecimal.valueOf(level).setScale(2, RoundingMode.HALF_UP));
			row.put("percent", BigDecimal.valueOf(level * 20L).setScale(2, RoundingMode.HALF_UP));
			row.put("toNextLevel", level >= 5 ? "ได้ระดับสูงสุดแล้ว"
					: scored.toNextLevel().getOrDefault(indicator.id(), "ระดับ " + (level + 1)));
			List<String> evidence = new ArrayList<>();
			for (Map<String, Object> input : stored) {
				if (!indicator.id().equals(input.get("indicator_id"))) {
					continue;
				}
				Input in = indicator.input((String) input.get("input_id"));
				String label = in == null ? String.valueOf(input.get("input_id")) : in.labelTh();
				StringBuilder line = new StringBuilder(label);
				Object value = input.get("value_number");
				if ("computed".equals(input.get("source"))) {
					line.append(": ").append(plain(value)).append(" (ระบบคำนวณจากรายงาน)");
				}
				else if (in != null && in.type() == Input.Type.STEP) {
					Object on = input.get("done_on");
					line.append(on == null ? ": ยังไม่ได้ทำ" : ": ทำแล้วเมื่อ " + BuddhistDates.formatLong(date(on)));
				}
				else {
					line.append(": ").append(plain(value));
				}
				Object note = input.get("evidence");
				if (note != null && !note.toString().isBlank()) {
					line.append(" หลักฐาน: ").append(note);
				}
				else if (!"computed".equals(input.get("source"))) {
					line.append(" (ยังไม่มีหลักฐาน)");
				}
				evidence.add(line.toString());
			}
			row.put("evidence", evidence);
			rows.add(row);
		}
		return rows;
	}

	private static java.time.LocalDate date(Object on) {
		if (on instanceof java.sql.Date d) {
			return d.toLocalDate();
		}
		if (on instanceof java.time.LocalDate d) {
			return d;
		}
		if (on instanceof Number n) {
			return new java.sql.Date(n.longValue()).toLocalDate();
		}
		return java.time.LocalDate.parse(on.toString().substring(0, 10));
	}

	private static String plain(Object value) {
		if (value == null) {
			return "-";
		}
		return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
	}

	private Map<String, Object> snapshot(String table, String column, String round, String who) {
		return jdbc
			.queryForList("select version, score, percent, detail_json from raingan." + table
					+ " where round_key = ? and " + column + " = ? order by version desc", round, who)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** A score either computed now or read back from a snapshot. */
	record Scored(BigDecimal score, BigDecimal percent, Map<String, Integer> levels, Map<String, String> toNextLevel,
			List<Map<String, Object>> inputs) {

		static Scored of(KpiRoundService.DistrictScore s) {
			return new Scored(s.score(), s.percent(), s.levels(), s.toNextLevel(), List.of());
		}

		@SuppressWarnings("unchecked")
		static Scored of(Map<String, Object> snapshot, ObjectMapper json) {
			Map<String, Object> detail;
			try {
				detail = json.readValue(snapshot.get("detail_json").toString(), Map.class);
			}
			catch (Exception ex) {
				detail = Map.of();
			}
			Map<String, Integer> levels = new LinkedHashMap<>();
			((Map<String, Object>) detail.getOrDefault("levels", Map.of()))
				.forEach((k, v) -> levels.put(k, ((Number) v).intValue()));
			Map<String, String> next = new LinkedHashMap<>();
			((Map<String, Object>) detail.getOrDefault("toNextLevel", Map.of()))
				.forEach((k, v) -> next.put(k, String.valueOf(v)));
			List<Map<String, Object>> inputs = (List<Map<String, Object>>) detail.getOrDefault("inputs", List.of());
			return new Scored((BigDecimal) snapshot.get("score"), (BigDecimal) snapshot.get("percent"), levels, next,
					inputs);
		}

	}

	/**
	 * The templates the signed-in user's province may close a round with, for the start
	 * form's list: the province's own and the department's, none with a problem; every
	 * template for the department and the administrator.
	 */
	public List<Map<String, String>> templateChoices() {
		boolean nation = access.nation();
		java.util.Set<String> provinces = access.provincesManaged();
		List<Map<String, String>> choices = new ArrayList<>();
		for (KpiTemplate t : catalog.templates()) {
			if (!catalog.problems(t.id()).isEmpty()) {
				continue;
			}
			if (nation || provinces.stream().anyMatch(t::usableBy)) {
				choices.add(Map.of("value", t.id(), "label", t.nameTh()));
			}
		}
		return choices;
	}

}
