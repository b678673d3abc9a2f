package th.raingan.project;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.raingan.thai.BuddhistDates;
import th.raingan.thai.FiscalYear;
import th.raingan.thai.ThaiNumbers;

/**
 * When a report is due, as the provinces' letters put it (docs/requirements/deadlines.md;
 * Chiang Rai's 2567 evaluation plan,
 * src/test/resources/evaluation-plan-2567-chiangrai.csv): {@code by_date:2024-08-15}
 * ("ภายใน ๑๕ สิงหาคม ๒๕๖๗"), {@code within_month:2024-06} ("ภายในเดือนมิถุนายน"),
 * {@code days_after_activity:7} ("ภายใน ๗ วันหลังเสร็จสิ้นการประชุม"), or empty: the
 * round's reporting deadline. The rule's date is the due date, whatever the round's
 * deadline (docs/requirements/deadlines.md): the letter's date is not moved into another
 * round.
 */
public record DeadlineRule(Kind kind, LocalDate date, YearMonth month, int days) {

	public enum Kind {

		ROUND_DEADLINE, BY_DATE, WITHIN_MONTH, DAYS_AFTER_ACTIVITY

	}

	public static final DeadlineRule ROUND = new DeadlineRule(Kind.ROUND_DEADLINE, null, null, 0);

	/** The rule, or an exception whose message says in Thai what is wrong with it. */
	public static DeadlineRule parse(String text) {
		if (text == null || text.isBlank()) {
			return ROUND;
		}
		String[] parts = text.strip().split(":", 2);
		String value = parts.length == 2 ? parts[1].strip() : "";
		try {
			return switch (parts[0].strip()) {
				case "by_date" -> new DeadlineRule(Kind.BY_DATE, LocalDate.parse(value), null, 0);
				case "within_month" -> new DeadlineRule(Kind.WITHIN_MONTH, null, YearMonth.parse(value), 0);
				case "days_after_activity" -> {
					int days = Integer.parseInt(value);
					if (days < 0 || days > 365) {
						throw new IllegalArgumentException(
								"จำนวนวันหลังเสร็จสิ้นกิจกรรมต้องอยู่ระหว่าง 0-365 (ได้รับ " + value + ")");
					}
					yield new DeadlineRule(Kind.DAYS_AFTER_ACTIVITY, null, null, days);
				}
				default -> throw new IllegalArgumentException("ไม่รู้จักกำหนดส่ง \"" + text
						+ "\" (ใช้ได้: by_date:ปปปป-ดด-วว, within_month:ปปปป-ดด, days_after_activity:จำนวนวัน)");
			};
		}
		catch (DateTimeException | NumberFormatException ex) {
			throw new IllegalArgumentException("กำหนดส่ง \"" + text + "\" ไม่ใช่วันที่ที่มีอยู่จริง", ex);
		}
	}

	private static final Pattern DAYS_AFTER = Pattern.compile("ภายใน\\s*(\\d+)\\s*วัน.*");

	private static final Pattern WITHIN_MONTH = Pattern.compile("ภายใน\\s*เดือน\\s*(.+)");

	private static final Pattern BY_DATE = Pattern.compile("ภายใน(?:วันที่)?\\s*(.+)");

