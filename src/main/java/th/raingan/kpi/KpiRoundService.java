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
 * Closing a province's KPI round: the round is frozen (no more report submissions), the computed indicators are
 * taken from the records, each district enters the others with evidence, the scores are computed, and the
 * manager's sign-off keeps a snapshot that is never changed.
 */
@Service
public class KpiRoundService {

	/** One district's score: the levels per indicator, the weighted score and percent. */
	public record DistrictScore(String officeCode, Map<String, Integer> levels, BigDecimal score, BigDecimal percent) {

	}

	private final JdbcTemplate jdbc;

	private final KpiCatalog catalog;

	private final ComputedIndicators computed;

	private final Officers officers;

	private final ObjectMapper json = new ObjectMapper();

	KpiRoundService(JdbcTemplate jdbc, KpiCatalog catalog, ComputedIndicators computed, Officers officers) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.computed = computed;
		this.officers = officers;
	}

	/**
	 * Freezes the round and takes the computed indicators; returns the districts that report in it. Started by a
	 * province manager (their province), or by the reporting round when it ends ({@code roundProvince}).
	 */
	public List<String> freeze(String initiator, String roundProvince, Object fiscalYear, Object roundNo,
			String templateId) {
		List<String> problems = new ArrayList<>();
		String province = initiator == null ? roundProvince
				: officers.provinceManagedBy(initiator).orElse(null);
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
		}
		if (!problems.isEmpty()) {
			throw new ReportRefused("ปิดรอบการประเมินไม่ได้:", problems);
		}
		String roundKey = RoundService.roundKey(year.value().intValue(), Integer.parseInt(round), province);
		List<String> offices = jdbc.queryForList(
				"select distinct office_code from raingan.report where round_key = ? order by office_code", String.class,
				roundKey);
		if (offices.isEmpty()) {
			throw new ReportRefused("ปิดรอบการประเมินไม่ได้:", List.of("รอบการประเมิน: ยังไม่มีรายงานของรอบ " + roundKey));
		}
		if (jdbc.queryForObject("select count(*) from raingan.kpi_round where round_key = ?", Integer.class, roundKey) > 0) {
			throw new ReportRefused("ปิดรอบการประเมินไม่ได้:", List.of("รอบการประเมิน: รอบ " + roundKey + " ปิดไปแล้ว"));
		}
		jdbc.update("""
				insert into raingan.kpi_round (round_key, fiscal_year_be, round_no, province_code, template_id, status, frozen_at)
				values (?, ?, ?, ?, ?, 'collecting', ?)""", roundKey, year.value().intValue(), Integer.parseInt(round),
				province, templateId, new Timestamp(Clock.now().getTime()));
		for (String office : offices) {
			for (Indicator indicator : template.team()) {
				if (indicator.computed()) {
					save(roundKey, office, indicator.id(), computed.measure(indicator.measure(), roundKey, office), null,
							"computed", "computed");
				}
			}
		}
		return offices;
	}

	/**
	 * What a district has to enter: its template's indicators the system does not compute, with what it entered
	 * before when the round was reopened.
	 */
	public List<Map<String, Object>> entries(String roundKey, String templateId, String office) {
		KpiTemplate template = catalog.template(templateId).orElseThrow();
		Map<String, Map<String, Object>> earlier = new LinkedHashMap<>();
		jdbc.queryForList("select indicator_id, value_number, evidence from raingan.kpi_value where round_key = ? and office_code = ? and source = 'entered'",
				roundKey, office).forEach(row -> earlier.put((String) row.get("indicator_id"), row));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Indicator indicator : template.team()) {
			if (!indicator.computed()) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("indicatorId", indicator.id());
				row.put("name", indicator.id() + " " + indicator.nameTh() + " (น้ำหนัก "
						+ indicator.weight().stripTrailingZeros().toPlainString() + ")");
				row.put("howScored", howScored(indicator));
				Map<String, Object> before = earlier.get(indicator.id());
				row.put("value", before == null ? "" : ((BigDecimal) before.get("value_number")).stripTrailingZeros().toPlainString());
				row.put("evidence", before == null || before.get("evidence") == null ? "" : before.get("evidence"));
				rows.add(row);
			}
		}
		return rows;
	}

	/** Checks and keeps what the district entered; every problem names the indicator and the field. */
	public void saveEntries(String roundKey, String office, String templateId, List<Map<String, Object>> rows) {
		KpiTemplate template = catalog.template(templateId).orElseThrow();
		List<String> problems = new ArrayList<>();
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		Map<String, String> evidence = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			String id = String.valueOf(row.get("indicatorId"));
			Indicator indicator;
			try {
				indicator = template.indicator(id);
			}
			catch (IllegalArgumentException ex) {
				problems.add("ตัวชี้วัด " + id + ": ไม่อยู่ในแม่แบบนี้");
				continue;
			}
			if (indicator.computed()) {
				problems.add("ตัวชี้วัด " + id + ": ระบบคำนวณจากข้อมูลรายงานเอง กรอกแทนไม่ได้");
				continue;
			}
			ThaiNumbers.Parsed value = ThaiNumbers.parse(row.get("value"));
			if (!value.isValid()) {
				problems.add("ตัวชี้วัด " + id + " ผลการดำเนินงาน: " + value.error());
			}
			else if (indicator.kind() == Indicator.Kind.MILESTONE
					&& (value.value().scale() > 0 && value.value().stripTrailingZeros().scale() > 0
							|| value.value().compareTo(BigDecimal.valueOf(5)) > 0)) {
				problems.add("ตัวชี้วัด " + id + " ผลการดำเนินงาน: กรอกจำนวนขั้นที่ทำสำเร็จตามลำดับ 0 ถึง 5");
			}
			String proof = row.get("evidence") == null ? "" : row.get("evidence").toString().strip();
			if (proof.length() < 5) {
				problems.add("ตัวชี้วัด " + id + " หลักฐาน: ต้องระบุหลักฐาน (เช่น เลขที่หนังสือ ชื่อไฟล์แนบ) อย่างน้อย 5 ตัวอักษร");
			}
			values.put(id, value.value());
			evidence.put(id, proof);
		}
		for (Indicator indicator : template.team()) {
			if (!indicator.computed() && !values.containsKey(indicator.id())) {
				problems.add("ตัวชี้วัด " + indicator.id() + ": ยังไม่ได้กรอก");
			}
		}
		if (!problems.isEmpty()) {
			throw new ReportRefused("บันทึกผลตัวชี้วัดไม่ได้ กรุณาแก้ไข:", problems);
		}
		values.forEach((id, value) -> save(roundKey, office, id, value, evidence.get(id), "entered",
				template.indicator(id).kind().name()));
	}

	public List<DistrictScore> scores(String roundKey, String templateId) {
		KpiTemplate template = catalog.template(templateId).orElseThrow();
		Map<String, Map<String, BigDecimal>> byOffice = new LinkedHashMap<>();
		jdbc.query("select office_code, indicator_id, value_number from raingan.kpi_value where round_key = ? order by office_code",
				rs -> {
					byOffice.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
						.put(rs.getString(2), rs.getBigDecimal(3));
				}, roundKey);
		List<DistrictScore> scores = new ArrayList<>();
		byOffice.forEach((office, values) -> {
			Map<Indicator, Integer> levels = new LinkedHashMap<>();
			Map<String, Integer> byId = new LinkedHashMap<>();
			for (Indicator indicator : template.team()) {
				BigDecimal value = values.get(indicator.id());
				Measurement m = indicator.kind() == Indicator.Kind.MILESTONE
						? Measurement.milestones(value == null ? 0 : value.intValue())
						: new Measurement(value, null, null, 0);
				int level = value == null ? 0 : Scoring.level(indicator, m);
				levels.put(indicator, level);
				byId.put(indicator.id(), level);
			}
			BigDecimal score = Scoring.weightedScore(levels);
			scores.add(new DistrictScore(office, byId, score, Scoring.percent(score)));
		});
		return scores;
	}

	/** The manager's sign-off: an immutable snapshot of every input and score, version after version. */
	public int signOff(String roundKey, String templateId, String user) {
		int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from raingan.kpi_snapshot where round_key = ?",
				Integer.class, roundKey);
		Timestamp now = new Timestamp(Clock.now().getTime());
		for (DistrictScore score : scores(roundKey, templateId)) {
			List<Map<String, Object>> inputs = jdbc.queryForList(
					"select indicator_id, value_number, evidence, source from raingan.kpi_value where round_key = ? and office_code = ? order by indicator_id",
					roundKey, score.officeCode());
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("template", templateId);
			detail.put("inputs", inputs);
			detail.put("levels", score.levels());
			jdbc.update("""
					insert into raingan.kpi_snapshot (round_key, version, office_code, score, percent, detail_json, taken_by, taken_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)""", roundKey, version, score.officeCode(), score.score(), score.percent(),
					write(detail), user, now);
		}
		jdbc.update("update raingan.kpi_round set status = 'signed_off', signed_off_by = ?, signed_off_at = ? where round_key = ?",
				user, now, roundKey);
		return version;
	}

	/** The scorecard, and after a reopening what changed since the last signed-off snapshot. */
	public String scorecardText(String roundKey, String templateId) {
		Map<String, Map<String, Object>> last = new LinkedHashMap<>();
		jdbc.queryForList("""
				select office_code, score, detail_json from raingan.kpi_snapshot where round_key = ?
				and version = (select max(version) from raingan.kpi_snapshot where round_key = ?)""", roundKey, roundKey)
			.forEach(row -> last.put((String) row.get("office_code"), row));
		StringBuilder text = new StringBuilder();
		for (DistrictScore score : scores(roundKey, templateId)) {
			text.append(score.officeCode()).append(": คะแนน ").append(score.score().toPlainString()).append(" จาก 5 (ร้อยละ ")
				.append(score.percent().toPlainString()).append(") ระดับรายตัวชี้วัด ").append(score.levels());
			Map<String, Object> before = last.get(score.officeCode());
			if (before != null) {
				BigDecimal previous = (BigDecimal) before.get("score");
				text.append(previous.compareTo(score.score()) == 0 ? " (ไม่เปลี่ยนจากที่ลงนามครั้งก่อน)"
						: " (เปลี่ยนจาก " + previous.toPlainString() + " ที่ลงนามครั้งก่อน; ระดับเดิม "
								+ levelsOf(before.get("detail_json").toString()) + ")");
			}
			text.append('\n');
		}
		return text.toString();
	}

	/** Back to collecting: the districts correct, the province verifies, the manager signs a new version. */
	public void reopen(String roundKey) {
		jdbc.update("update raingan.kpi_round set status = 'collecting' where round_key = ?", roundKey);
	}

	public String status(String roundKey) {
		return jdbc.queryForList("select status from raingan.kpi_round where round_key = ?", String.class, roundKey)
			.stream()
			.findFirst()
			.orElse(null);
	}

	public String provinceOf(String roundKey) {
		return jdbc.queryForList("select province_code from raingan.kpi_round where round_key = ?", String.class, roundKey)
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
		jdbc.query("select indicator_id, value_number from raingan.kpi_value where round_key = ? and office_code = ? and source = 'computed' order by indicator_id",
				rs -> {
					text.append(rs.getString(1)).append(": ร้อยละ ").append(rs.getBigDecimal(2).stripTrailingZeros().toPlainString())
						.append(" (ระบบคำนวณจากรายงาน)\n");
				}, roundKey, office);
		return text.toString();
	}

	private static String howScored(Indicator indicator) {
		return switch (indicator.kind()) {
			case MILESTONE -> "กรอกจำนวนขั้นที่ทำสำเร็จตามลำดับ (0-5)";
			case RANGE -> "กรอกคะแนนที่ได้";
			case THRESHOLD -> "กรอกผล (ร้อยละหรือจำนวน)";
		};
	}

	private void save(String roundKey, String office, String indicatorId, BigDecimal value, String evidence,
			String source, String kind) {
		int updated = jdbc.update("""
				update raingan.kpi_value set value_number = ?, evidence = ?, source = ?
				where round_key = ? and office_code = ? and indicator_id = ?""", value, evidence, source, roundKey, office,
				indicatorId);
		if (updated == 0) {
			jdbc.update("""
					insert into raingan.kpi_value (round_key, office_code, indicator_id, value_number, evidence, source)
					values (?, ?, ?, ?, ?, ?)""", roundKey, office, indicatorId, value, evidence, source);
		}
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
