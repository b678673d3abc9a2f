package th.raingan.dashboard;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.raingan.budget.BudgetLine;
import th.raingan.report.ReportRefused;
import th.raingan.thai.Clock;
import th.raingan.thai.ThaiNumbers;

/**
 * The nation's budget by level, as the Sa Kaeo manual's table splits each source: central
 * (ส่วนกลาง), province (จังหวัด) and training centre (ศูนย์ศึกษา), with the national
 * total per source and for B1+B2. The province level is the sum of every province's
 * assignments (allocation, plan, and what the latest approved reports say was spent), as
 * in the provinces' own budget tables; central and training-centre figures are recorded
 * per fiscal year and source in {@code raingan.budget_level} from the department's
 * figures ({@link #record}).
 */
@Service
public class NationalBudget {

	public static final List<String> LEVELS = List.of("central", "province", "training_centre");

	public static final Map<String, String> LEVEL_TH = Map.of("central", "ส่วนกลาง", "province", "จังหวัด",
			"training_centre", "ศูนย์ศึกษา");

	/**
	 * One source's row: per level (in {@link #LEVELS}' order) its line, and the national
	 * total.
	 */
	public record SourceRow(String source, String nameTh, Map<String, BudgetLine> byLevel, BudgetLine total) {

	}

	/**
	 * The table: the sources B1-B7, then B1+B2; whether central and training-centre
	 * figures were recorded.
	 */
	public record ByLevel(int fiscalYear, List<SourceRow> sources, SourceRow b1b2, boolean recorded,
			String recordedTh) {

	}

	private final JdbcTemplate jdbc;

	private final th.raingan.org.People people;

	private final Map<String, String> sourceNames = new LinkedHashMap<>();

