package th.raingan.evaluation;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import th.raingan.project.DeadlineRule;
import th.raingan.thai.SafeText;

/**
 * The evaluation plan as CSV, one row per activity:
 * {@code no, project_th, activity_th, evaluation_form (Y/N),
 * data_form (Y/N), deadline_rule, window_th, budget_code, topics_th} (topics one per line
 * inside the cell, or separated by {@code |}). {@code assessment_form} is read as
 * {@code evaluation_form}. UTF-8 (with or without a byte order mark) or Windows-874, as
 * Thai Excel saves it. Every problem is named with its line and column.
 */
final class PlanCsv {

	static final List<String> HEADERS = List.of("no", "project_th", "activity_th", "evaluation_form", "data_form",
			"deadline_rule", "window_th", "budget_code", "topics_th");

	static final int MAX_NAME = 2000;

	static final int MAX_TOPIC = 1000;

	static final int MAX_TOPICS = 30;

	/** A parsed row: the values, or nothing but its problems. */
	record Row(long line, String itemNo, String projectTh, String activityTh, boolean evaluationForm, boolean dataForm,
			String deadlineRule, String windowTh, String budgetCode, List<String> topics) {

	}

	/** One refusal: the line (1 = the header), the column and why, in Thai. */
	record Problem(long line, String field, String reason) {

		String text() {
			return "แถวที่ " + line + " ช่อง " + field + ": " + reason;
		}

	}

	record Parsed(List<Row> rows, List<Problem> problems) {

	}

	private PlanCsv() {
	}

	static Parsed parse(byte[] bytes) {
		List<Row> rows = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		String text = decode(bytes);
		List<CSVRecord> records;
		try {
			records = CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setTrim(true)
				.setIgnoreEmptyLines(true)
				.get()
				.parse(new StringReader(text))
				.getRecords();
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			problems.add(new Problem(1, "ไฟล์", "อ่านไฟล์ CSV ไม่ได้: " + ex.getMessage()));
			return new Parsed(rows, problems);
		}
		if (records.isEmpty()) {
			problems.add(new Problem(1, "ไฟล์", "ไม่มีแถวข้อมูล (ต้องมีหัวตาราง " + String.join(",", HEADERS) + ")"));
			return new Parsed(rows, problems);
		}
		for (String required : List.of("project_th", "activity_th", "data_form", "topics_th")) {
			if (!records.get(0).isMapped(required)) {
				problems.add(new Problem(1, required, "ไม่มีคอลัมน์นี้ในหัวตาราง"));
			}
		}
		if (!records.get(0).isMapped("evaluation_form") && !records.get(0).isMapped("assessment_form")) {
			problems.add(new Problem(1, "evaluation_form", "ไม่มีคอลัมน์นี้ในหัวตาราง"));
		}
		if (!problems.isEmpty()) {
			return new Parsed(rows, problems);
		}
		List<Map<String, String>> maps = new ArrayList<>();
		for (CSVRecord r : records) {
			Map<String, String> m = new LinkedHashMap<>();
			for (String h : HEADERS) {
				m.put(h, get(r, h));
			}
			if (!r.isMapped("evaluation_form")) {
				m.put("evaluation_form", get(r, "assessment_form"));
			}
			m.put("#line", Long.toString(r.getRecordNumber() + 1));
			maps.add(m);
		}
		return validate(maps);
	}

