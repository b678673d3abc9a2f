package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import th.raingan.thai.BuddhistDates;
import th.raingan.thai.FiscalYear;
import th.raingan.thai.ThaiNumbers;

/**
 * Checks a district report on the server, whatever the browser checked. Every problem is
 * named with the field's Thai label as the form shows it, so the officer knows what to
 * fix.
 */
public final class ReportValidator {

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** The longest text a submission takes (an outcome, a reason, a comment). */
	public static final int MAX_TEXT = 4000;

	/**
	 * Area rows in part 2: a row is a tambon or a village where the activity was held (an
	 * assignment names "3 ตำบล"; a district has up to some 25 tambons); 100 take an
	 * activity in every tambon of the largest district and its villages besides. With
	 * every text at its longest, 100 rows are 1.5 MB of JSON (web.RequestBounds).
	 */
	public static final int MAX_AREAS = 100;

	private ReportValidator() {
	}

	/** The outcome: a clean draft, or the problems. */
	public record Result(ReportDraft draft, List<String> errors) {

		public boolean isValid() {
			return errors.isEmpty();
		}

	}

	public static Result validate(Map<String, Object> values, List<Map<String, Object>> areas,
			boolean evaluationRequired, FiscalYear fiscalYear) {
		return validate(values, areas, evaluationRequired, true, fiscalYear);
	}

	/**
	 * {@code needsAreaData}: the assignment asks for part 2, so at least one area row;
	 * without it, area rows are optional (checked and kept when given).
	 */
	public static Result validate(Map<String, Object> values, List<Map<String, Object>> areas,
			boolean evaluationRequired, boolean needsAreaData, FiscalYear fiscalYear) {
		return validate(values, areas, evaluationRequired, needsAreaData, fiscalYear, NO_SECTION);
	}

	/** The evaluation's overall figures: knowledge, use, satisfaction (percent). */
	public record Overall(BigDecimal knowledge, BigDecimal use, BigDecimal satisfaction) {

	}

	/**
	 * An evaluation asked per key topic instead of the three overall percentages
	 * (th.raingan.evaluation's EA3), when it {@link #applies} to the report's values: it
	 * checks its own fields, reporting each problem as (field label, reason), and gives
	 * the overall figures, or null when a problem was reported.
	 */
	public interface EvaluationSection {

		boolean applies(Map<String, Object> values);

		Overall check(Map<String, Object> values, Integer respondents, int participants,
				java.util.function.BiConsumer<String, String> error);

	}

	/** No evaluation section: the three overall percentages. */
	public static final EvaluationSection NO_SECTION = new EvaluationSection() {

		@Override
		public boolean applies(Map<String, Object> values) {
			return false;
		}

		@Override
		public Overall check(Map<String, Object> values, Integer respondents, int participants,
				java.util.function.BiConsumer<String, String> error) {
			return null;
		}

	};

