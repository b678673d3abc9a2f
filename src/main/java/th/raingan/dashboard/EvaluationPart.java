package th.raingan.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/**
 * The dashboards' evaluation part: the kept province evaluation results
 * ({@link EvaluationResults}, supplied by the evaluation plan) on a province's page (per
 * evaluated activity: offices reported, recorded or not yet, and the province figures per
 * key topic) and on the national page (per province: evaluated activities, recorded, not
 * yet), as JSON and as export tables. Access is the caller's (DashboardAccess).
 */
@Component
public class EvaluationPart {

	static final List<String> HEADERS = List.of("ข้อ", "รหัสงบประมาณ", "โครงการ", "กิจกรรม", "หน่วยงานที่มอบหมาย",
			"รายงานอนุมัติแล้ว", "ผลระดับจังหวัด", "ประเด็นที่ประเมิน", "ผู้ตอบแบบประเมิน (คน)",
			"ความรู้ความเข้าใจ (ร้อยละ)", "การนำไปใช้ประโยชน์ (ร้อยละ)", "ความพึงพอใจ (ร้อยละ)",
			"ค่าถ่วงน้ำหนัก ความรู้ความเข้าใจ", "ค่าถ่วงน้ำหนัก การนำไปใช้ประโยชน์", "ค่าถ่วงน้ำหนัก ความพึงพอใจ",
			"บันทึกโดย", "วันที่บันทึก");

	static final String RECORDED = "บันทึกแล้ว";

	static final String NOT_YET = "ยังไม่บันทึก";

	private final ObjectProvider<EvaluationResults> results;

	private final DashboardTables tables;

	EvaluationPart(ObjectProvider<EvaluationResults> results, DashboardTables tables) {
		this.results = results;
		this.tables = tables;
	}

	private List<EvaluationResults.Activity> activities(int fiscalYearBe, String province) {
		return results.orderedStream().flatMap(r -> r.activities(fiscalYearBe, province).stream()).toList();
	}

	/** A province's evaluated activities and their recorded results. */
	public Map<String, Object> province(int fiscalYearBe, String province) {
		List<EvaluationResults.Activity> activities = activities(fiscalYearBe, province);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("fiscalYear", fiscalYearBe);
		body.put("province", province);
		body.put("provinceName", tables.placeName(province));
		body.put("activities", activities.stream().map(EvaluationPart::json).toList());
		long recorded = activities.stream().filter(EvaluationResults.Activity::recorded).count();
		body.put("evaluated", activities.size());
		body.put("recorded", recorded);
		body.put("notYet", activities.size() - recorded);
		return body;
	}

	/** Per province with a plan: evaluated activities, recorded, not yet. */
	public Map<String, Object> nation(int fiscalYearBe) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String province : provinces(fiscalYearBe)) {
			List<EvaluationResults.Activity> activities = activities(fiscalYearBe, province);
			long recorded = activities.stream().filter(EvaluationResults.Activity::recorded).count();
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("provinceCode", province);
			row.put("provinceName", tables.placeName(province));
			row.put("evaluated", activities.size());
			row.put("recorded", recorded);
			row.put("notYet", activities.size() - recorded);
			row.put("assigned", activities.stream().mapToInt(EvaluationResults.Activity::assigned).sum());
			row.put("approved", activities.stream().mapToInt(EvaluationResults.Activity::approved).sum());
			rows.add(row);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("fiscalYear", fiscalYearBe);
		body.put("provinces", rows);
		return body;
	}

	private List<String> provinces(int fiscalYearBe) {
		return results.orderedStream().flatMap(r -> r.provinces(fiscalYearBe).stream()).distinct().sorted().toList();
	}

	/**
	 * The province's results, one row per topic (an activity not yet recorded: one row).
	 */
	public Exports.Table provinceTable(int fiscalYearBe, String province) {
		List<List<Object>> rows = new ArrayList<>();
		for (EvaluationResults.Activity a : activities(fiscalYearBe, province)) {
			rows.addAll(rows(List.of(), a));
		}
		return new Exports.Table("ผลการประเมินผล",
				tables.heading("ผลการประเมินผลโครงการระดับจังหวัด (EA3) ปีงบประมาณ " + fiscalYearBe, province), HEADERS,
				rows, null);
	}

	/** Every province's results, the province in front of each row. */
	public Exports.Table nationTable(int fiscalYearBe) {
		List<List<Object>> rows = new ArrayList<>();
		for (String province : provinces(fiscalYearBe)) {
			for (EvaluationResults.Activity a : activities(fiscalYearBe, province)) {
				rows.addAll(rows(List.of(province, tables.placeName(province)), a));
			}
		}
		List<String> headers = new ArrayList<>(List.of("รหัสจังหวัด", "จังหวัด"));
		headers.addAll(HEADERS);
		return new Exports.Table("ผลการประเมินผล",
				tables.headingAt("ผลการประเมินผลโครงการระดับจังหวัด (EA3) ปีงบประมาณ " + fiscalYearBe, "ทั้งประเทศ"),
				headers, rows, null);
	}

	private static List<List<Object>> rows(List<Object> front, EvaluationResults.Activity a) {
		List<List<Object>> rows = new ArrayList<>();
		List<Object> head = new ArrayList<>(front);
		head.addAll(List.of(a.itemNo() == null ? "" : a.itemNo(), a.budgetCode() == null ? "" : a.budgetCode(),
				a.projectTh(), a.activityTh(), a.assigned(), a.approved(), a.recorded() ? RECORDED : NOT_YET));
		if (a.topics().isEmpty()) {
			List<Object> row = new ArrayList<>(head);
			row.add(null);
			rows.add(row);
			return rows;
		}
		for (EvaluationResults.Topic t : a.topics()) {
			List<Object> row = new ArrayList<>(head);
			row.add(t.topic());
			row.add(t.respondents());
			row.add(t.knowledge());
			row.add(t.use());
			row.add(t.satisfaction());
			row.add(t.weightedKnowledge());
			row.add(t.weightedUse());
			row.add(t.weightedSatisfaction());
			row.add(a.recordedBy());
			row.add(a.recordedAt() == null ? null : Clock.day(a.recordedAt()));
			rows.add(row);
		}
		return rows;
	}

	private static Map<String, Object> json(EvaluationResults.Activity a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("itemNo", a.itemNo());
		m.put("budgetCode", a.budgetCode());
		m.put("projectTh", a.projectTh());
		m.put("activityTh", a.activityTh());
		m.put("evaluationForm", a.evaluationForm());
		m.put("dataForm", a.dataForm());
		m.put("assigned", a.assigned());
		m.put("approved", a.approved());
		m.put("recorded", a.recorded());
		m.put("respondents", a.respondents());
		m.put("districts", a.districts());
		m.put("recordedBy", a.recordedBy());
		m.put("recordedAtTh", a.recordedAt() == null ? null : BuddhistDates.format(Clock.day(a.recordedAt())));
		m.put("adjustReason", a.adjustReason());
		m.put("topics", a.topics().stream().map(t -> {
			Map<String, Object> topic = new LinkedHashMap<>();
			topic.put("topic", t.topic());
			topic.put("respondents", t.respondents());
			topic.put("knowledge", t.knowledge());
			topic.put("use", t.use());
			topic.put("satisfaction", t.satisfaction());
			topic.put("weightedKnowledge", t.weightedKnowledge());
			topic.put("weightedUse", t.weightedUse());
			topic.put("weightedSatisfaction", t.weightedSatisfaction());
			return topic;
		}).toList());
		return m;
	}

}