	/**
	 * Rows as maps of the CSV's columns (the screen sends the same); {@code #line}
	 * numbers them for the messages.
	 */
	static Parsed validate(List<Map<String, String>> records) {
		List<Row> rows = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		if (records.isEmpty()) {
			problems.add(new Problem(1, "ไฟล์", "ไม่มีกิจกรรมในแผน"));
		}
		int index = 0;
		for (Map<String, String> r : records) {
			index++;
			String lineText = r.get("#line");
			long line = lineText == null ? index : Long.parseLong(lineText);
			Map<String, String> errors = new LinkedHashMap<>();
			String no = get(r, "no");
			String project = get(r, "project_th");
			if (project.isBlank()) {
				errors.put("project_th", "ต้องระบุชื่อโครงการ");
			}
			else if (project.length() > MAX_NAME) {
				errors.put("project_th", "ยาวเกิน " + MAX_NAME + " ตัวอักษร");
			}
			String activity = get(r, "activity_th");
			if (activity.isBlank()) {
				errors.put("activity_th", "ต้องระบุชื่อกิจกรรม");
			}
			else if (activity.length() > MAX_NAME) {
				errors.put("activity_th", "ยาวเกิน " + MAX_NAME + " ตัวอักษร");
			}
			String evaluationColumn = "evaluation_form";
			Boolean evaluation = yesNo(get(r, evaluationColumn), evaluationColumn, errors);
			Boolean data = yesNo(get(r, "data_form"), "data_form", errors);
			String rule = get(r, "deadline_rule");
			try {
				DeadlineRule.parse(rule);
			}
			catch (IllegalArgumentException ex) {
				errors.put("deadline_rule", ex.getMessage());
			}
			String window = get(r, "window_th");
			if (window.length() > 500) {
				errors.put("window_th", "ยาวเกิน 500 ตัวอักษร");
			}
			List<String> topics = topics(get(r, "topics_th"));
			if (Boolean.TRUE.equals(evaluation) && topics.isEmpty()) {
				errors.put("topics_th", "กิจกรรมที่ใช้แบบประเมินผลต้องมีประเด็นที่ต้องประเมินอย่างน้อย 1 ประเด็น");
			}
			else if (topics.size() > MAX_TOPICS) {
				errors.put("topics_th", "ประเด็นมากเกิน " + MAX_TOPICS + " ประเด็น");
			}
			else {
				for (int i = 0; i < topics.size(); i++) {
					if (topics.get(i).length() > MAX_TOPIC) {
						errors.put("topics_th", "ประเด็นที่ " + (i + 1) + " ยาวเกิน " + MAX_TOPIC + " ตัวอักษร");
					}
				}
				if (topics.stream().distinct().count() < topics.size()) {
					errors.put("topics_th", "มีประเด็นซ้ำกัน");
				}
			}
			if (Boolean.FALSE.equals(evaluation) && Boolean.FALSE.equals(data)) {
				errors.put(evaluationColumn,
						"กิจกรรมในแผนประเมินผลต้องใช้แบบประเมินผลหรือแบบจัดเก็บข้อมูลอย่างน้อยหนึ่งแบบ");
			}
			if (!errors.isEmpty()) {
				errors.forEach((field, reason) -> problems.add(new Problem(line, field, reason)));
				continue;
			}
			rows.add(new Row(line, no.isBlank() ? Long.toString(rows.size() + 1) : no, project, activity, evaluation,
					data, rule.isBlank() ? null : rule, window.isBlank() ? null : window, get(r, "budget_code"),
					topics));
		}
		return new Parsed(rows, problems);
	}

	static String write(List<PlanActivity> plan) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
			printer.printRecord(HEADERS);
			for (PlanActivity a : plan) {
				printer.printRecord(
						java.util.stream.Stream
							.of(a.itemNo(), a.projectTh(), a.activityTh(), a.evaluationForm() ? "Y" : "N",
									a.dataForm() ? "Y" : "N", a.deadlineRule() == null ? "" : a.deadlineRule(),
									a.windowTh() == null ? "" : a.windowTh(),
									a.budgetCode() == null ? "" : a.budgetCode(), String.join("\n", a.topics()))
							.map(SafeText::csvCell)
							.toList());
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toString();
	}

	static List<String> topics(String cell) {
		return Arrays.stream(cell.split("\\r?\\n|\\|")).map(String::strip).filter(t -> !t.isEmpty()).toList();
	}

	private static Boolean yesNo(String value, String column, Map<String, String> errors) {
		String v = value.strip().toUpperCase();
		if (Set.of("Y", "✓", "/", "ใช่").contains(v)) {
			return true;
		}
		if (Set.of("N", "-", "ไม่ใช่").contains(v)) {
			return false;
		}
		if (v.isEmpty()) {
			errors.put(column, "ต้องเป็น Y หรือ N (ยังไม่ได้กรอก)");
			return null;
		}
		errors.put(column, "ต้องเป็น Y หรือ N (ได้รับ \"" + value + "\")");
		return null;
	}

	private static String get(Map<String, String> row, String column) {
		String value = row.get(column);
		return value == null ? "" : value.strip();
	}

	private static String get(CSVRecord row, String column) {
		return row.isMapped(column) && row.isSet(column) ? SafeText.fromCsvCell(row.get(column).strip()) : "";
	}

	/**
	 * UTF-8 when the bytes are UTF-8, else Windows-874 (Thai Excel's "CSV (Comma
	 * delimited)").
	 */
	static String decode(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, Charset.forName("x-windows-874"));
		}
	}

}