	/**
	 * With the evaluation section of another capability (see {@link EvaluationSection}).
	 */
	public static Result validate(Map<String, Object> values, List<Map<String, Object>> areas,
			boolean evaluationRequired, boolean needsAreaData, FiscalYear fiscalYear, EvaluationSection section) {
		Fields f = new Fields();
		String officer = f.text(values.get(OFFICER_NAME), "ผู้รับผิดชอบโครงการ", 255);
		String phone = f.phone(values.get(OFFICER_PHONE), "เบอร์โทรศัพท์ผู้รับผิดชอบ");
		LocalDate start = f.date(values.get(START_DATE), "วันที่เริ่มดำเนินการ", fiscalYear);
		LocalDate end = f.date(values.get(END_DATE), "วันที่สิ้นสุดการดำเนินการ", fiscalYear);
		if (start != null && end != null && end.isBefore(start)) {
			f.error("วันที่สิ้นสุดการดำเนินการ",
					"ต้องไม่ก่อนวันที่เริ่มดำเนินการ (" + BuddhistDates.format(start) + ")");
		}
		String output = f.optionalText(values.get(OUTPUT), "ผลผลิต");
		// "ประเด็นความสำเร็จ (อาจไม่มีข้อมูลให้กรอก)": optional
		String success = f.optionalText(values.get(SUCCESS_POINTS), "ประเด็นความสำเร็จ");
		BigDecimal target = f.number(values.get(TARGET_VALUE), "เป้าหมาย");
		BigDecimal result = f.number(values.get(RESULT_VALUE), "ผลการดำเนินงาน");
		BigDecimal progress = f.percent(values.get(PROGRESS_PERCENT), "ความก้าวหน้า (ร้อยละ)");
		BigDecimal spent = f.number(values.get(SPENT_BAHT), "ผลการใช้จ่ายงบประมาณ (บาท)");

		List<ReportDraft.Area> rows = new ArrayList<>();
		if ((areas == null || areas.isEmpty()) && needsAreaData) {
			f.error("ข้อมูลเชิงพื้นที่", "ต้องมีพื้นที่ดำเนินการอย่างน้อย 1 แห่ง");
		}
		else if (areas != null && areas.size() > MAX_AREAS) {
			f.error("ข้อมูลเชิงพื้นที่", "มีได้ไม่เกิน " + MAX_AREAS + " พื้นที่ (กรอกมา " + areas.size()
					+ " พื้นที่) กรุณารวมพื้นที่ย่อยเป็นรายตำบล");
		}
		else if (areas != null) {
			for (int i = 0; i < areas.size(); i++) {
				Map<String, Object> area = areas.get(i);
				String where = "พื้นที่ที่ " + (i + 1) + " ";
				String place = f.text(area.get(AREA_PLACE), where + "พื้นที่ดำเนินการ (ตำบล/หมู่บ้าน)", 500);
				String group = f.text(area.get(AREA_TARGET_GROUP), where + "กลุ่มเป้าหมาย", 500);
				BigDecimal people = f.whole(area.get(AREA_PEOPLE), where + "จำนวน (คน)");
				String outcome = f.text(area.get(AREA_OUTCOME), where + "ผลที่ได้รับ", MAX_TEXT);
				BigDecimal expense = f.number(area.get(AREA_EXPENSE), where + "ค่าใช้จ่าย (บาท)");
				if (people != null && expense != null && place != null && group != null && outcome != null) {
					rows.add(new ReportDraft.Area(place, group, people.intValueExact(), outcome, expense));
				}
			}
		}

		ReportDraft.Evaluation evaluation = null;
		if (evaluationRequired) {
			BigDecimal respondents = f.whole(values.get(RESPONDENTS), "จำนวนผู้ตอบแบบประเมิน (คน)");
			if (respondents != null && respondents.signum() == 0) {
				f.error("จำนวนผู้ตอบแบบประเมิน (คน)", "ต้องมีผู้ตอบอย่างน้อย 1 คน");
			}
			BigDecimal knowledge;
			BigDecimal use;
			BigDecimal satisfaction;
			if (section.applies(values)) {
				// the evaluation per key topic another capability asks for
				// (th.raingan.evaluation's EA3): respondents
				// at most the people reported in part 2; the three overall figures come
				// from the topics
				int participants = rows.stream().mapToInt(ReportDraft.Area::people).sum();
				if (respondents != null && !rows.isEmpty() && respondents.intValue() > participants) {
					f.error("จำนวนผู้ตอบแบบประเมิน (คน)", "ต้องไม่เกินจำนวนผู้เข้าร่วมที่รายงานในส่วนที่ 2 ("
							+ participants + " คน) แต่กรอก " + respondents.toPlainString());
				}
				Overall overall = section.check(values,
						respondents == null || respondents.signum() == 0 ? null : respondents.intValueExact(),
						participants, f::error);
				knowledge = overall == null ? null : overall.knowledge();
				use = overall == null ? null : overall.use();
				satisfaction = overall == null ? null : overall.satisfaction();
			}
			else {
				knowledge = f.percent(values.get(KNOWLEDGE_PERCENT), "ความรู้ความเข้าใจ (ร้อยละ)");
				use = f.percent(values.get(USE_PERCENT), "การนำไปใช้ประโยชน์ (ร้อยละ)");
				satisfaction = f.percent(values.get(SATISFACTION_PERCENT), "ความพึงพอใจ (ร้อยละ)");
			}
			if (respondents != null && knowledge != null && use != null && satisfaction != null) {
				evaluation = new ReportDraft.Evaluation(respondents.intValueExact(), knowledge, use, satisfaction);
			}
		}
		if (!Boolean.TRUE.equals(values.get(CONFIRM_SUBMIT))
				&& !"true".equals(String.valueOf(values.get(CONFIRM_SUBMIT)))) {
			f.error("ยืนยันการส่งรายงาน", "กรุณาทำเครื่องหมายยืนยันว่าต้องการบันทึกและส่งข้อมูล");
		}
		if (!f.errors.isEmpty()) {
			return new Result(null, f.errors);
		}
		return new Result(new ReportDraft(officer, phone, start, end, output, success, target, result, progress, spent,
				rows, evaluation), List.of());
	}

	/**
	 * A report that the activity is not yet held: a reason and a planned date in the
	 * fiscal year, from today on.
	 */
	public record NotHeld(String reason, LocalDate plannedDate) {

	}

	public record NotHeldResult(NotHeld notHeld, List<String> errors) {

		public boolean isValid() {
			return errors.isEmpty();
		}

	}

