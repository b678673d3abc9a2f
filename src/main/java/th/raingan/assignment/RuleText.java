package th.raingan.assignment;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.raingan.project.DeadlineRule;
import th.raingan.thai.FiscalYear;
import th.raingan.thai.ThaiNumbers;

/**
 * A deadline rule as the provinces' letters write it (seed 002's column "ช่วงเวลาการบันทึก BPM"), read into
 * {@link DeadlineRule}: "ภายใน ๑๕ สิงหาคม ๒๕๖๗" or "ภายใน 15/08/2567" (by a date), "ภายในเดือนมิถุนายน ๒๕๖๗" (within a
 * month), "ภายใน ๗ วันหลังเสร็จสิ้นการประชุม" (days after the activity). The stored form ({@code by_date:2024-08-15})
 * is read too. Empty: the project's own rule. Every date must exist and lie in the fiscal year.
 */
final class RuleText {

	private static final Pattern DAYS_AFTER = Pattern.compile("ภายใน\\s*(\\d+)\\s*วัน.*");

	private static final Pattern WITHIN_MONTH = Pattern.compile("ภายใน\\s*เดือน\\s*(.+)");

	private static final Pattern BY_DATE = Pattern.compile("ภายใน(?:วันที่)?\\s*(.+)");

	private RuleText() {
	}

	/** The rule, or an exception whose message says in Thai why it cannot be read. */
	static DeadlineRule parse(String text, int fiscalYearBe) {
		if (text == null || text.isBlank()) {
			return DeadlineRule.ROUND;
		}
		String value = ThaiNumbers.arabicDigits(text.strip()).replaceAll("\\s*\\(.*\\)\\s*$", "");
		Matcher days = DAYS_AFTER.matcher(value);
		Matcher month = WITHIN_MONTH.matcher(value);
		Matcher date = BY_DATE.matcher(value);
		DeadlineRule rule;
		if (value.matches("[a-z_]+:.*")) {
			rule = DeadlineRule.parse(value);
		}
		else if (days.matches()) {
			rule = DeadlineRule.parse("days_after_activity:" + days.group(1));
		}
		else if (month.matches()) {
			rule = DeadlineRule.parse("within_month:" + readable(() -> ThaiDateText.parseMonth(month.group(1)), text));
		}
		else if (date.matches()) {
			rule = DeadlineRule.parse("by_date:" + readable(() -> ThaiDateText.parse(date.group(1)), text));
		}
		else {
			throw new IllegalArgumentException("อ่านกำหนดส่งไม่ออก: \"" + text
					+ "\" (เขียนได้เช่น \"ภายใน 15/08/2567\", \"ภายในเดือนมิถุนายน 2567\", \"ภายใน 7 วันหลังเสร็จสิ้นกิจกรรม\" หรือเว้นว่างให้ใช้กำหนดของโครงการ)");
		}
		FiscalYear year = FiscalYear.of(fiscalYearBe);
		LocalDate bound = switch (rule.kind()) {
			case BY_DATE -> rule.date();
			case WITHIN_MONTH -> rule.month().atEndOfMonth();
			default -> null;
		};
		if (bound != null && !year.contains(bound)) {
			throw new IllegalArgumentException("กำหนดส่ง \"" + text + "\" อยู่นอกปีงบประมาณ " + fiscalYearBe);
		}
		return rule;
	}

	/** A date or month of the rule; a refusal names the rule as it was typed. */
	private static Object readable(java.util.function.Supplier<Object> read, String text) {
		try {
			return read.get();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("อ่านกำหนดส่ง \"" + text.strip() + "\" ไม่ออก: " + ex.getMessage(), ex);
		}
	}

	/** The rule as the screen and the export show it; it reads back as the same rule. Empty: the project's. */
	static String text(DeadlineRule rule) {
		return switch (rule.kind()) {
			case ROUND_DEADLINE -> "";
			case BY_DATE -> "ภายใน " + ThaiDateText.format(rule.date());
			case WITHIN_MONTH -> "ภายในเดือน" + ThaiDateText.formatMonth(rule.month());
			case DAYS_AFTER_ACTIVITY -> "ภายใน " + rule.days() + " วันหลังเสร็จสิ้นกิจกรรม";
		};
	}

	static String text(String stored) {
		return text(DeadlineRule.parse(stored));
	}

}
