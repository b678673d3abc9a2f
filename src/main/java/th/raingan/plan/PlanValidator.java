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
 * The rules of the budget bureau's KPI target program
 * (docs/requirements/kpi-target-plan.md), on the server, exactly: plan and result fields
 * take the digits 0-9 and {@code , / . -} only (no Thai digits, no spaces, no letters);
 * monthly values need their quarter's total; quarter totals need the grand total. The
 * program does not ask totals to add up (its own example, a percent indicator of 85
 * against quarters 15/25/20/20, is valid): for a quantity indicator a total that differs
 * from the sum of its parts is a warning with the difference, saved and shown, never a
 * refusal; a quality indicator's totals are not summed at all.
 */
public final class PlanValidator {

	/**
	 * The longest value a plan cell takes ("1,234,567.89" or "5/10" fit many times over;
	 * the plan is stored whole).
	 */
	static final int MAX_VALUE = 40;

	private static final Pattern ALLOWED = Pattern.compile("[0-9,/.\\-]+");

	private PlanValidator() {
	}

	/**
	 * Refusals (nothing is saved) and warnings (saved and shown, they do not block the
	 * sign-off).
	 */
	public record Result(Map<String, String> values, List<String> errors, List<String> warnings) {

	}

	public static Result check(Map<String, Object> input, int fiscalYearBe) {
		return check(input, fiscalYearBe, true);
	}

	/**
	 * @param quantity a quantity indicator (เชิงปริมาณ): its totals are compared with the
	 * sums of their parts
	 */
	public static Result check(Map<String, Object> input, int fiscalYearBe, boolean quantity) {
		Map<String, String> values = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		Map<String, String> labels = labels(fiscalYearBe);
		for (Map.Entry<String, String> field : labels.entrySet()) {
			Object raw = input.get(field.getKey());
			// a blank field is an empty one; any other space, even before or after the
			// value, is refused (docs/requirements/kpi-target-plan.md)
			String text = raw == null || raw.toString().isBlank() ? "" : raw.toString();
			if (text.length() > MAX_VALUE) {
				errors.add(field.getValue() + ": ยาวเกิน " + MAX_VALUE + " ตัวอักษร (กรอกมา " + text.length() + ")");
				text = "";
			}
			else if (!text.isEmpty() && !ALLOWED.matcher(text).matches()) {
				errors.add(field.getValue()
						+ ": กรอกได้เฉพาะตัวเลข 0-9 และเครื่องหมาย , / . - เท่านั้น ไม่รับเลขไทย ช่องว่าง หรือตัวอักษร (ได้รับ \""
						+ text + "\")");
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
		if (errors.isEmpty() && quantity) {
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

	/**
	 * A total against the sum of its parts, when all of them are plain numbers ("-"
	 * counting as nothing).
	 */
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

	/**
	 * The estimate spans after the three single years, as the KPI target program draws
	 * them for fiscal year 64: 68-72, 73-77, 78-80, i.e. the year + 4 to + 8, + 9 to + 13
	 * and + 14 to + 16.
	 */
	public static int[] span(int fy, int index) {
		return switch (index) {
			case 0 -> new int[] { fy + 4, fy + 8 };
			case 1 -> new int[] { fy + 9, fy + 13 };
			case 2 -> new int[] { fy + 14, fy + 16 };
			default -> throw new IllegalArgumentException("span " + index);
		};
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
		for (int s = 0; s < SPANS.size(); s++) {
			int[] span = span(fy, s);
			labels.put(SPANS.get(s), "ประมาณการ ปีงบประมาณ " + span[0] + " - " + span[1]);
		}
		return labels;
	}

}