	NationalBudget(JdbcTemplate jdbc, th.raingan.org.People people) throws IOException {
		this.jdbc = jdbc;
		this.people = people;
		try (var reader = new java.io.InputStreamReader(
				new org.springframework.core.io.ClassPathResource("org/budget-sources.csv").getInputStream(),
				java.nio.charset.StandardCharsets.UTF_8)) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				sourceNames.put(row.get("code"), row.get("name_th"));
			}
		}
	}

	public ByLevel of(int fiscalYear) {
		Map<String, Map<String, BudgetLine>> bySource = new LinkedHashMap<>();
		jdbc.query("""
				select p.budget_source,
				       coalesce(sum(a.allocation_baht), 0) allocation,
				       coalesce(sum(coalesce(a.plan_baht, a.allocation_baht)), 0) plan,
				       coalesce(sum(spent.spent_baht), 0) result
				from raingan.assignment a
				join raingan.project p on p.id = a.project_id
				left join (
				  select v.assignment_id, v.spent_baht from raingan.report_version v
				  where v.status = 'approved' and v.submitted_at = (
				    select max(w.submitted_at) from raingan.report_version w
				    where w.assignment_id = v.assignment_id and w.status = 'approved')
				) spent on spent.assignment_id = a.id
				where p.fiscal_year_be = ? and a.withdrawn_at is null
				group by p.budget_source""", rs -> {
			String source = rs.getString("budget_source");
			bySource.computeIfAbsent(source, k -> new LinkedHashMap<>())
				.put("province", line(source, rs.getBigDecimal("allocation"), rs.getBigDecimal("plan"),
						rs.getBigDecimal("result")));
		}, fiscalYear);
		String[] recorded = { null };
		Timestamp[] latest = { null };
		jdbc.query("""
				select level, budget_source, allocation_baht, plan_baht, result_baht, recorded_by, recorded_at
				from raingan.budget_level where fiscal_year_be = ?""", rs -> {
			String source = rs.getString("budget_source");
			BigDecimal plan = rs.getBigDecimal("plan_baht");
			bySource.computeIfAbsent(source, k -> new LinkedHashMap<>())
				.put(rs.getString("level"), line(source, rs.getBigDecimal("allocation_baht"),
						plan == null ? rs.getBigDecimal("allocation_baht") : plan, rs.getBigDecimal("result_baht")));
			if (latest[0] == null || rs.getTimestamp("recorded_at").after(latest[0])) {
				latest[0] = rs.getTimestamp("recorded_at");
				recorded[0] = rs.getString("recorded_by");
			}
		}, fiscalYear);
		List<SourceRow> rows = new ArrayList<>();
		for (String source : sourceNames.keySet()) {
			rows.add(row(source, sourceNames.get(source), bySource.getOrDefault(source, Map.of())));
		}
		Map<String, BudgetLine> b1b2 = new LinkedHashMap<>();
		for (String level : LEVELS) {
			b1b2.put(level, sum("B1+B2", rows.get(0).byLevel().get(level), rows.get(1).byLevel().get(level)));
		}
		String recordedTh = latest[0] == null ? null : "บันทึกโดย " + people.displayName(recorded[0]) + " เมื่อ "
				+ th.raingan.thai.BuddhistDates.formatLong(latest[0].toInstant().atZone(Clock.ZONE).toLocalDate());
		return new ByLevel(fiscalYear, rows, row("B1+B2", "รวมงบประมาณ (B1+B2)", b1b2), latest[0] != null, recordedTh);
	}

	private SourceRow row(String source, String name, Map<String, BudgetLine> lines) {
		Map<String, BudgetLine> byLevel = new LinkedHashMap<>();
		BudgetLine total = line(source, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
		for (String level : LEVELS) {
			BudgetLine line = lines.getOrDefault(level,
					line(source, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
			byLevel.put(level, line);
			total = sum(source, total, line);
		}
		return new SourceRow(source, name, byLevel, total);
	}

	private BudgetLine line(String source, BigDecimal allocation, BigDecimal plan, BigDecimal result) {
		return new BudgetLine(source, sourceNames.getOrDefault(source, source), allocation, plan, result);
	}

	private BudgetLine sum(String source, BudgetLine a, BudgetLine b) {
		return new BudgetLine(source, sourceNames.getOrDefault(source, source), a.allocation().add(b.allocation()),
				a.plan().add(b.plan()), a.result().add(b.result()));
	}

	/**
	 * Records the central and training-centre figures of a fiscal year from CSV
	 * ({@code level,budget_source,allocation_baht,plan_baht,result_baht}; level
	 * {@code central} or {@code training_centre}, plan optional), each line replacing
	 * that level's and source's figures. Every problem names the line and the column, in
	 * Thai; nothing is written when there is one.
	 */
	@Transactional
	public int record(int fiscalYear, String csv, String user) {
		List<String> problems = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		if (fiscalYear < 2500 || fiscalYear > 2700) {
			problems.add("ปีงบประมาณ: ต้องเป็นปี พ.ศ. เช่น 2570");
		}
		List<CSVRecord> records;
		try {
			records = CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setTrim(true)
				.get()
				.parse(new StringReader(csv == null ? "" : csv.replace("\uFEFF", "")))
				.getRecords();
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			throw new ReportRefused("บันทึกงบประมาณตามระดับไม่ได้:",
					List.of("ไฟล์ CSV: อ่านไม่ได้ (" + ex.getMessage() + ")"));
		}
		for (CSVRecord r : records) {
			String at = "บรรทัดที่ " + (r.getRecordNumber() + 1) + " ";
			String level = get(r, "level");
			String source = get(r, "budget_source");
			if (!"central".equals(level) && !"training_centre".equals(level)) {
				problems.add(at + "level: ต้องเป็น central (ส่วนกลาง) หรือ training_centre (ศูนย์ศึกษา) ไม่ใช่ \""
						+ level + "\"");
			}
			if (!sourceNames.containsKey(source)) {
				problems.add(at + "budget_source: ต้องเป็น B1 ถึง B7 ไม่ใช่ \"" + source + "\"");
			}
			BigDecimal allocation = money(r, "allocation_baht", at, true, problems);
			BigDecimal plan = money(r, "plan_baht", at, false, problems);
			BigDecimal result = money(r, "result_baht", at, true, problems);
			rows.add(new Object[] { level, source, allocation, plan, result });
		}
		if (records.isEmpty()) {
			problems.add("ไฟล์ CSV: ไม่มีข้อมูล (หัวตาราง level,budget_source,allocation_baht,plan_baht,result_baht)");
		}
		if (!problems.isEmpty()) {
			throw new ReportRefused("บันทึกงบประมาณตามระดับไม่ได้ กรุณาแก้ไข:", problems);
		}
		Timestamp now = new Timestamp(Clock.now().getTime());
		for (Object[] row : rows) {
			jdbc.update("delete from raingan.budget_level where fiscal_year_be = ? and level = ? and budget_source = ?",
					fiscalYear, row[0], row[1]);
			jdbc.update("""
					insert into raingan.budget_level (fiscal_year_be, level, budget_source, allocation_baht, plan_baht,
					result_baht, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""", fiscalYear, row[0],
					row[1], row[2], row[3], row[4], user, now);
		}
		return rows.size();
	}

	private static String get(CSVRecord r, String column) {
		return r.isMapped(column) && r.isSet(column) ? r.get(column).strip() : "";
	}

	private static BigDecimal money(CSVRecord r, String column, String at, boolean required, List<String> problems) {
		String text = get(r, column).replace(",", "");
		if (text.isEmpty()) {
			if (required) {
				problems.add(at + column + ": ต้องกรอกจำนวนเงิน (บาท)");
			}
			return null;
		}
		ThaiNumbers.Parsed parsed = ThaiNumbers.parse(text);
		if (!parsed.isValid() || parsed.value().signum() < 0) {
			problems
				.add(at + column + ": ต้องเป็นจำนวนเงินไม่ติดลบ เช่น 815473500.00 ไม่ใช่ \"" + get(r, column) + "\"");
			return null;
		}
		return parsed.value().setScale(2, RoundingMode.HALF_UP);
	}

}
