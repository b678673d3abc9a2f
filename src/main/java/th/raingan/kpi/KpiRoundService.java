package th.raingan.kpi;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import th.raingan.org.Officers;
import th.raingan.report.ReportRefused;
import th.raingan.round.RoundService;
import th.raingan.thai.Clock;
import th.raingan.thai.ThaiNumbers;

/**
 * Closing a province's KPI round: the round is frozen (no more report submissions), the
 * computed indicators are taken from the records, each district enters the others with
 * evidence, the scores are computed, and the manager's sign-off keeps a snapshot that is
 * never changed.
 */
@Service
public class KpiRoundService {

	/** One district's score: the levels per indicator, the weighted score and percent. */
	public record DistrictScore(String officeCode, Map<String, Integer> levels, BigDecimal score, BigDecimal percent,
			Map<String, String> toNextLevel) {

	}

	private final JdbcTemplate jdbc;

	private final KpiCatalog catalog;

	private final ComputedIndicators computed;

	private final Officers officers;

	private final KpiEntries entries;

	private final KpiPeople people;

	private final KpiAgreements agreements;

	private final ObjectMapper json = new ObjectMapper();

	KpiRoundService(JdbcTemplate jdbc, KpiCatalog catalog, ComputedIndicators computed, Officers officers,
			KpiEntries entries, KpiPeople people, KpiAgreements agreements) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.computed = computed;
		this.officers = officers;
		this.entries = entries;
		this.people = people;
		this.agreements = agreements;
	}

	/**
	 * Freezes the round and takes the computed indicators; returns the districts that
	 * report in it. Started by a province manager (their province), or by the reporting
	 * round when it ends ({@code roundProvince}).
	 */
	public List<String> freeze(String initiator, String roundProvince, Object fiscalYear, Object roundNo,
			String templateId) {
		List<String> problems = new ArrayList<>();
		String province = initiator == null ? roundProvince : officers.provinceManagedBy(initiator).orElse(null);
		if (province == null) {
			problems.add("ผู้ปิดรอบ: เฉพาะพัฒนาการจังหวัดปิดรอบการประเมินได้");
		}
		ThaiNumbers.Parsed year = ThaiNumbers.parse(fiscalYear);
		String round = roundNo == null ? "" : roundNo.toString().strip();
		if (!year.isValid() || year.value().scale() > 0) {
			problems.add("ปีงบประมาณ: ต้องเป็นปี พ.ศ. เช่น 2570");
		}
		if (!round.equals("1") && !round.equals("2")) {
			problems.add("รอบการประเมิน: ต้องเป็นรอบที่ 1 หรือ 2");
		}
		KpiTemplate template = catalog.template(templateId == null ? "" : templateId).orElse(null);
		if (template == null) {
			problems.add("แม่แบบตัวชี้วัด: ไม่พบแม่แบบ \"" + templateId + "\"");
		}
		else {
			catalog.problems(templateId).forEach(p -> problems.add("แม่แบบตัวชี้วัด: " + p));
			if (year.isValid() && (round.equals("1") || round.equals("2"))) {
				String refusal = template.refusal(year.value().intValue(), Integer.parseInt(round), province);
				if (refusal != null) {
					problems.add("แม่แบบตัวชี้วัด: " + refusal);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new ReportRefused("ปิดรอบการประเมินไม่ได้:", problems);
		}
		String roundKey = RoundService.roundKey(year.value().intValue(), Integer.parseInt(round), province);
		List<String> offices = jdbc.queryForList(
				"select distinct office_code from raingan.report where round_key = ? order by office_code",
				String.class, roundKey);
		if (offices.isEmpty()) {
			throw new ReportRefused("ปิดรอบการประเมินไม่ได้:",
					List.of("รอบการประเมิน: ยังไม่มีรายงานของรอบ " + roundKey));
		}
		if (jdbc.queryForObject("select count(*) from raingan.kpi_round where round_key = ?", Integer.class,
				roundKey) > 0) {
			throw new ReportRefused("ปิดรอบการประเมินไม่ได้:",
					List.of("รอบการประเมิน: รอบ " + roundKey + " ปิดไปแล้ว"));
		}
		jdbc.update(
				"""
						insert into raingan.kpi_round (round_key, fiscal_year_be, round_no, province_code, template_id, status, frozen_at)
						values (?, ?, ?, ?, ?, 'collecting', ?)""",
				roundKey, year.value().intValue(), Integer.parseInt(round), province, templateId,
				new Timestamp(Clock.now().getTime()));
		for (String office : offices) {
			jdbc.update("insert into raingan.kpi_round_office (round_key, office_code) values (?, ?)", roundKey,
					office);
		}
		Timestamp now = new Timestamp(Clock.now().getTime());
		for (String office : offices) {
			for (Indicator indicator : template.team()) {
				for (Input input : indicator.inputs()) {
					if (input.computed()) {
						entries.save(roundKey, office, KpiEntries.TEAM, indicator.id(), input.id(),
								computed.measure(input.measure(), roundKey, office), null, null, "computed", null, now);
					}
				}
			}
		}
		return offices;
	}

	/**
	 * What a district has to enter: one row per input of its team indicators the system
	 * does not compute, with what it entered before when the round was reopened; the
	 * staff count comes from the district's person accounts.
	 */
	public List<Map<String, Object>> entries(String roundKey, String templateId, String office) {
		KpiTemplate template = catalog.template(templateId).orElseThrow();
		Map<String, Object> defaults = new LinkedHashMap<>();
		int staff = people.staff(office);
		if (staff > 0) {
			defaults.put("staff", String.valueOf(staff));
		}
		return entries.rows(roundKey, office, KpiEntries.TEAM, template.team(), defaults);
	}

	/**
	 * Checks and keeps what the district entered; every problem names the indicator and
	 * the field; nothing partial.
	 */
	public void saveEntries(String roundKey, String office, String templateId, List<Map<String, Object>> rows) {
		saveEntries(roundKey, office, templateId, rows, null);
	}

	public void saveEntries(String roundKey, String office, String templateId, List<Map<String, Object>> rows,
			String user) {
		KpiTemplate template = catalog.template(templateId).orElseThrow();
		List<String> problems = new ArrayList<>();
		if ("signed_off".equals(status(roundKey))) {
			problems.add("รอบ " + roundKey + ": ลงนามผลคะแนนแล้ว แก้ไขผลไม่ได้ (ต้องให้พัฒนาการจังหวัดเปิดรอบใหม่)");
		}
		List<KpiEntries.Entry> checked = entries.check(template, template.team(),
				"เป็นตัวชี้วัดรายบุคคล ผู้รับผิดชอบกรอกในงานของตนเอง", rows, problems);
		if (!problems.isEmpty()) {
			throw new ReportRefused("บันทึกผลตัวชี้วัดไม่ได้ กรุณาแก้ไข:", problems);
		}
		entries.save(roundKey, office, KpiEntries.TEAM, checked, "entered", user);
	}

	public List<DistrictScore> scores(String roundKey, String templateId) {
		KpiTemplate template = catalog.template(templateId).orElseThrow();
		List<DistrictScore> scores = new ArrayList<>();
		for (String office : jdbc.queryForList(
				"select distinct office_code from raingan.kpi_input where round_key = ? and person_id = '' order by office_code",
				String.class, roundKey)) {
			scores.add(score(template.team(), office, entries.measurements(roundKey, office, KpiEntries.TEAM)));
		}
		return scores;
	}

	/** One office's or person's weighted score over these indicators. */
	static DistrictScore score(List<Indicator> indicators, String who, Map<String, Measurement> measured) {
		Map<Indicator, Integer> levels = new LinkedHashMap<>();
		Map<String, Integer> byId = new LinkedHashMap<>();
		Map<String, String> next = new LinkedHashMap<>();
		for (Indicator indicator : indicators) {
			Measurement m = measured.getOrDefault(indicator.id(), Measurement.empty());
			int level = Scoring.level(indicator, m);
			levels.put(indicator, level);
			byId.put(indicator.id(), level);
			String toNext = Scoring.toNextLevel(indicator, m);
			if (toNext != null) {
				next.put(indicator.id(), toNext);
			}
		}
		BigDecimal score = Scoring.weightedScore(levels);
		return new DistrictScore(who, byId, score, Scoring.percent(score), next);
	}

	/**
	 * The manager's sign-off: an immutable snapshot of every input and score, version
	 * after version.
	 */
	public int signOff(String roundKey, String templateId, String user) {
		int version = jdbc.queryForObject(
				"select coalesce(max(version), 0) + 1 from raingan.kpi_snapshot where round_key = ?", Integer.class,
				roundKey);
		Timestamp now = new Timestamp(Clock.now().getTime());
		for (DistrictScore score : scores(roundKey, templateId)) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("template", templateId);
			detail.put("inputs", entries.stored(roundKey, score.officeCode(), KpiEntries.TEAM));
			detail.put("levels", score.levels());
			detail.put("toNextLevel", score.toNextLevel());
			jdbc.update(
					"""
							insert into raingan.kpi_snapshot (round_key, version, office_code, score, percent, detail_json, taken_by, taken_at)
							values (?, ?, ?, ?, ?, ?, ?, ?)""",
					roundKey, version, score.officeCode(), score.score(), score.percent(), write(detail), user, now);
		}
		agreements.snapshot(roundKey, templateId, version, user, now);
		jdbc.update(
				"update raingan.kpi_round set status = 'signed_off', signed_off_by = ?, signed_off_at = ? where round_key = ?",
				user, now, roundKey);
		return version;
	}

	/**
	 * The scorecard, and after a reopening what changed since the last signed-off
	 * snapshot.
	 */
	public String scorecardText(String roundKey, String templateId) {
		Map<String, Map<String, Object>> last = new LinkedHashMap<>();
		jdbc.queryForList("""
				select office_code, score, detail_json from raingan.kpi_snapshot where round_key = ?
				and version = (select max(version) from raingan.kpi_snapshot where round_key = ?)""", roundKey,
				roundKey)
			.forEach(row -> last.put((String) row.get("office_code"), row));
		StringBuilder text = new StringBuilder();
		for (DistrictScore score : scores(roundKey, templateId)) {
			text.append(score.officeCode())
				.append(": คะแนน ")
				.append(score.score().toPlainString())
				.append(" จาก 5 (ร้อยละ ")
				.append(score.percent().toPlainString())
				.append(") ระดับรายตัวชี้วัด ")
				.append(score.levels());
			Map<String, Object> before = last.get(score.officeCode());
			if (before != null) {
				BigDecimal previous = (BigDecimal) before.get("score");
				text.append(previous.compareTo(score.score()) == 0 ? " (ไม่เปลี่ยนจากที่ลงนามครั้งก่อน)"
						: " (เปลี่ยนจาก " + previous.toPlainString() + " ที่ลงนามครั้งก่อน; ระดับเดิม "
								+ levelsOf(before.get("detail_json").toString()) + ")");
			}
			text.append('\n');
			if (!score.toNextLevel().isEmpty()) {
				text.append("  ระดับถัดไป: ")
					.append(String.join(" | ",
							score.toNextLevel().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()))
					.append('\n');
			}
		}
		String individual = agreements.scorecardText(roundKey, templateId);
		if (!individual.isEmpty()) {
			text.append("\nตัวชี้วัดรายบุคคล\n").append(individual);
		}
		return text.toString();
	}

	/**
	 * Back to collecting: the districts correct, the province verifies, the manager signs
	 * a new version.
	 */
	public void reopen(String roundKey) {
		jdbc.update("update raingan.kpi_round set status = 'collecting' where round_key = ?", roundKey);
	}

	public String status(String roundKey) {
		return jdbc.queryForList("select status from raingan.kpi_round where round_key = ?", String.class, roundKey)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** The round's template, from its row. */
	public String templateOf(String roundKey) {
		return jdbc
			.queryForList("select template_id from raingan.kpi_round where round_key = ?", String.class, roundKey)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/**
	 * The offices the round closes, as frozen ({@code raingan.kpi_round_office}): one
	 * district part each, whatever a variable says.
	 */
	public List<String> offices(String roundKey) {
		return jdbc.queryForList(
				"select office_code from raingan.kpi_round_office where round_key = ? order by office_code",
				String.class, roundKey);
	}

	public String provinceOf(String roundKey) {
		return jdbc
			.queryForList("select province_code from raingan.kpi_round where round_key = ?", String.class, roundKey)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private String levelsOf(String detailJson) {
		try {
			return String.valueOf(json.readValue(detailJson, Map.class).get("levels"));
		}
		catch (JsonProcessingException ex) {
			return "?";
		}
	}

	public String computedText(String roundKey, String office) {
		StringBuilder text = new StringBuilder();
		jdbc.query(
				"select indicator_id, value_number from raingan.kpi_input where round_key = ? and office_code = ? and person_id = '' and source = 'computed' order by indicator_id, input_id",
				rs -> {
					text.append(rs.getString(1))
						.append(": ร้อยละ ")
						.append(rs.getBigDecimal(2).stripTrailingZeros().toPlainString())
						.append(" (ระบบคำนวณจากรายงาน)\n");
				}, roundKey, office);
		return text.toString();
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
