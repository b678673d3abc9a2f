package th.raingan.plan;

import static th.raingan.plan.KpiTargetPlanProcess.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import th.raingan.thai.ThaiNumbers;

/**
 * The rules of the budget bureau's KPI target program (docs/requirements/overview.md), on the server: plan and result fields take
 * digits and {@code , / . -} only; monthly values need their quarter's total; quarter totals need the grand
 * total. Beyond the seed, a total that disagrees with its parts is flagged with the difference; it may be saved,
 * but not signed off.
 */
public final class PlanValidator {

	/** The longest value a plan cell takes ("1,234,567.89" or "5/10" fit many times over; the plan is stored whole). */
	static final int MAX_VALUE = 40;

	private static final Pattern ALLOWED = Pattern.compile("[0-9๐-๙,/.\\-\\s]+");

	private PlanValidator() {
	}

	/** Refusals (nothing is saved) and flags (saved, shown, but block the sign-off). */
	public record Result(Map<String, String> values, List<String> errors, List<String> warnings) {

	}

	public static Result check(Map<String, Object> input, int fiscalYearBe) {
		Map<String, String> values = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		Map<String, String> labels = labels(fiscalYearBe);
		for (Map.Entry<String, String> field : labels.entrySet()) {
			Object raw = input.get(field.getKey());
			String text = raw == null ? "" : raw.toString().strip();
			if (text.length() > MAX_VALUE) {
				errors.add(field.getValue() + ": ยาวเกิน " + MAX_VALUE + " ตัวอักษร (กรอกมา " + text.length() + ")");
				text = "";
			}
			else if (!text.isEmpty() && !ALLOWED.matcher(text).matches()) {
				errors.add(field.getValue() + ": กรอกได้เฉพาะตัวเลข 0-9 และเครื่องหมาย , / . - เท่านั้น (ได้รับ \"" + text + "\")");
			}
			values.put(field.getKey(), text);
		}
		for (int q = 0; q < 4; q++) {
			boolean anyMonth = MONTHS.subList(q * 3, q * 3 + 3).stream().anyMatch(m -> !values.get(m).isEmpty());
			if (anyMonth && values.get(QUARTERS.get(q)).isEmpty()) {
				errors.add(labels.get(QUARTERS.get(q)) + ": ต้องกรอกรวมไตรมาส เมื่อกรอกแผนรายเดือนของไตรมาสนี้");
			}
		}
		boolean anyQuarter = QUARTERS.stream().anyMatch(q -> !values.get(q).isEmpty());
		if (anyQuarter && values.get(TOTAL).isEmpty()) {
			errors.add(labels.get(TOTAL) + ": ต้องกรอกรวมทั้งสิ้น เมื่อกรอกรวมไตรมาส");
		}
		if (errors.isEmpty()) {
			for (int q = 0; q < 4; q++) {
				flag(values, MONTHS.subList(q * 3, q * 3 + 3), QUARTERS.get(q), labels.get(QUARTERS.get(q)),
						"ผลรวมรายเดือน", warnings);
			}
			flag(values, QUARTERS, TOTAL, labels.get(TOTAL), "ผลรวม 4 ไตรมาส", warnings);
		}
		Object factor = input.get(SUCCESS_FACTOR);
		values.put(SUCCESS_FACTOR, factor == null ? "" : factor.toString().strip());
		if (values.get(SUCCESS_FACTOR).length() > 4000) {
			errors.add("Success Factor: ยาวเกิน 4000 ตัวอักษร");
		}
		return new Result(values, errors, warnings);
	}

	/** A total against the sum of its parts, when all of them are plain numbers ("-" counting as nothing). */
	private static void flag(Map<String, String> values, List<String> parts, String total, String label,
			String partsName, List<String> warnings) {
		BigDecimal stated = number(values.get(total));
		if (stated == null || parts.stream().allMatch(p -> values.get(p).isEmpty())) {
			return;
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (String part : parts) {
			BigDecimal value = number(values.get(part));
			if (value == null) {
				return; // a ratio such as "5/10" has no sum to compare
			}
			sum = sum.add(value);
		}
		if (sum.compareTo(stated) != 0) {
			warnings.add(label + ": " + plain(stated) + " ไม่ตรงกับ" + partsName + " " + plain(sum) + " (ต่างกัน "
					+ plain(stated.subtract(sum).abs()) + ")");
		}
	}

	static BigDecimal number(String text) {
		if (text.isEmpty() || text.equals("-")) {
			return text.isEmpty() ? null : BigDecimal.ZERO;
		}
		ThaiNumbers.Parsed parsed = ThaiNumbers.parse(text);
		return parsed.isValid() ? parsed.value() : null;
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	/** The fields' labels as the form shows them, with the years in the Buddhist Era. */
	public static Map<String, String> labels(int fy) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i < 12; i++) {
			labels.put(MONTHS.get(i), "แผน " + MONTH_LABELS.get(i));
		}
		for (int q = 0; q < 4; q++) {
			labels.put(QUARTERS.get(q), "ไตรมาส " + (q + 1) + " (รวม)");
		}
		labels.put(TOTAL, "รวมทั้งสิ้น");
		for (int back = 3; back >= 1; back--) {
			labels.put("planPrev" + back, "แผน ปีงบประมาณ " + (fy - back));
			labels.put("resultPrev" + back, "ผล ปีงบประมาณ " + (fy - back));
		}
		labels.put("estNext1", "ประมาณการ ปีงบประมาณ " + (fy + 1));
		labels.put("estNext2", "ประมาณการ ปีงบประมาณ " + (fy + 2));
		labels.put("estNext3", "ประมาณการ ปีงบประมาณ " + (fy + 3));
		labels.put("estSpan1", "ประมาณการ ปีงบประมาณ " + (fy + 4) + " - " + (fy + 8));
		labels.put("estSpan2", "ประมาณการ ปีงบประมาณ " + (fy + 9) + " - " + (fy + 13));
		return labels;
	}

}
