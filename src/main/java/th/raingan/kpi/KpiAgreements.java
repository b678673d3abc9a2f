package th.raingan.kpi;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.raingan.org.People;
import th.raingan.report.ReportRefused;
import th.raingan.thai.Clock;
import th.raingan.thai.SafeText;

/**
 * The individual part of a KPI round, as the letters cascade it
 * "ระดับหน่วยงานสู่ระดับบุคคล": the district head assigns the template's individual
 * indicators to the district's officers, each with a target and the responsible unit
 * (บันทึกข้อตกลงการปฏิบัติราชการ); the head and the officer each confirm it; the officer
 * enters their indicators with evidence per step; the head verifies or returns them; each
 * person's weighted score is kept at the manager's sign-off beside the district's team
 * score.
 */
@Service
public class KpiAgreements {

	public static final String HEAD = "head";

	public static final String OFFICER = "officer";

	private final JdbcTemplate jdbc;

	private final KpiCatalog catalog;

	private final KpiEntries entries;

	private final KpiPeople kpiPeople;

	private final People people;

	private final ObjectMapper json = new ObjectMapper();

	KpiAgreements(JdbcTemplate jdbc, KpiCatalog catalog, KpiEntries entries, KpiPeople kpiPeople, People people) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.entries = entries;
		this.kpiPeople = kpiPeople;
		this.people = people;
	}

	/**
	 * The rows the head fills in: every individual indicator, to whom (user id) and with
	 * what target.
	 */
	public List<Map<String, Object>> assignmentRows(String roundKey, String templateId, String office) {
		KpiTemplate template = catalog.template(templateId).orElseThrow();
		Map<String, Map<String, Object>> earlier = new LinkedHashMap<>();
		jdbc.queryForList(
				"select indicator_id, person_id, target_th from raingan.kpi_agreement where round_key = ? and office_code = ?",
				roundKey, office)
			.forEach(r -> earlier.put((String) r.get("indicator_id"), r));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Indicator indicator : template.individual()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("indicatorId", indicator.id());
			row.put("name", indicator.id() + " " + indicator.nameTh() + " (น้ำหนัก "
					+ indicator.weight().stripTrailingZeros().toPlainString() + ")");
			row.put("responsibleUnit", indicator.responsible() == null ? "" : indicator.responsible());
			Map<String, Object> before = earlier.get(indicator.id());
			row.put("personId", before == null ? "" : before.get("person_id"));
			row.put("target", before == null ? "" : before.get("target_th"));
			rows.add(row);
		}
		return rows;
	}

	/** The district's officers, for the head's form: "cdo3101a = นาย ...". */
	public String officersText(String office) {
		StringBuilder text = new StringBuilder();
		for (String officer : kpiPeople.officers(office)) {
			text.append("- ")
				.append(SafeText.markdown(officer))
				.append(" = ")
				.append(SafeText.markdown(people.displayName(officer)))
				.append('\n');
		}
		return text.toString();
	}

	/**
	 * Keeps the head's assignment: each row either names one of the district's officers
	 * and a target, or is left empty (not cascaded). Returns the officers who answer for
	 * at least one indicator.
	 */
	@Transactional
	public List<String> assign(String roundKey, String templateId, String office, String head,
			List<Map<String, Object>> rows) {
		KpiTemplate template = catalog.template(templateId).orElseThrow();
		List<String> officers = kpiPeople.officers(office);
		List<String> problems = new ArrayList<>();
		if (signedOff(roundKey)) {
			problems.add("รอบ " + roundKey + ": ลงนามผลคะแนนแล้ว แก้ไขข้อตกลงไม่ได้");
		}
		Map<String, String[]> assigned = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			String id = String.valueOf(row.get("indicatorId"));
			String person = row.get("personId") == null ? "" : row.get("personId").toString().strip();
			String target = row.get("target") == null ? "" : row.get("target").toString().strip();
			if (!template.isIndividual(id)) {
				problems.add("ตัวชี้วัด " + id + ": ไม่ใช่ตัวชี้วัดรายบุคคลของแม่แบบนี้");
				continue;
			}
			if (person.isEmpty()) {
				if (!target.isEmpty()) {
					problems.add("ตัวชี้วัด " + id + " ผู้รับผิดชอบ: กรอกค่าเป้าหมายแล้วแต่ยังไม่ได้ระบุผู้รับผิดชอบ");
				}
				continue;
			}
			if (!officers.contains(person)) {
				problems.add("ตัวชี้วัด " + id + " ผู้รับผิดชอบ: \"" + person + "\" ไม่ใช่พัฒนากรของอำเภอนี้ (เลือกจาก "
						+ String.join(", ", officers) + ")");
				continue;
			}
			if (target.length() < 2) {
				problems.add("ตัวชี้วัด " + id + " ค่าเป้าหมาย: ต้องระบุค่าเป้าหมายที่ตกลงกัน");
				continue;
			}
			assigned.put(id, new String[] { person, target });
		}
		if (assigned.isEmpty() && problems.isEmpty()) {
			problems.add("ผู้รับผิดชอบ: ต้องมอบหมายตัวชี้วัดรายบุคคลให้พัฒนากรอย่างน้อยหนึ่งตัวชี้วัด");
		}
		if (!problems.isEmpty()) {
			throw new ReportRefused("บันทึกการมอบหมายตัวชี้วัดไม่ได้ กรุณาแก้ไข:", problems);
		}
		Timestamp now = new Timestamp(Clock.now().getTime());
		jdbc.update("delete from raingan.kpi_agreement where round_key = ? and office_code = ?", roundKey, office);
		jdbc.update(
				"delete from raingan.kpi_agreement_confirmation where round_key = ? and person_id in (select person_id from raingan.kpi_person_part where round_key = ? and office_code = ?)",
				roundKey, roundKey, office);
		jdbc.update("delete from raingan.kpi_person_part where round_key = ? and office_code = ?", roundKey, office);
		assigned.forEach((id, a) -> jdbc.update(
				"""
						insert into raingan.kpi_agreement (round_key, office_code, person_id, indicator_id, target_th, responsible_unit, assigned_by, assigned_at)
						values (?, ?, ?, ?, ?, ?, ?, ?)""",
				roundKey, office, a[0], id, a[1], template.indicator(id).responsible(), head, now));
		List<String> persons = assigned.values().stream().map(a -> a[0]).distinct().sorted().toList();
		for (String person : persons) {
			jdbc.update(
					"insert into raingan.kpi_person_part (round_key, office_code, person_id, status) values (?, ?, ?, 'agreed')",
					roundKey, office, person);
		}
		return persons;
	}

	/**
	 * The agreement between the head and one officer, as text for the confirmation tasks.
	 */
	public String agreementText(String roundKey, String templateId, String office, String person) {
		KpiTemplate template = catalog.template(templateId).orElseThrow();
		StringBuilder text = new StringBuilder();
		String head = kpiPeople.head(office).orElse("");
		text.append("บันทึกข้อตกลงการปฏิบัติราชการ รอบ ")
			.append(SafeText.markdown(roundKey))
			.append("\nระหว่าง ")
			.append(SafeText.markdown(people.displayName(head)))
			.append(" (พัฒนาการอำเภอ) กับ ")
			.append(SafeText.markdown(people.displayName(person)))
			.append(" (พัฒนากร)\n\n");
		for (Map<String, Object> a : agreement(roundKey, person)) {
			Indicator indicator = template.indicator((String) a.get("indicator_id"));
			text.append("- ")
				.append(SafeText.markdown(indicator.id()))
				.append(' ')
				.append(SafeText.markdown(indicator.nameTh()))
				.append(" น้ำหนัก ")
				.append(indicator.weight().stripTrailingZeros().toPlainString())
				.append(" ค่าเป้าหมาย: ")
				.append(SafeText.markdownLine((String) a.get("target_th")));
			if (a.get("responsible_unit") != null) {
				text.append(" หน่วยงานรับผิดชอบ: ").append(SafeText.markdownLine((String) a.get("responsible_unit")));
			}
			text.append('\n');
		}
		return text.toString();
	}

	public List<Map<String, Object>> agreement(String roundKey, String person) {
		return jdbc.queryForList("""
				select indicator_id, target_th, responsible_unit, assigned_by, assigned_at from raingan.kpi_agreement
				where round_key = ? and person_id = ? order by indicator_id""", roundKey, person);
	}

	/**
	 * A party's confirmation of an officer's agreement: only the head (for {@code head})
	 * or the officer themself (for {@code officer}) may confirm; who and when are kept.
	 */
	public void confirm(String roundKey, String office, String person, String party, String user, Object confirmed) {
		List<String> problems = new ArrayList<>();
		String expected = HEAD.equals(party) ? kpiPeople.head(office).orElse(null) : person;
		if (expected == null || !expected.equals(user)) {
			problems.add("ผู้ยืนยันข้อตกลง: ข้อตกลงของ " + people.displayName(person) + " ต้องยืนยันโดย "
					+ (expected == null ? "พัฒนาการอำเภอ" : people.displayName(expected))
					+ " เอง ผู้อื่นยืนยันแทนไม่ได้");
		}
		if (!Boolean.TRUE.equals(confirmed)) {
			problems.add("ยืนยันข้อตกลง: กรุณาทำเครื่องหมายยืนยันบันทึกข้อตกลง");
		}
		if (signedOff(roundKey)) {
			problems.add("รอบ " + roundKey + ": ลงนามผลคะแนนแล้ว");
		}
		if (!problems.isEmpty()) {
			throw new ReportRefused("ยืนยันข้อตกลงไม่ได้:", problems);
		}
		jdbc.update(
				"delete from raingan.kpi_agreement_confirmation where round_key = ? and person_id = ? and party = ?",
				roundKey, person, party);
		jdbc.update(
				"insert into raingan.kpi_agreement_confirmation (round_key, person_id, party, confirmed_by, confirmed_at) values (?, ?, ?, ?, ?)",
				roundKey, person, party, user, new Timestamp(Clock.now().getTime()));
	}

	public List<Map<String, Object>> confirmations(String roundKey, String person) {
		return jdbc.queryForList(
				"select party, confirmed_by, confirmed_at from raingan.kpi_agreement_confirmation where round_key = ? and person_id = ? order by party",
				roundKey, person);
	}

	private List<Indicator> assigned(KpiTemplate template, String roundKey, String person) {
		List<String> ids = agreement(roundKey, person).stream().map(a -> (String) a.get("indicator_id")).toList();
		return template.individual().stream().filter(i -> ids.contains(i.id())).toList();
	}

	/**
	 * The rows an officer fills in: the inputs of the indicators assigned to them, with
	 * what they entered before.
	 */
	public List<Map<String, Object>> entryRows(String roundKey, String templateId, String office, String person) {
		KpiTemplate template = catalog.template(templateId).orElseThrow();
		return entries.rows(roundKey, office, person, assigned(template, roundKey, person), Map.of());
	}

	/**
	 * Checks and keeps an officer's own entries: only by them, only their assigned
	 * indicators, never after sign-off.
	 */
	@Transactional
	public void saveEntries(String roundKey, String templateId, String office, String person, String user,
			List<Map<String, Object>> rows) {
		KpiTemplate template = catalog.template(templateId).orElseThrow();
		List<String> problems = new ArrayList<>();
		if (signedOff(roundKey)) {
			problems.add("รอบ " + roundKey + ": ลงนามผลคะแนนแล้ว บันทึกผลเพิ่มไม่ได้");
		}
		if (!person.equals(user)) {
			problems
				.add("ผู้กรอก: ผลตัวชี้วัดรายบุคคลของ " + people.displayName(person) + " ต้องกรอกโดยเจ้าตัวเท่านั้น");
		}
		if (confirmations(roundKey, person).size() < 2) {
			problems.add("บันทึกข้อตกลง: พัฒนาการอำเภอและพัฒนากรต้องยืนยันข้อตกลงก่อนกรอกผล");
		}
		List<KpiEntries.Entry> checked = entries.check(template, assigned(template, roundKey, person),
				"ไม่ได้มอบหมายให้ท่านในบันทึกข้อตกลง กรอกผลไม่ได้", rows, problems);
		if (!problems.isEmpty()) {
			throw new ReportRefused("บันทึกผลตัวชี้วัดรายบุคคลไม่ได้ กรุณาแก้ไข:", problems);
		}
		entries.save(roundKey, office, person, checked, "entered", user);
		jdbc.update("update raingan.kpi_person_part set status = 'entered' where round_key = ? and person_id = ?",
				roundKey, person);
	}

	/**
	 * The head's decision on an officer's entries: verified, or returned with a reason.
	 * Only the head decides.
	 */
	public boolean decide(String roundKey, String office, String person, String user, Object decision, Object reason) {
		List<String> problems = new ArrayList<>();
		if (!kpiPeople.head(office).map(user::equals).orElse(false)) {
			problems.add("ผู้ตรวจ: เฉพาะพัฒนาการอำเภอของอำเภอนี้ตรวจผลตัวชี้วัดรายบุคคลได้");
		}
		String why = reason == null ? "" : reason.toString().strip();
		if (!"verify".equals(decision) && !"return".equals(decision)) {
			problems.add("ผลการตรวจ: กรุณาเลือก \"ถูกต้อง\" หรือ \"ส่งกลับแก้ไข\"");
		}
		else if ("return".equals(decision) && why.length() < 5) {
			problems.add("เหตุผลที่ส่งกลับ: ต้องระบุให้พัฒนากรทราบว่าต้องแก้ไขอะไร (อย่างน้อย 5 ตัวอักษร)");
		}
		if (!problems.isEmpty()) {
			throw new ReportRefused("บันทึกผลการตรวจไม่ได้:", problems);
		}
		boolean verified = "verify".equals(decision);
		jdbc.update(
				"update raingan.kpi_person_part set status = ?, decided_by = ?, decided_at = ?, return_reason = ? where round_key = ? and person_id = ?",
				verified ? "verified" : "returned", user, new Timestamp(Clock.now().getTime()), verified ? null : why,
				roundKey, person);
		return verified;
	}

	/**
	 * Every person's weighted score on their assigned indicators, for the round (or one
	 * office).
	 */
	public List<KpiRoundService.DistrictScore> scores(String roundKey, String templateId, String office) {
		KpiTemplate template = catalog.template(templateId).orElseThrow();
		List<KpiRoundService.DistrictScore> scores = new ArrayList<>();
		List<Map<String, Object>> parts = office == null ? jdbc.queryForList(
				"select office_code, person_id from raingan.kpi_person_part where round_key = ? order by office_code, person_id",
				roundKey)
				: jdbc.queryForList(
						"select office_code, person_id from raingan.kpi_person_part where round_key = ? and office_code = ? order by person_id",
						roundKey, office);
		for (Map<String, Object> part : parts) {
			String person = (String) part.get("person_id");
			scores.add(KpiRoundService.score(assigned(template, roundKey, person), person,
					entries.measurements(roundKey, (String) part.get("office_code"), person)));
		}
		return scores;
	}

	public String officeOf(String roundKey, String person) {
		return jdbc
			.queryForList("select office_code from raingan.kpi_person_part where round_key = ? and person_id = ?",
					String.class, roundKey, person)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/**
	 * At sign-off: one insert-only row per person beside the district's team snapshot.
	 */
	public void snapshot(String roundKey, String templateId, int version, String user, Timestamp at) {
		for (KpiRoundService.DistrictScore score : scores(roundKey, templateId, null)) {
			String person = score.officeCode();
			String office = officeOf(roundKey, person);
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("template", templateId);
			detail.put("agreement", agreement(roundKey, person));
			detail.put("confirmations", confirmations(roundKey, person));
			detail.put("inputs", entries.stored(roundKey, office, person));
			detail.put("levels", score.levels());
			detail.put("toNextLevel", score.toNextLevel());
			jdbc.update(
					"""
							insert into raingan.kpi_person_snapshot (round_key, version, office_code, person_id, score, percent, detail_json, taken_by, taken_at)
							values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					roundKey, version, office, person, score.score(), score.percent(), write(detail), user, at);
		}
	}

	/** The scorecard lines of a district's people, for the manager's sign-off. */
	public String scorecardText(String roundKey, String templateId) {
		StringBuilder text = new StringBuilder();
		for (KpiRoundService.DistrictScore score : scores(roundKey, templateId, null)) {
			text.append("  ")
				.append(SafeText.markdown(people.displayName(score.officeCode())))
				.append(" (")
				.append(score.officeCode())
				.append("): คะแนน ")
				.append(score.score().toPlainString())
				.append(" จาก 5 (ร้อยละ ")
				.append(score.percent().toPlainString())
				.append(") ระดับ ")
				.append(score.levels())
				.append('\n');
		}
		return text.toString();
	}

	/**
	 * The agreement as the letter attaches it (บันทึกข้อตกลงการปฏิบัติราชการ), as XHTML
	 * for the Thai PDF printer: the parties, each indicator with its weight, target and
	 * responsible unit, and who confirmed it when.
	 */
	public String agreementXhtml(String roundKey, String templateId, String office, String person) {
		KpiTemplate template = catalog.template(templateId).orElseThrow();
		String head = kpiPeople.head(office).orElse("");
		StringBuilder b = new StringBuilder();
		b.append("<html><head><style>body { font-family: '")
			.append(th.raingan.myreports.ThaiPdf.FONT)
			.append("'; font-size: 15pt; } h2 { text-align: center; font-size: 18pt; } table { width: 100%; border-collapse: collapse; }")
			.append(" td, th { border: 1px solid #444; padding: 4px; vertical-align: top; } th { font-weight: 700; }")
			.append(" .n { text-align: right; } .sign { border: none; width: 50%; text-align: center; padding-top: 30px; }</style></head><body>");
		b.append("<h2>บันทึกข้อตกลงการปฏิบัติราชการ</h2>");
		b.append("<p>รอบการประเมิน ")
			.append(e(roundKey))
			.append(" แม่แบบ ")
			.append(e(template.nameTh()))
			.append("</p>");
		b.append("<p>ระหว่าง ")
			.append(e(people.displayName(head)))
			.append(" ตำแหน่ง พัฒนาการอำเภอ กับ ")
			.append(e(people.displayName(person)))
			.append(" ตำแหน่ง พัฒนากร (")
			.append(e(person))
			.append(")</p>");
		b.append(
				"<table><thead><tr><th>ตัวชี้วัด</th><th class=\"n\">น้ำหนัก (ร้อยละ)</th><th>ค่าเป้าหมาย</th><th>หน่วยงานรับผิดชอบ</th></tr></thead><tbody>");
		for (Map<String, Object> a : agreement(roundKey, person)) {
			Indicator indicator = template.indicator((String) a.get("indicator_id"));
			b.append("<tr><td>")
				.append(e(indicator.id() + " " + indicator.nameTh()))
				.append("</td><td class=\"n\">")
				.append(indicator.weight().stripTrailingZeros().toPlainString())
				.append("</td><td>")
				.append(e((String) a.get("target_th")))
				.append("</td><td>")
				.append(e(a.get("responsible_unit") == null ? "" : a.get("responsible_unit").toString()))
				.append("</td></tr>");
		}
		b.append("</tbody></table><table><tr>");
		Map<String, Map<String, Object>> byParty = new LinkedHashMap<>();
		confirmations(roundKey, person).forEach(c -> byParty.put((String) c.get("party"), c));
		for (String[] party : new String[][] { { OFFICER, person, "พัฒนากร (ผู้รับการประเมิน)" },
				{ HEAD, head, "พัฒนาการอำเภอ (ผู้ประเมิน)" } }) {
			Map<String, Object> c = byParty.get(party[0]);
			b.append("<td class=\"sign\"><p>(")
				.append(e(people.displayName(party[1])))
				.append(")</p><p>")
				.append(party[2])
				.append("</p><p>")
				.append(c == null ? "ยังไม่ได้ยืนยัน"
						: "ยืนยันในระบบเมื่อ " + th.raingan.thai.BuddhistDates
							.formatLong(((java.sql.Timestamp) c.get("confirmed_at")).toLocalDateTime().toLocalDate()))
				.append("</p></td>");
		}
		b.append("</tr></table></body></html>");
		return b.toString();
	}

	private static String e(String text) {
		return SafeText.html(text);
	}

	private boolean signedOff(String roundKey) {
		return "signed_off".equals(
				jdbc.queryForList("select status from raingan.kpi_round where round_key = ?", String.class, roundKey)
					.stream()
					.findFirst()
					.orElse(null));
	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
