package th.raingan.review;

import java.math.BigDecimal;
import java.sql.Date;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import th.raingan.thai.BuddhistDates;

/**
 * What changed between two submitted versions of a report: every field whose value
 * differs (old -> new), area rows added, removed or changed (by their place in the list),
 * and files added or removed. A version's files are those submitted with it or with an
 * earlier version (a submitted file is never deleted).
 */
@Service
class ReportChanges {

	/**
	 * The report_version columns the district fills in, with the labels of the review
	 * form.
	 */
	static final Map<String, String> FIELDS = new LinkedHashMap<>();

	static final Map<String, String> AREA_FIELDS = new LinkedHashMap<>();

	static {
		FIELDS.put("officer_name", "ผู้รับผิดชอบโครงการ");
		FIELDS.put("officer_phone", "เบอร์โทรศัพท์");
		FIELDS.put("start_date", "วันที่เริ่มดำเนินการ");
		FIELDS.put("end_date", "วันที่สิ้นสุดการดำเนินการ");
		FIELDS.put("output_th", "ผลผลิต");
		FIELDS.put("success_points", "ประเด็นความสำเร็จ");
		FIELDS.put("target_value", "เป้าหมาย");
		FIELDS.put("result_value", "ผลการดำเนินงาน");
		FIELDS.put("progress_percent", "ความก้าวหน้า (ร้อยละ)");
		FIELDS.put("spent_baht", "ผลการใช้จ่ายงบประมาณ (บาท)");
		FIELDS.put("respondents", "จำนวนผู้ตอบแบบประเมิน (คน)");
		FIELDS.put("knowledge_percent", "ความรู้ความเข้าใจ (ร้อยละ)");
		FIELDS.put("use_percent", "การนำไปใช้ประโยชน์ (ร้อยละ)");
		FIELDS.put("satisfaction_percent", "ความพึงพอใจ (ร้อยละ)");
		AREA_FIELDS.put("place_th", "พื้นที่ดำเนินการ (ตำบล/หมู่บ้าน)");
		AREA_FIELDS.put("target_group_th", "กลุ่มเป้าหมาย");
		AREA_FIELDS.put("people", "จำนวน (คน)");
		AREA_FIELDS.put("outcome_th", "ผลที่ได้รับ");
		AREA_FIELDS.put("expense_baht", "ค่าใช้จ่ายของพื้นที่นี้ (บาท)");
	}

	record Version(long id, String businessKey, int revision, String officeCode) {

	}

	record Field(String label, String oldValue, String newValue) {

	}

	/**
	 * An area row: "added", "removed" or "changed", numbered as in the form (1, 2, ...).
	 */
	record Area(int row, String kind, String place, List<Field> fields) {

	}

	record Changes(Version from, Version to, List<Field> fields, List<Area> areas, List<String> filesAdded,
			List<String> filesRemoved) {

		boolean none() {
			return fields.isEmpty() && areas.isEmpty() && filesAdded.isEmpty() && filesRemoved.isEmpty();
		}

	}

	private final JdbcTemplate jdbc;

	private final th.raingan.report.FieldComments comments;

	ReportChanges(JdbcTemplate jdbc, th.raingan.report.FieldComments comments) {
		this.jdbc = jdbc;
		this.comments = comments;
	}