	/**
	 * A rule as the provinces' letters write it (the Chiang Rai evaluation letter's
	 * column "ช่วงเวลาการบันทึก BPM"): "ภายใน ๑๕ สิงหาคม ๒๕๖๗" or "ภายใน 15/08/2567" (by
	 * a date), "ภายในเดือนมิถุนายน ๒๕๖๗" (within a month), "ภายใน ๗
	 * วันหลังเสร็จสิ้นการประชุม" (days after the activity); the stored form
	 * ({@code by_date:2024-08-15}) is read too. Empty: {@link #ROUND} (the project's own
	 * rule). A date or month must exist and lie in the fiscal year. Refusals say in Thai
	 * why.
	 */
	public static DeadlineRule read(String text, int fiscalYearBe) {
		if (text == null || text.isBlank()) {
			return ROUND;
		}
		String value = ThaiNumbers.arabicDigits(text.strip()).replaceAll("\\s*\\(.*\\)\\s*$", "");
		Matcher days = DAYS_AFTER.matcher(value);
		Matcher month = WITHIN_MONTH.matcher(value);
		Matcher date = BY_DATE.matcher(value);
		DeadlineRule rule;
		if (value.matches("[a-z_]+:.*")) {
			rule = parse(value);
		}
		else if (days.matches()) {
			rule = parse("days_after_activity:" + days.group(1));
		}
		else if (month.matches()) {
			rule = new DeadlineRule(Kind.WITHIN_MONTH, null,
					readable(() -> BuddhistDates.parseMonth(month.group(1)), text), 0);
		}
		else if (date.matches()) {
			BuddhistDates.Parsed day = BuddhistDates.parse(date.group(1));
			if (!day.isValid()) {
				throw new IllegalArgumentException("อ่านกำหนดส่ง \"" + text.strip() + "\" ไม่ออก: " + day.error());
			}
			rule = new DeadlineRule(Kind.BY_DATE, day.value(), null, 0);
		}
		else {
			throw new IllegalArgumentException("อ่านกำหนดส่งไม่ออก: \"" + text
					+ "\" (เขียนได้เช่น \"ภายใน 15/08/2567\", \"ภายในเดือนมิถุนายน 2567\", \"ภายใน 7 วันหลังเสร็จสิ้นกิจกรรม\" หรือเว้นว่างให้ใช้กำหนดของโครงการ)");
		}
		FiscalYear year = FiscalYear.of(fiscalYearBe);
		Optional<LocalDate> outside = rule.fixedDate().filter(d -> !year.contains(d));
		if (outside.isPresent()) {
			throw new IllegalArgumentException(
					"กำหนดส่ง \"" + text.strip() + "\" (" + BuddhistDates.format(outside.get()) + ") อยู่นอกปีงบประมาณ "
							+ fiscalYearBe + ": กำหนดส่งต้องอยู่ในปีงบประมาณ " + fiscalYearBe + " ("
							+ BuddhistDates.format(year.start()) + " - " + BuddhistDates.format(year.end()) + ")");
		}
		return rule;
	}

	private static <T> T readable(Supplier<T> read, String text) {
		try {
			return read.get();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("อ่านกำหนดส่ง \"" + text.strip() + "\" ไม่ออก: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The rule as the assignments screen and its CSV export write it; {@link #read} reads
	 * it back as the same rule. Empty for the round's deadline (the project's own rule).
	 */
	public String text() {
		return switch (kind) {
			case ROUND_DEADLINE -> "";
			case BY_DATE -> "ภายใน " + BuddhistDates.format(date);
			case WITHIN_MONTH -> "ภายในเดือน" + BuddhistDates.formatMonth(month);
			case DAYS_AFTER_ACTIVITY -> "ภายใน " + days + " วันหลังเสร็จสิ้นกิจกรรม";
		};
	}

	/**
	 * The due date for a report under this rule: the round's deadline, the rule's own
	 * date, or N days after the activity's end; the round's deadline while that end is
	 * not known.
	 */
	public LocalDate dueDate(LocalDate roundDeadline, Optional<LocalDate> activityEnd) {
		return switch (kind) {
			case ROUND_DEADLINE -> roundDeadline;
			case BY_DATE -> date;
			case WITHIN_MONTH -> month.atEndOfMonth();
			case DAYS_AFTER_ACTIVITY -> activityEnd.map(end -> end.plusDays(days)).orElse(roundDeadline);
		};
	}

	/** The day this rule names by itself (by_date, within_month), if any. */
	public Optional<LocalDate> fixedDate() {
		return switch (kind) {
			case BY_DATE -> Optional.of(date);
			case WITHIN_MONTH -> Optional.of(month.atEndOfMonth());
			default -> Optional.empty();
		};
	}

	public boolean countsFromActivityEnd() {
		return kind == Kind.DAYS_AFTER_ACTIVITY;
	}

	/** The rule in Thai, as the letters write it: "ภายใน 7 วันหลังเสร็จสิ้นกิจกรรม". */
	public String toThai() {
		return switch (kind) {
			case ROUND_DEADLINE -> "ภายในวันสุดท้ายของการส่งรายงานของรอบ";
			case BY_DATE -> "ภายใน " + BuddhistDates.formatLong(date);
			case WITHIN_MONTH -> "ภายใน " + BuddhistDates.formatLong(month.atEndOfMonth());
			case DAYS_AFTER_ACTIVITY -> "ภายใน " + days + " วันหลังเสร็จสิ้นกิจกรรม";
		};
	}

	@Override
	public String toString() {
		return switch (kind) {
			case ROUND_DEADLINE -> "";
			case BY_DATE -> "by_date:" + date;
			case WITHIN_MONTH -> "within_month:" + month;
			case DAYS_AFTER_ACTIVITY -> "days_after_activity:" + days;
		};
	}

}
