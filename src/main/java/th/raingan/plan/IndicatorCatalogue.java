package th.raingan.plan;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.people.CsvText;
import th.raingan.thai.Clock;
import th.raingan.thai.SafeText;

/**
 * The KPI indicator catalogue (the KPI target program manual,
 * docs/requirements/overview.md: "the budget bureau sets the service targets, the
 * indicator types and units; an office cannot change them"). Kept by the department;
 * offices choose from it when they start a plan. Each indicator is planned by the offices
 * listed with it: a district's code, a province's code (its office and every district of
 * it) or {@code *} (every office).
 */
@Service
public class IndicatorCatalogue {

	public static final String QUANTITY = "เชิงปริมาณ";

	public static final String QUALITY = "เชิงคุณภาพ";

	public static final String EVERY_OFFICE = "*";

	/**
	 * The CSV columns, in the order the export writes them, with the Thai header each may
	 * have instead.
	 */
	static final Map<String, String> COLUMNS = new LinkedHashMap<>();
	static {
		COLUMNS.put("code", "รหัส");
		COLUMNS.put("name_th", "ชื่อตัวชี้วัด");
		COLUMNS.put("unit_th", "หน่วยนับ");
		COLUMNS.put("kpi_type", "ประเภทตัวชี้วัด");
		COLUMNS.put("level_th", "ชั้น");
		COLUMNS.put("service_target_code", "รหัสเป้าหมายการให้บริการ");
		COLUMNS.put("service_target_th", "เป้าหมายการให้บริการหน่วยงาน");
		COLUMNS.put("offices", "หน่วยงานที่จัดทำแผน");
	}

	public record Indicator(String code, String nameTh, String unitTh, String type, String levelTh,
			String serviceTargetCode, String serviceTargetTh, List<String> offices) {

		public boolean quantity() {
			return QUANTITY.equals(type);
		}

	}

	/**
	 * A refused row: its line in the file (1 = the header), the column's Thai name and
	 * the reason.
	 */
	public record RowError(int line, String column, String message) {

	}

	public record ImportResult(int imported, List<RowError> errors, String message) {

	}

	private final JdbcTemplate jdbc;

	private final OrgUnits orgUnits;

	IndicatorCatalogue(JdbcTemplate jdbc, OrgUnits orgUnits) {
		this.jdbc = jdbc;
		this.orgUnits = orgUnits;
	}

	public List<Indicator> all() {
		Map<String, List<String>> offices = new LinkedHashMap<>();
		jdbc.query("select kpi_code, office_code from raingan.kpi_indicator_office order by kpi_code, office_code",
				rs -> {
					offices.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
				});
		return jdbc.query("select * from raingan.kpi_indicator order by service_target_code, code",
				(rs, i) -> new Indicator(rs.getString("code"), rs.getString("name_th"), rs.getString("unit_th"),
						rs.getString("kpi_type"), rs.getString("level_th"), rs.getString("service_target_code"),
						rs.getString("service_target_th"), offices.getOrDefault(rs.getString("code"), List.of())));
	}

	public Optional<Indicator> find(String code) {
		return all().stream().filter(i -> i.code().equals(code)).findFirst();
	}

	/** Whether the office (a district or a province office) plans the indicator. */
	public boolean plannedBy(Indicator indicator, OrgUnit office) {
		return indicator.offices().contains(EVERY_OFFICE) || indicator.offices().contains(office.code())
				|| indicator.offices().contains(office.provinceCode());
	}

	/** The indicators an office may plan, for its start form. */
	public List<Indicator> plannedBy(OrgUnit office) {
		return all().stream().filter(i -> plannedBy(i, office)).toList();
	}

