package th.raingan.assignment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import th.raingan.thai.SafeText;

/**
 * The province's assignments as a CSV file for Excel: UTF-8 with a byte order mark (so
 * that Excel shows Thai), Thai column headers, Buddhist-Era dates, the activity period as
 * the Chiang Rai evaluation letter writes it ("ไตรมาส 3-4") and the deadline as the
 * letters write it ("ภายใน 15/08/2567"). The export reads back unchanged; the import
 * takes the same columns.
 */
final class AssignmentCsv {

	static final String BOM = "\uFEFF";

	static final List<AssignmentField> COLUMNS = List.of(AssignmentField.FISCAL_YEAR, AssignmentField.PROJECT,
			AssignmentField.PROJECT_NAME, AssignmentField.OFFICE, AssignmentField.OFFICE_NAME, AssignmentField.TARGET,
			AssignmentField.UNIT, AssignmentField.ALLOCATION, AssignmentField.PLAN, AssignmentField.PERIOD,
			AssignmentField.RULE, AssignmentField.AREA_DATA, AssignmentField.EVALUATION);

	/**
	 * Columns an import must have: every value the province sets (the names are there to
	 * read, not read back).
	 */
	static final List<AssignmentField> REQUIRED = List.of(AssignmentField.PROJECT, AssignmentField.OFFICE,
			AssignmentField.TARGET, AssignmentField.ALLOCATION, AssignmentField.PLAN, AssignmentField.PERIOD,
			AssignmentField.RULE, AssignmentField.AREA_DATA, AssignmentField.EVALUATION);

	private AssignmentCsv() {
	}

	/** The assignments in force (withdrawn ones left out), one row each. */
	static byte[] export(List<AssignmentRow> rows) {
		StringWriter out = new StringWriter();
		out.write(BOM);
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader(COLUMNS.stream().map(c -> c.label).toArray(String[]::new))
					.setRecordSeparator("\r\n")
					.get())) {
			for (AssignmentRow row : rows) {
				if (row.withdrawn()) {
					continue;
				}
				AssignmentValues v = row.values();
				csv.printRecord(Stream
					.of(row.fiscalYearBe(), row.budgetCode(), row.projectName(), row.officeCode(), row.officeName(),
							plain(v.target()), row.unitTh(), plain(v.allocationBaht()), plain(v.planBaht()),
							th.raingan.project.ActivityPeriod.text(v.period(), row.fiscalYearBe()), v.rule().text(),
							v.needsAreaData() ? "ใช่" : "ไม่ใช่",
							v.evaluationRequired() == null ? "" : v.evaluationRequired() ? "ใช่" : "ไม่ใช่")
					.map(value -> value instanceof String text ? SafeText.csvCell(text) : value)
					.toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The file's rows as typed; a file that is not such a CSV is refused as a whole. */
	static List<AssignmentInput> parse(byte[] file) {
		String text = new String(file, StandardCharsets.UTF_8);
		if (text.startsWith(BOM)) {
			text = text.substring(1);
		}
		if (text.isBlank()) {
			throw new AssignmentRefused(new FieldError(null, "file", "ไฟล์", "ไฟล์ว่างเปล่า ไม่มีแถวให้นำเข้า"));
		}
		List<AssignmentInput> inputs = new ArrayList<>();
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
				StandardCharsets.UTF_8);
				CSVParser csv = CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.setTrim(true)
					.setIgnoreEmptyLines(true)
					.get()
					.parse(reader)) {
			List<String> missing = REQUIRED.stream()
				.map(c -> c.label)
				.filter(label -> !csv.getHeaderMap().containsKey(label))
				.toList();
			if (!missing.isEmpty()) {
				throw new AssignmentRefused(new FieldError(null, "file", "หัวตาราง",
						"ไม่พบคอลัมน์ " + String.join(", ", missing.stream().map(m -> "\"" + m + "\"").toList())
								+ " (ใช้หัวตารางเดียวกับไฟล์ที่ส่งออกจากหน้านี้)"));
			}
			for (CSVRecord record : csv) {
				long line = record.getRecordNumber() + 1;
				inputs.add(new AssignmentInput(line, get(record, AssignmentField.FISCAL_YEAR),
						get(record, AssignmentField.PROJECT), get(record, AssignmentField.OFFICE),
						get(record, AssignmentField.TARGET), get(record, AssignmentField.ALLOCATION),
						get(record, AssignmentField.PLAN), get(record, AssignmentField.PERIOD), null, null,
						get(record, AssignmentField.RULE), get(record, AssignmentField.AREA_DATA),
						get(record, AssignmentField.EVALUATION)));
			}
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			throw new AssignmentRefused(new FieldError(null, "file", "ไฟล์",
					"อ่านไฟล์ CSV ไม่ได้ ไม่ได้นำเข้าแถวใด: เครื่องหมายคำพูด (\") ไม่ครบคู่ หัวตารางซ้ำ หรือไฟล์ไม่ใช่ CSV (UTF-8)"));
		}
		if (inputs.isEmpty()) {
			throw new AssignmentRefused(new FieldError(null, "file", "ไฟล์", "ไม่มีแถวข้อมูลใต้หัวตาราง"));
		}
		return inputs;
	}

	private static String get(CSVRecord record, AssignmentField field) {
		return record.isMapped(field.label) && record.isSet(field.label) ? SafeText.fromCsvCell(record.get(field.label))
				: "";
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

}
