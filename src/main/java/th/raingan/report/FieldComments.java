package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * "Say where": comments a reviewer puts on single fields or on area rows of a report when
 * returning it, beside the overall reason. A comment names its target as the form does: a
 * field's key ({@code spentBaht}) or an area row ({@code areas.2}, numbered from 1 as the
 * district's form shows them). A target the submitted report does not have is refused in
 * Thai, naming the comment; they are kept with the returned version in
 * {@code raingan.report_comment}.
 */
@Repository
public class FieldComments {

	/**
	 * One comment: its target, the field's label as the district's form shows it, the
	 * area row (or null).
	 */
	public record Comment(String target, String label, Integer areaRow, String text) {

		public Map<String, Object> json() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("target", target);
			json.put("label", label);
			json.put("row", areaRow);
			json.put("comment", text);
			return json;
		}

	}

	/**
	 * A field a comment may name: the form's key, the label, the report_version column.
	 */
	public record Field(String key, String label, String column, boolean evaluation) {

	}

	public static final String AREA_PREFIX = AREAS + ".";

	/** The fields of part 1 and the evaluation summary, in the form's order. */
	public static final List<Field> FIELDS = List.of(
			new Field(OFFICER_NAME, "ผู้รับผิดชอบโครงการ", "officer_name", false),
			new Field(OFFICER_PHONE, "เบอร์โทรศัพท์", "officer_phone", false),
			new Field(START_DATE, "วันที่เริ่มดำเนินการ", "start_date", false),
			new Field(END_DATE, "วันที่สิ้นสุดการดำเนินการ", "end_date", false),
			new Field(OUTPUT, "ผลผลิต", "output_th", false),
			new Field(SUCCESS_POINTS, "ประเด็นความสำเร็จ", "success_points", false),
			new Field(TARGET_VALUE, "เป้าหมาย", "target_value", false),
			new Field(RESULT_VALUE, "ผลการดำเนินงาน", "result_value", false),
			new Field(PROGRESS_PERCENT, "ความก้าวหน้า (ร้อยละ)", "progress_percent", false),
			new Field(SPENT_BAHT, "ผลการใช้จ่ายงบประมาณ (บาท)", "spent_baht", false),
			new Field(RESPONDENTS, "จำนวนผู้ตอบแบบประเมิน (คน)", "respondents", true),
			new Field(KNOWLEDGE_PERCENT, "ความรู้ความเข้าใจ (ร้อยละ)", "knowledge_percent", true),
			new Field(USE_PERCENT, "การนำไปใช้ประโยชน์ (ร้อยละ)", "use_percent", true),
			new Field(SATISFACTION_PERCENT, "ความพึงพอใจ (ร้อยละ)", "satisfaction_percent", true));

	static final String LABEL = "ความเห็นรายช่อง";

	private final JdbcTemplate jdbc;

	FieldComments(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public static String areaLabel(int row) {
		return "ส่วนที่ 2 พื้นที่ที่ " + row;
	}

	/**
	 * What a reviewer may comment on in this submitted version, as the review form's
	 * choice lists them ({@code [{label, value}]}): the fields of part 1, the
	 * evaluation's when it is asked for, each area row.
	 */
	public static List<Map<String, Object>> targets(boolean evaluationRequired, List<ReportDraft.Area> areas) {
		List<Map<String, Object>> targets = new ArrayList<>();
		for (Field f : FIELDS) {
			if (!f.evaluation() || evaluationRequired) {
				targets.add(Map.of("label", f.label(), "value", f.key()));
			}
		}
		for (int i = 0; i < areas.size(); i++) {
			String place = areas.get(i).place();
			targets.add(Map.of("label", areaLabel(i + 1) + (place == null ? "" : " (" + place + ")"), "value",
					AREA_PREFIX + (i + 1)));
		}
		return targets;
	}

	/**
	 * The comments a reviewer sent with a return ({@code [{target, comment}]} rows, as
	 * the review form's dynamic list submits them), checked against the submitted
	 * version: every problem is named in Thai, and nothing is accepted while one remains.
	 */
	public static List<Comment> parse(Object value, boolean evaluationRequired, int areaCount) {
		List<Map<String, Object>> rows = JsonRows.of(value, LABEL, "ของความเห็น (ช่องที่ให้ความเห็น และความเห็น)");
		List<Comment> comments = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		int n = 0;
		for (Map<String, Object> row : rows) {
			n++;
			Object targetValue = row.get("target");
			Object textValue = row.get("comment");
			String target = targetValue == null ? "" : targetValue.toString().strip();
			String text = textValue == null ? "" : textValue.toString().strip();
			if (target.isEmpty() && text.isEmpty()) {
				continue; // an empty row added and left blank
			}
			String where = LABEL + " ลำดับที่ " + n;
			if (target.isEmpty()) {
				problems.add(where + ": กรุณาเลือกช่องที่ให้ความเห็น");
				continue;
			}
			Comment comment = null;
			for (Field f : FIELDS) {
				if (f.key().equals(target)) {
					if (f.evaluation() && !evaluationRequired) {
						problems.add(where + ": รายงานนี้ไม่มีช่อง \"" + f.label()
								+ "\" (โครงการนี้ไม่ต้องรายงานแบบสรุปการประเมินผล)");
					}
					else {
						comment = new Comment(f.key(), f.label(), null, text);
					}
				}
			}
			if (comment == null && target.startsWith(AREA_PREFIX)) {
				int areaRow = -1;
				try {
					areaRow = Integer.parseInt(target.substring(AREA_PREFIX.length()));
				}
				catch (NumberFormatException ex) {
					areaRow = -1;
				}
				if (areaRow >= 1 && areaRow <= areaCount) {
					comment = new Comment(target, areaLabel(areaRow), areaRow, text);
				}
				else {
					problems.add(where + ": ไม่มีพื้นที่ลำดับ \"" + target.substring(AREA_PREFIX.length())
							+ "\" ในรายงานฉบับนี้ (มีข้อมูลเชิงพื้นที่ " + areaCount + " แห่ง)");
					continue;
				}
			}
			if (comment == null) {
				if (problems.stream().noneMatch(p -> p.startsWith(where + ":"))) {
					problems.add(
							where + ": ไม่มีช่อง \"" + target + "\" ในแบบรายงาน เลือกได้เฉพาะช่องที่มีในรายงานฉบับนี้");
				}
				continue;
			}
			if (text.length() < 2) {
				problems.add(where + " (" + comment.label() + "): กรุณาพิมพ์ความเห็นว่าต้องแก้ไขอย่างไร");
			}
			else if (text.length() > ReportValidator.MAX_TEXT) {
				problems.add(where + " (" + comment.label() + "): ยาวเกิน " + ReportValidator.MAX_TEXT + " ตัวอักษร");
			}
			else {
				comments.add(comment);
			}
		}
		if (!problems.isEmpty()) {
			throw new ReportRefused("บันทึกผลการพิจารณาไม่ได้:", problems);
		}
		return comments;
	}

	public void save(long versionId, List<Comment> comments) {
		int seq = 1;
		for (Comment c : comments) {
			jdbc.update("""
					insert into raingan.report_comment (report_version_id, seq, target, area_row, label_th, comment_th)
					values (?, ?, ?, ?, ?, ?)""", versionId, seq++, c.target(), c.areaRow(), c.label(), c.text());
		}
	}

	/**
	 * The comments the province sent back with this version (none for a version not
	 * returned).
	 */
	public List<Comment> of(long versionId) {
		return jdbc.query("select * from raingan.report_comment where report_version_id = ? order by seq",
				(rs, i) -> new Comment(rs.getString("target"), rs.getString("label_th"),
						(Integer) rs.getObject("area_row", Integer.class), rs.getString("comment_th")),
				versionId);
	}

	/** The report_version column behind a field's key, or null for an area row. */
	public static String column(String target) {
		return FIELDS.stream().filter(f -> f.key().equals(target)).map(Field::column).findFirst().orElse(null);
	}

}