	/**
	 * Only the reason and the planned date are asked: nothing else is required of an
	 * activity not yet held.
	 */
	public static NotHeldResult validateNotHeld(Map<String, Object> values, FiscalYear fiscalYear, LocalDate today) {
		Fields f = new Fields();
		String reason = f.text(values.get(NOT_HELD_REASON), "เหตุผลที่ยังไม่ได้ดำเนินการ", MAX_TEXT);
		if (reason != null && reason.length() < 5) {
			f.error("เหตุผลที่ยังไม่ได้ดำเนินการ", "กรุณาระบุเหตุผลให้จังหวัดทราบ (อย่างน้อย 5 ตัวอักษร)");
		}
		LocalDate planned = f.date(values.get(NOT_HELD_PLANNED_DATE), "วันที่คาดว่าจะดำเนินการแล้วเสร็จ", fiscalYear);
		if (planned != null && planned.isBefore(today)) {
			f.error("วันที่คาดว่าจะดำเนินการแล้วเสร็จ",
					"ต้องไม่ก่อนวันนี้ (" + BuddhistDates.format(today) + ") แต่กรอก " + BuddhistDates.format(planned));
		}
		return f.errors.isEmpty() ? new NotHeldResult(new NotHeld(reason.strip(), planned), List.of())
				: new NotHeldResult(null, f.errors);
	}

	/** Whether the officer reports the activity as not yet held. */
	public static boolean reportsNotHeld(Map<String, Object> values) {
		return ACTIVITY_NOT_HELD_VALUE.equals(values.get(ACTIVITY_STATUS));
	}

	/** Collects one message per problem: "label: reason". */
	static final class Fields {

		final List<String> errors = new ArrayList<>();

		void error(String label, String reason) {
			errors.add(label + ": " + reason);
		}

		String text(Object value, String label, int max) {
			if (value == null || value.toString().isBlank()) {
				error(label, "ยังไม่ได้กรอก");
				return null;
			}
			// a REST caller can send a number, a yes/no or a JSON object where the form
			// has a text field
			if (!(value instanceof String)) {
				error(label, "ต้องเป็นข้อความ (ได้รับข้อมูลชนิดอื่น)");
				return null;
			}
			String text = value.toString().strip();
			if (text.length() > max) {
				error(label, "ยาวเกิน " + max + " ตัวอักษร (กรอกมา " + text.length() + ")");
				return null;
			}
			return text;
		}

		String optionalText(Object value, String label) {
			return value == null || value.toString().isBlank() ? null : text(value, label, MAX_TEXT);
		}

		String phone(Object value, String label) {
			String text = text(value, label, 32);
			if (text == null) {
				return null;
			}
			String digits = ThaiNumbers.arabicDigits(text).replaceAll("[\\s-]", "");
			if (!digits.matches("0\\d{8,9}")) {
				error(label, "ต้องเป็นเบอร์โทรศัพท์ 9-10 หลัก ขึ้นต้นด้วย 0 เช่น 042811773 (ได้รับ \"" + text + "\")");
				return null;
			}
			return digits;
		}

		LocalDate date(Object value, String label, FiscalYear year) {
			BuddhistDates.Parsed parsed = BuddhistDates.parse(value);
			if (!parsed.isValid()) {
				error(label, parsed.error());
				return null;
			}
			if (!year.contains(parsed.value())) {
				error(label, "ต้องอยู่ในปีงบประมาณ " + year.yearBe() + " (" + BuddhistDates.format(year.start()) + " - "
						+ BuddhistDates.format(year.end()) + ") แต่กรอก " + BuddhistDates.format(parsed.value()));
				return null;
			}
			return parsed.value();
		}

		BigDecimal number(Object value, String label) {
			ThaiNumbers.Parsed parsed = ThaiNumbers.parse(value);
			if (!parsed.isValid()) {
				error(label, parsed.error());
				return null;
			}
			if (parsed.value().compareTo(new BigDecimal("999999999999")) > 0) {
				error(label, "มากเกินไป (ได้รับ " + value + ")");
				return null;
			}
			return parsed.value();
		}

		BigDecimal whole(Object value, String label) {
			BigDecimal number = number(value, label);
			if (number != null && number.stripTrailingZeros().scale() > 0) {
				error(label, "ต้องเป็นจำนวนเต็ม (ได้รับ " + value + ")");
				return null;
			}
			if (number != null && number.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
				error(label, "มากเกินไป (ได้รับ " + value + ")");
				return null;
			}
			return number;
		}

		BigDecimal percent(Object value, String label) {
			BigDecimal number = number(value, label);
			if (number != null && number.compareTo(HUNDRED) > 0) {
				error(label, "ต้องอยู่ระหว่าง 0 ถึง 100 (ได้รับ " + value + ")");
				return null;
			}
			return number;
		}

	}

}
