package th.raingan.kpi;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;
import th.raingan.thai.ThaiNumbers;

/**
 * The inputs of indicators as rows a form shows and sends back (one row per input: a
 * number, a staff count, a yes/no fact, or a step with its day and note), their checks,
 * and their storage in {@code raingan.kpi_input}: the district's team part under person
 * {@code ""}, each person's individual part under their user id.
 */
@Component
class KpiEntries {

	/** The team part of a district, as opposed to one person's. */
	public static final String TEAM = "";

	private static final Set<String> YES = Set.of("1", "true", "มี", "ใช่", "ทำแล้ว");

	private static final Set<String> NO = Set.of("0", "false", "ไม่มี", "ไม่ใช่", "ยังไม่ได้ทำ", "");

	/** One checked row, ready to be kept. */
	public record Entry(String indicatorId, String inputId, BigDecimal value, LocalDate doneOn, String evidence) {

	}

	private final JdbcTemplate jdbc;

	KpiEntries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rows to fill in for these indicators, with what was entered before and defaults
	 * (e.g. the staff count).
	 */
	public List<Map<String, Object>> rows(String roundKey, String office, String person, List<Indicator> indicators,
			Map<String, Object> defaults) {
		Map<String, Map<String, Object>> earlier = new LinkedHashMap<>();
		jdbc.queryForList("""
				select indicator_id, input_id, value_number, done_on, evidence from raingan.kpi_input
				where round_key = ? and office_code = ? and person_id = ?""", roundKey, office, person)
			.forEach(row -> earlier.put(row.get("indicator_id") + "/" + row.get("input_id"), row));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Indicator indicator : indicators) {
			for (Input input : indicator.inputs()) {
				if (input.computed()) {
					continue;
				}
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("indicatorId", indicator.id());
				row.put("inputId", input.id());
				row.put("name", indicator.id() + " " + indicator.nameTh() + " (น้ำหนัก "
						+ indicator.weight().stripTrailingZeros().toPlainString() + ")");
				row.put("field", input.labelTh());
				row.put("howScored", howToFill(input));
				Map<String, Object> before = earlier.get(indicator.id() + "/" + input.id());
				Object value = before == null || before.get("value_number") == null ? defaults.get(input.id())
						: ((BigDecimal) before.get("value_number")).stripTrailingZeros().toPlainString();
				row.put("value", value == null ? "" : value.toString());
				row.put("doneOn", before == null || before.get("done_on") == null ? ""
						: BuddhistDates.format(((java.sql.Date) before.get("done_on")).toLocalDate()));
				row.put("evidence", before == null || before.get("evidence") == null ? "" : before.get("evidence"));
				rows.add(row);
			}
		}
		return rows;
	}

	/** What a district or officer types in a row of its entries: nothing else is read. */
	static final List<String> TYPED = List.of("value", "doneOn", "evidence");

	/**
	 * The server's own rows with only the typed fields taken from what was sent, row by
	 * row in the server's order (a Tasklist form sends a dynamic list's rows in the order
	 * it was given them, with their keyed fields only): which indicator and input a row
	 * is, and its read-only texts, are the server's, never the sender's. A list of
	 * another length is refused.
	 */
	static List<Map<String, Object>> byPosition(List<Map<String, Object>> server, List<Map<String, Object>> sent,
			List<String> typed, String label) {
		if (sent.size() != server.size()) {
			throw new th.raingan.report.ReportRefused("บันทึกไม่ได้:", List.of(label + ": ส่งมา " + sent.size()
					+ " แถว แต่รายการของระบบมี " + server.size() + " แถว ระบบไม่รับแถวที่เพิ่มหรือลบจากภายนอก"));
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < server.size(); i++) {
			Map<String, Object> row = new LinkedHashMap<>(server.get(i));
			for (String field : typed) {
				row.put(field, sent.get(i).get(field));
			}
			rows.add(row);
		}
		return rows;
	}

	/**
	 * Checks rows against the indicators they may fill in; every problem names the
	 * indicator and the field. The rows of an indicator outside {@code allowed} are
	 * refused with {@code notAllowed}.
	 */
	public List<Entry> check(KpiTemplate template, List<Indicator> allowed, String notAllowed,
			List<Map<String, Object>> rows, List<String> problems) {
		List<Entry> entries = new ArrayList<>();
		Map<String, Map<String, Map<String, Object>>> byIndicator = new LinkedHashMap<>();
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
			if (allowed.stream().noneMatch(i -> i.id().equals(id))) {
				problems.add("ตัวชี้วัด " + id + ": " + notAllowed);
				continue;
			}
			String inputId = row.get("inputId") == null ? indicator.inputs().get(0).id()
					: row.get("inputId").toString();
			Input input = indicator.input(inputId);
			if (input == null) {
				problems.add("ตัวชี้วัด " + id + ": ไม่มีช่อง \"" + inputId + "\"");
				continue;
			}
			if (input.computed()) {
				problems.add("ตัวชี้วัด " + id + " " + field(indicator, input)
						+ ": ระบบคำนวณจากข้อมูลรายงานเอง กรอกแทนไม่ได้");
				continue;
			}
			byIndicator.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(inputId, row);
		}
		for (Indicator indicator : allowed) {
			if (indicator.computed()) {
				continue;
			}
			Map<String, Map<String, Object>> given = byIndicator.get(indicator.id());
			if (given == null) {
				problems.add("ตัวชี้วัด " + indicator.id() + ": ยังไม่ได้กรอก");
				continue;
			}
			entries.addAll(checkIndicator(indicator, given, problems));
		}
		return entries;
	}

	private List<Entry> checkIndicator(Indicator indicator, Map<String, Map<String, Object>> given,
			List<String> problems) {
		String id = indicator.id();
		List<Entry> entries = new ArrayList<>();
		Measurement m = Measurement.empty();
		boolean previousStepDone = true;
		for (Input input : indicator.inputs()) {
			if (input.computed()) {
				continue;
			}
			Map<String, Object> row = given.getOrDefault(input.id(), Map.of());
			String where = "ตัวชี้วัด " + id + " " + field(indicator, input) + ": ";
			String proofWhere = "ตัวชี้วัด " + id
					+ ("ผลการดำเนินงาน".equals(field(indicator, input)) ? "" : " " + input.labelTh()) + " หลักฐาน: ";
			String raw = row.get("value") == null ? "" : row.get("value").toString().strip();
			String proof = row.get("evidence") == null ? "" : row.get("evidence").toString().strip();
			switch (input.type()) {
				case STEP -> {
					boolean done = YES.contains(raw.toLowerCase(java.util.Locale.ROOT))
							|| Boolean.TRUE.equals(row.get("done"));
					if (!done && !NO.contains(raw.toLowerCase(java.util.Locale.ROOT))) {
						problems.add(where + "กรอก 1 เมื่อทำขั้นนี้แล้ว หรือเว้นว่าง/0 เมื่อยังไม่ได้ทำ");
					}
					LocalDate on = null;
					if (done) {
						if ("milestone".equals(indicator.kind()) && !previousStepDone) {
							problems.add(where + "ทำขั้นก่อนหน้าให้เสร็จก่อน (ต้องทำตามลำดับขั้น)");
						}
						BuddhistDates.Parsed date = BuddhistDates.parse(row.get("doneOn"));
						if (row.get("doneOn") == null || row.get("doneOn").toString().isBlank()) {
							problems.add("ตัวชี้วัด " + id + " " + input.labelTh()
									+ " วันที่ทำเสร็จ: ต้องระบุ (วว/ดด/ปปปป พ.ศ.)");
						}
						else if (!date.isValid()) {
							problems.add("ตัวชี้วัด " + id + " " + input.labelTh() + " วันที่ทำเสร็จ: " + date.error());
						}
						else {
							on = date.value();
						}
						if (proof.length() < 5) {
							problems.add(proofWhere
									+ "ต้องระบุหลักฐานของขั้นนี้ (เช่น เลขที่หนังสือ ชื่อไฟล์แนบ) อย่างน้อย 5 ตัวอักษร");
						}
						m = m.done(input.id(), on);
					}
					previousStepDone = done;
					entries.add(new Entry(id, input.id(), done ? BigDecimal.ONE : BigDecimal.ZERO, on, proof));
				}
				case YES_NO -> {
					String v = raw.toLowerCase(java.util.Locale.ROOT);
					if (!YES.contains(v) && !(NO.contains(v) && !v.isEmpty())) {
						problems.add(where + "กรอก 1 (มี) หรือ 0 (ไม่มี)");
						continue;
					}
					BigDecimal value = YES.contains(v) ? BigDecimal.ONE : BigDecimal.ZERO;
					m = m.and(input.id(), value);
					entries.add(new Entry(id, input.id(), value, null, proof));
				}
				case STAFF, NUMBER -> {
					if (raw.isEmpty()) {
						entries.add(new Entry(id, input.id(), null, null, proof));
						continue;
					}
					if (input.type() == Input.Type.NUMBER && proof.length() < 5) {
						problems
							.add(proofWhere + "ต้องระบุหลักฐาน (เช่น เลขที่หนังสือ ชื่อไฟล์แนบ) อย่างน้อย 5 ตัวอักษร");
					}
					ThaiNumbers.Parsed parsed = ThaiNumbers.parse(raw);
					if (!parsed.isValid()) {
						problems.add(where + parsed.error());
						continue;
					}
					BigDecimal value = parsed.value();
					if (input.type() == Input.Type.STAFF) {
						if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.ONE) < 0
								|| value.compareTo(BigDecimal.valueOf(100)) > 0) {
							problems.add(where + "ต้องเป็นจำนวนคนเต็ม 1 ถึง 100 (ได้รับ " + raw + ")");
							continue;
						}
					}
					else {
						if (input.min() != null && value.compareTo(input.min()) < 0
								|| input.max() != null && value.compareTo(input.max()) > 0) {
							problems.add(where + "ต้องอยู่ระหว่าง " + plain(input.min()) + " ถึง "
									+ (input.max() == null ? "ไม่จำกัด" : plain(input.max())) + " (ได้รับ " + raw
									+ ")");
							continue;
						}
					}
					m = m.and(input.id(), value);
					entries.add(new Entry(id, input.id(), value, null, proof));
				}
			}
		}
		// a number the applicable level table asks for must be given
		LevelTable table = indicator.table(m);
		if (table != null) {
			for (List<Condition> level : table.levels()) {
				for (Condition c : level) {
					Input input = indicator.input(c.input());
					if (input != null && !input.computed() && !c.isStep() && m.value(c.input()) == null
							&& entries.stream().anyMatch(e -> e.inputId().equals(c.input()) && e.value() == null)
							&& problems.stream()
								.noneMatch(
										p -> p.startsWith("ตัวชี้วัด " + id + " " + field(indicator, input) + ":"))) {
						problems.add("ตัวชี้วัด " + id + " " + field(indicator, input) + ": ยังไม่ได้กรอก");
					}
				}
			}
		}
		return entries;
	}

	/**
	 * The field a message names: the input's label, or "ผลการดำเนินงาน" for a one-number
	 * indicator.
	 */
	static String field(Indicator indicator, Input input) {
		return indicator.inputs().size() == 1 && Measurement.VALUE.equals(input.id()) ? "ผลการดำเนินงาน"
				: input.labelTh();
	}

	public void save(String roundKey, String office, String person, List<Entry> entries, String source, String user) {
		Timestamp now = new Timestamp(Clock.now().getTime());
		for (Entry e : entries) {
			save(roundKey, office, person, e.indicatorId(), e.inputId(), e.value(), e.doneOn(), e.evidence(), source,
					user, now);
		}
	}

	public void save(String roundKey, String office, String person, String indicatorId, String inputId,
			BigDecimal value, LocalDate doneOn, String evidence, String source, String user, Timestamp at) {
		java.sql.Date day = doneOn == null ? null : java.sql.Date.valueOf(doneOn);
		int updated = jdbc
			.update("""
					update raingan.kpi_input set value_number = ?, done_on = ?, evidence = ?, source = ?, entered_by = ?, entered_at = ?
					where round_key = ? and office_code = ? and person_id = ? and indicator_id = ? and input_id = ?""",
					value, day, evidence, source, user, at, roundKey, office, person, indicatorId, inputId);
		if (updated == 0) {
			jdbc.update(
					"""
							insert into raingan.kpi_input (round_key, office_code, person_id, indicator_id, input_id, value_number,
							done_on, evidence, source, entered_by, entered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					roundKey, office, person, indicatorId, inputId, value, day, evidence, source, user, at);
		}
	}

	/**
	 * What was kept for one office's (or person's) indicators, as measurements by
	 * indicator id.
	 */
	public Map<String, Measurement> measurements(String roundKey, String office, String person) {
		Map<String, Measurement> byIndicator = new LinkedHashMap<>();
		jdbc.query("""
				select indicator_id, input_id, value_number, done_on from raingan.kpi_input
				where round_key = ? and office_code = ? and person_id = ? order by indicator_id, input_id""", rs -> {
			String indicator = rs.getString(1);
			Measurement m = byIndicator.getOrDefault(indicator, Measurement.empty());
			BigDecimal value = rs.getBigDecimal(3);
			java.sql.Date on = rs.getDate(4);
			m = on != null && value != null && value.signum() > 0 ? m.done(rs.getString(2), on.toLocalDate())
					: m.and(rs.getString(2), value);
			byIndicator.put(indicator, m);
		}, roundKey, office, person);
		return byIndicator;
	}

	public List<Map<String, Object>> stored(String roundKey, String office, String person) {
		return jdbc.queryForList(
				"""
						select indicator_id, input_id, value_number, done_on, evidence, source, entered_by from raingan.kpi_input
						where round_key = ? and office_code = ? and person_id = ? order by indicator_id, input_id""",
				roundKey, office, person);
	}

	private static String howToFill(Input input) {
		return switch (input.type()) {
			case STEP -> "กรอก 1 เมื่อทำขั้นนี้แล้ว พร้อมวันที่ทำเสร็จ (พ.ศ.) และหลักฐาน (แนบไฟล์ในแท็บ ไฟล์แนบ)";
			case YES_NO -> "กรอก 1 (มี) หรือ 0 (ไม่มี)";
			case STAFF -> "จำนวนบุคลากรของอำเภอ 1-100 คน (ระบบนับจากบัญชีบุคลากรของอำเภอ แก้ได้ถ้าจำนวนจริงต่างไป)";
			case NUMBER ->
				"กรอกตัวเลข" + (input.max() == null ? "" : " ไม่เกิน " + plain(input.max())) + " พร้อมหลักฐาน";
		};
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

}