	/**
	 * The comments the province returned the "from" version with, each with whether these
	 * changes answer it: {@code [{label, comment, row, addressed, changes}]}.
	 */
	List<Map<String, Object>> addressed(Changes c) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (th.raingan.report.FieldComments.Comment k : comments.of(c.from().id())) {
			List<String> answer = answering(c, k);
			Map<String, Object> row = new LinkedHashMap<>(k.json());
			row.put("addressed", !answer.isEmpty());
			row.put("changes", answer);
			out.add(row);
		}
		return out;
	}

	Optional<Version> version(long id) {
		return jdbc
			.query("""
					select v.id, v.business_key, v.revision, a.office_code from raingan.report_version v
					join raingan.assignment a on a.id = v.assignment_id where v.id = ?""",
					(rs, i) -> new Version(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)), id)
			.stream()
			.findFirst();
	}

	/** The version submitted just before this one, if any. */
	Optional<Version> previous(Version to) {
		return jdbc.queryForList("""
				select id from raingan.report_version where business_key = ? and revision < ?
				order by revision desc""", Long.class, to.businessKey(), to.revision())
			.stream()
			.findFirst()
			.flatMap(this::version);
	}

	/** From {@code from} to {@code to}, two versions of the same report. */
	Changes between(Version from, Version to) {
		Map<String, Object> a = jdbc.queryForMap("select * from raingan.report_version where id = ?", from.id());
		Map<String, Object> b = jdbc.queryForMap("select * from raingan.report_version where id = ?", to.id());
		List<Field> fields = differences(FIELDS, a, b);
		List<Map<String, Object>> oldAreas = areas(from.id());
		List<Map<String, Object>> newAreas = areas(to.id());
		List<Area> areas = new ArrayList<>();
		for (int i = 0; i < Math.max(oldAreas.size(), newAreas.size()); i++) {
			Map<String, Object> before = i < oldAreas.size() ? oldAreas.get(i) : null;
			Map<String, Object> after = i < newAreas.size() ? newAreas.get(i) : null;
			if (before == null) {
				areas.add(new Area(i + 1, "added", text(after.get("place_th")),
						differences(AREA_FIELDS, Map.of(), after)));
			}
			else if (after == null) {
				areas.add(new Area(i + 1, "removed", text(before.get("place_th")),
						differences(AREA_FIELDS, before, Map.of())));
			}
			else {
				List<Field> changed = differences(AREA_FIELDS, before, after);
				if (!changed.isEmpty()) {
					areas.add(new Area(i + 1, "changed", text(after.get("place_th")), changed));
				}
			}
		}
		List<String> oldFiles = files(from);
		List<String> newFiles = files(to);
		return new Changes(from, to, fields, areas, newFiles.stream().filter(f -> !oldFiles.contains(f)).toList(),
				oldFiles.stream().filter(f -> !newFiles.contains(f)).toList());
	}

	/**
	 * The changes as lines of plain text, for the review form's summary and for tests.
	 */
	static List<String> lines(Changes c) {
		List<String> lines = new ArrayList<>();
		c.fields().forEach(f -> lines.add(f.label() + ": " + f.oldValue() + " → " + f.newValue()));
		for (Area a : c.areas()) {
			String head = "ส่วนที่ 2 พื้นที่ที่ " + a.row() + " (" + a.place() + ")";
			switch (a.kind()) {
				case "added" -> lines.add(head + ": เพิ่มใหม่");
				case "removed" -> lines.add(head + ": ลบออก");
				default -> a.fields()
					.forEach(f -> lines.add(head + " " + f.label() + ": " + f.oldValue() + " → " + f.newValue()));
			}
		}
		c.filesAdded().forEach(f -> lines.add("ไฟล์แนบเพิ่ม: " + f));
		c.filesRemoved().forEach(f -> lines.add("ไฟล์แนบที่ไม่มีแล้ว: " + f));
		return lines;
	}

	/**
	 * What in these changes answers a comment of the return: the commented field's old ->
	 * new, or the changes of the commented area row (or that it was removed); empty when
	 * the district left it as it was.
	 */
	static List<String> answering(Changes c, th.raingan.report.FieldComments.Comment comment) {
		List<String> answer = new ArrayList<>();
		if (comment.areaRow() != null) {
			for (Area a : c.areas()) {
				if (a.row() == comment.areaRow()) {
					switch (a.kind()) {
						case "removed" -> answer.add("ลบพื้นที่นี้ออก");
						case "added" -> answer.add("เพิ่มใหม่");
						default ->
							a.fields().forEach(f -> answer.add(f.label() + ": " + f.oldValue() + " → " + f.newValue()));
					}
				}
			}
			return answer;
		}
		String column = th.raingan.report.FieldComments.column(comment.target());
		String label = column == null ? null : FIELDS.get(column);
		c.fields()
			.stream()
			.filter(f -> f.label().equals(label))
			.forEach(f -> answer.add(f.oldValue() + " → " + f.newValue()));
		return answer;
	}

	private List<Map<String, Object>> areas(long versionId) {
		return jdbc.queryForList("select * from raingan.report_area where report_version_id = ? order by seq",
				versionId);
	}

	private List<String> files(Version v) {
		return jdbc.queryForList("""
				select f.file_name from raingan.attachment f join raingan.report_version v on v.id = f.report_version_id
				where f.business_key = ? and v.revision <= ? order by f.id""", String.class, v.businessKey(),
				v.revision());
	}

	private static List<Field> differences(Map<String, String> labels, Map<String, Object> a, Map<String, Object> b) {
		List<Field> fields = new ArrayList<>();
		labels.forEach((column, label) -> {
			String before = text(a.get(column));
			String after = text(b.get(column));
			if (!Objects.equals(before, after)) {
				fields.add(new Field(label, before, after));
			}
		});
		return fields;
	}

	/**
	 * As a person reads it: BE dates, numbers without trailing zeros and with thousands
	 * separators, "-" for none.
	 */
	static String text(Object value) {
		if (value == null || value.toString().isBlank()) {
			return "-";
		}
		if (value instanceof Date d) {
			return BuddhistDates.format(d.toLocalDate());
		}
		if (value instanceof java.time.LocalDate d) {
			return BuddhistDates.format(d);
		}
		if (value instanceof BigDecimal n) {
			return new DecimalFormat("#,##0.##").format(n);
		}
		if (value instanceof Number n) {
			return new DecimalFormat("#,##0.##").format(n);
		}
		return value.toString().strip();
	}

}