	/**
	 * Reads a CSV file of indicators (UTF-8 or Windows-874, English or Thai headers) and
	 * adds or updates them. Any refused row refuses the file: nothing is written unless
	 * every row is valid.
	 */
	@Transactional
	public ImportResult importCsv(byte[] bytes, String user) {
		String text;
		try {
			text = CsvText.decode(bytes).text();
		}
		catch (CsvText.Unreadable ex) {
			return new ImportResult(0, List.of(new RowError(0, "ไฟล์", ex.getMessage())), ex.getMessage());
		}
		List<RowError> errors = new ArrayList<>();
		List<Indicator> rows = new ArrayList<>();
		try (CSVParser csv = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setTrim(true)
			.setIgnoreEmptyLines(true)
			.get()
			.parse(new StringReader(text))) {
			Map<String, String> header = new LinkedHashMap<>();
			for (String name : csv.getHeaderNames()) {
				String clean = name.replace("\uFEFF", "").strip();
				COLUMNS.forEach((english, thai) -> {
					if (english.equalsIgnoreCase(clean) || thai.equals(clean)) {
						header.put(english, name);
					}
				});
			}
			for (String column : COLUMNS.keySet()) {
				if (!header.containsKey(column)) {
					errors.add(new RowError(1, COLUMNS.get(column),
							"ไม่พบคอลัมน์ \"" + COLUMNS.get(column) + "\" (หรือ " + column + ") ในแถวหัวตาราง"));
				}
			}
			if (!errors.isEmpty()) {
				return refused(errors);
			}
			Set<String> seen = new LinkedHashSet<>();
			for (CSVRecord record : csv) {
				int line = (int) record.getRecordNumber() + 1;
				Map<String, String> v = new LinkedHashMap<>();
				header.forEach((column, name) -> v.put(column, record.isMapped(name) && record.isSet(name)
						? SafeText.fromCsvCell(record.get(name).strip()) : ""));
				rows.add(row(line, v, seen, errors));
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			errors.add(new RowError(0, "ไฟล์", "อ่านไฟล์ CSV ไม่ได้: " + ex.getMessage()));
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			errors.add(new RowError(2, "ไฟล์", "ไฟล์ไม่มีแถวข้อมูล"));
		}
		if (!errors.isEmpty()) {
			return refused(errors);
		}
		Timestamp now = new Timestamp(Clock.now().getTime());
		for (Indicator i : rows) {
			int updated = jdbc.update("""
					update raingan.kpi_indicator set name_th = ?, unit_th = ?, kpi_type = ?, level_th = ?,
					service_target_code = ?, service_target_th = ?, updated_by = ?, updated_at = ? where code = ?""",
					i.nameTh(), i.unitTh(), i.type(), i.levelTh(), i.serviceTargetCode(), i.serviceTargetTh(), user,
					now, i.code());
			if (updated == 0) {
				jdbc.update(
						"""
								insert into raingan.kpi_indicator (code, name_th, unit_th, kpi_type, level_th, service_target_code,
								service_target_th, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
						i.code(), i.nameTh(), i.unitTh(), i.type(), i.levelTh(), i.serviceTargetCode(),
						i.serviceTargetTh(), user, now);
			}
			jdbc.update("delete from raingan.kpi_indicator_office where kpi_code = ?", i.code());
			for (String office : i.offices()) {
				jdbc.update("insert into raingan.kpi_indicator_office (kpi_code, office_code) values (?, ?)", i.code(),
						office);
			}
		}
		return new ImportResult(rows.size(), List.of(),
				"นำเข้าบัญชีตัวชี้วัดแล้ว " + rows.size() + " รายการ (เพิ่มใหม่หรือปรับปรุงตามรหัส)");
	}

	private static ImportResult refused(List<RowError> errors) {
		return new ImportResult(0, errors, "ไม่ได้นำเข้า: พบข้อผิดพลาด " + errors.size()
				+ " จุด ทั้งไฟล์ยังไม่ถูกบันทึก กรุณาแก้ไขแล้วนำเข้าใหม่");
	}

	private Indicator row(int line, Map<String, String> v, Set<String> seen, List<RowError> errors) {
		String code = v.get("code");
		if (code.isEmpty() || code.length() > 32 || !code.matches("[0-9A-Za-z.\\-_]+")) {
			errors.add(new RowError(line, COLUMNS.get("code"),
					"ต้องกรอก เป็นตัวเลขหรืออักษรอังกฤษ ไม่เกิน 32 ตัว เช่น 01 (ได้รับ \"" + code + "\")"));
		}
		else if (!seen.add(code)) {
			errors.add(new RowError(line, COLUMNS.get("code"), "รหัส " + code + " ซ้ำกับแถวก่อนหน้าในไฟล์"));
		}
		required(line, v, "name_th", 1000, errors);
		required(line, v, "unit_th", 100, errors);
		required(line, v, "level_th", 200, errors);
		required(line, v, "service_target_code", 32, errors);
		required(line, v, "service_target_th", 1000, errors);
		String type = v.get("kpi_type");
		if (!QUANTITY.equals(type) && !QUALITY.equals(type)) {
			errors.add(new RowError(line, COLUMNS.get("kpi_type"),
					"ไม่รู้จักประเภท \"" + type + "\" ต้องเป็น " + QUANTITY + " หรือ " + QUALITY));
		}
		List<String> offices = new ArrayList<>();
		for (String office : v.get("offices").split("[\\s;|]+")) {
			if (office.isEmpty()) {
				continue;
			}
			if (office.equals(EVERY_OFFICE) || office.equals("ทั้งหมด")) {
				offices.add(EVERY_OFFICE);
			}
			else if (orgUnits.find(office).filter(o -> o.isDistrict() || o.isProvince()).isPresent()) {
				offices.add(office);
			}
			else {
				errors.add(new RowError(line, COLUMNS.get("offices"), "ไม่รู้จักหน่วยงานรหัส \"" + office
						+ "\" (ใส่รหัสอำเภอ เช่น 4201 รหัสจังหวัด เช่น 42 หรือ * = ทุกหน่วยงาน คั่นด้วยช่องว่าง)"));
			}
		}
		if (offices.isEmpty() && v.get("offices").isBlank()) {
			errors.add(new RowError(line, COLUMNS.get("offices"),
					"ต้องระบุหน่วยงานที่จัดทำแผน (รหัสอำเภอ รหัสจังหวัด หรือ * = ทุกหน่วยงาน)"));
		}
		return new Indicator(code, v.get("name_th"), v.get("unit_th"), type, v.get("level_th"),
				v.get("service_target_code"), v.get("service_target_th"), List.copyOf(new LinkedHashSet<>(offices)));
	}

	private static void required(int line, Map<String, String> v, String column, int max, List<RowError> errors) {
		String value = v.get(column);
		if (value.isEmpty()) {
			errors.add(new RowError(line, COLUMNS.get(column), "ต้องกรอก"));
		}
		else if (value.length() > max) {
			errors.add(new RowError(line, COLUMNS.get(column),
					"ยาวเกิน " + max + " ตัวอักษร (กรอกมา " + value.length() + ")"));
		}
	}

	/**
	 * The catalogue as the CSV file the import reads (Thai headers, UTF-8 with a byte
	 * order mark for Excel).
	 */
	public String csv() {
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append(String.join(",", COLUMNS.values())).append("\r\n");
		for (Indicator i : all()) {
			out.append(String.join(",",
					Arrays
						.asList(i.code(), i.nameTh(), i.unitTh(), i.type(), i.levelTh(), i.serviceTargetCode(),
								i.serviceTargetTh(), String.join(" ", i.offices()))
						.stream()
						.map(IndicatorCatalogue::quote)
						.toList()))
				.append("\r\n");
		}
		return out.toString();
	}

	private static String quote(String text) {
		return "\"" + SafeText.csvCell(text).replace("\"", "\"\"") + "\"";
	}

}
