package th.raingan.assignment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import th.raingan.project.ActivityPeriod;
import th.raingan.project.DeadlineRule;

/**
 * What the province sets for one assignment, checked and typed; {@code period} null: none
 * of its own.
 */
record AssignmentValues(BigDecimal target, BigDecimal allocationBaht, BigDecimal planBaht, ActivityPeriod period,
		DeadlineRule rule, boolean needsAreaData, Boolean evaluationRequired) {

	/** Each field as the screen and the change log show it, to compare old with new. */
	Map<AssignmentField, String> shown(int fiscalYearBe) {
		Map<AssignmentField, String> shown = new LinkedHashMap<>();
		shown.put(AssignmentField.TARGET, amount(target));
		shown.put(AssignmentField.ALLOCATION, amount(allocationBaht));
		shown.put(AssignmentField.PLAN, amount(planBaht));
		shown.put(AssignmentField.PERIOD, ActivityPeriod.text(period, fiscalYearBe));
		shown.put(AssignmentField.RULE, rule.kind() == DeadlineRule.Kind.ROUND_DEADLINE ? "ตามโครงการ" : rule.text());
		shown.put(AssignmentField.AREA_DATA, needsAreaData ? "ต้องกรอก" : "ไม่ต้องกรอก");
		shown.put(AssignmentField.EVALUATION,
				evaluationRequired == null ? "ตามโครงการ" : evaluationRequired ? "ต้องประเมินผล" : "ไม่ต้องประเมินผล");
		return shown;
	}

	/** The fields whose shown value differs: old -> new. */
	Map<AssignmentField, String[]> changesTo(AssignmentValues after, int fiscalYearBe) {
		Map<AssignmentField, String> before = shown(fiscalYearBe);
		Map<AssignmentField, String[]> changes = new LinkedHashMap<>();
		after.shown(fiscalYearBe).forEach((field, value) -> {
			if (!Objects.equals(before.get(field), value)) {
				changes.put(field, new String[] { before.get(field), value });
			}
		});
		return changes;
	}

	boolean sameDueDate(AssignmentValues other) {
		return rule.toString().equals(other.rule.toString()) && Objects.equals(activityEnd(), other.activityEnd());
	}

	LocalDate activityStart() {
		return period == null ? null : period.start();
	}

	LocalDate activityEnd() {
		return period == null ? null : period.end();
	}

	static String amount(BigDecimal value) {
		if (value == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(value);
	}

}
