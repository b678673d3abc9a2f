package th.raingan.project;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.raingan.thai.BuddhistDates;
import th.raingan.thai.FiscalYear;
import th.raingan.thai.ThaiNumbers;

/**
 * When an assigned activity is planned, as the province's letter writes it: a fiscal
 * quarter or quarters ("ไตรมาส ๔", "ไตรมาส ๓-๔", "ไตรมาสที่ 1 - 2", "Q3-4"), the whole
 * year ("ทั้งปี", "ทั้งปีงบประมาณ", "ตลอดปี"), two Buddhist-Era dates ("01/06/2567 -
 * 10/06/2567", "๑ เมษายน ๒๕๖๗ ถึง ๓๐ มิถุนายน ๒๕๖๗") or one (a one-day activity).
 * Quarters are the fiscal year's: 1 Oct-Dec, 2 Jan-Mar, 3 Apr-Jun, 4 Jul-Sep. The period
 * must lie inside the fiscal year. Used by the administrator's CSV import and by the
 * province's assignments screen and CSV alike.
 */
public record ActivityPeriod(LocalDate start, LocalDate end) {

	private static final String QUARTER_WORD = "(?:ไตรมาส(?:ที่)?|Q)";

	private static final Pattern QUARTERS = Pattern.compile(
			QUARTER_WORD + "\\s*(\\d)(?:\\s*(?:[-–]|ถึง)?\\s*" + QUARTER_WORD + "?\\s*(\\d))?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern WHOLE_YEAR = Pattern.compile("(?:ทั้งปี|ตลอดปี)\\s*(?:\\(?\\s*งบประมาณ\\s*\\)?)?");

	private static final Pattern ISO_DATES = Pattern
		.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\s*(?:[-–]|ถึง)\\s*(\\d{4}-\\d{2}-\\d{2}))?");

	private static final Pattern RANGE = Pattern.compile("\\s*(?:[-–]|ถึง)\\s*");

	/** The whole fiscal year: a year-long project. */
	public static ActivityPeriod wholeYear(FiscalYear year) {
		return new ActivityPeriod(year.start(), year.end());
	}

	/** Quarters {@code from}-{@code to} (1-4) of a fiscal year. */
	public static ActivityPeriod quarters(FiscalYear year, int from, int to) {
		return new ActivityPeriod(quarterStart(year, from), quarterStart(year, to).plusMonths(3).minusDays(1));
	}

	/**
	 * The period a text names in a fiscal year, or an exception whose message says in
	 * Thai what is wrong. Empty text gives null (no period of its own).
	 */
	public static ActivityPeriod parse(String text, int fiscalYearBe) {
		if (text == null || text.isBlank()) {
			return null;
		}
		FiscalYear year = FiscalYear.of(fiscalYearBe);
		String t = ThaiNumbers.arabicDigits(text.strip());
		if (WHOLE_YEAR.matcher(t).matches()) {
			return wholeYear(year);
		}
		Matcher q = QUARTERS.matcher(t);
		if (q.matches()) {
			int from = Integer.parseInt(q.group(1));
			int to = q.group(2) == null ? from : Integer.parseInt(q.group(2));
			if (from < 1 || to > 4 || from > to) {
				throw new IllegalArgumentException(
						"ไตรมาสต้องเป็น 1-4 เรียงจากน้อยไปมาก เช่น \"ไตรมาส 3-4\" (ได้รับ \"" + text + "\")");
			}
			return quarters(year, from, to);
		}
		if (t.startsWith("ไตรมาส")) {
			throw new IllegalArgumentException(
					"อ่านช่วงเวลาดำเนินกิจกรรมไม่ได้: ต้องเป็น \"ไตรมาส 3\" หรือ \"ไตรมาส 3-4\" (ได้รับ \"" + text
							+ "\")");
		}
		String[] parts;
		Matcher iso = ISO_DATES.matcher(t);
		if (iso.matches()) {
			parts = iso.group(2) == null ? new String[] { iso.group(1) } : new String[] { iso.group(1), iso.group(2) };
		}
		else {
			parts = RANGE.split(text.strip(), -1);
		}
		if (parts.length > 2 || parts.length == 2 && (parts[0].isBlank() || parts[1].isBlank())) {
			throw new IllegalArgumentException(unreadable(text));
		}
		if (parts.length == 1) {
			BuddhistDates.Parsed day = BuddhistDates.parse(parts[0]);
			if (!day.isValid()) {
				throw new IllegalArgumentException(
						day.error().startsWith("ต้องเป็นวันที่แบบ") ? unreadable(text) : day.error());
			}
			return of(day.value(), day.value(), fiscalYearBe);
		}
		return of(parts[0], parts[1], fiscalYearBe);
	}

	private static String unreadable(String text) {
		return "อ่านช่วงเวลาดำเนินกิจกรรม \"" + text + "\" ไม่ได้ (ใช้ได้: ไตรมาส ๔, ไตรมาส ๓-๔, ทั้งปี"
				+ " หรือ วว/ดด/ปปปป - วว/ดด/ปปปป เช่น \"01/04/2567 - 30/06/2567\")";
	}

	/**
	 * A period from two dates as typed (Buddhist Era), checked to lie in the fiscal year.
	 */
	public static ActivityPeriod of(String startText, String endText, int fiscalYearBe) {
		BuddhistDates.Parsed start = BuddhistDates.parse(startText);
		BuddhistDates.Parsed end = BuddhistDates.parse(endText);
		if (!start.isValid()) {
			throw new IllegalArgumentException("วันเริ่มกิจกรรม: " + start.error());
		}
		if (!end.isValid()) {
			throw new IllegalArgumentException("วันสิ้นสุดกิจกรรม: " + end.error());
		}
		return of(start.value(), end.value(), fiscalYearBe);
	}

	/**
	 * A period from two dates (the screen's two fields), checked to be in order and
	 * inside the fiscal year. Both null: no period of its own (null); one of them only:
	 * refused.
	 */
	public static ActivityPeriod of(LocalDate start, LocalDate end, int fiscalYearBe) {
		if (start == null && end == null) {
			return null;
		}
		if (start == null || end == null) {
			throw new IllegalArgumentException("ต้องระบุทั้งวันเริ่มและวันสิ้นสุดกิจกรรม หรือเว้นว่างทั้งสองช่อง");
		}
		if (end.isBefore(start)) {
			throw new IllegalArgumentException(
					"วันสิ้นสุดกิจกรรม (" + BuddhistDates.format(end) + ") อยู่ก่อนวันเริ่มกิจกรรม ("
							+ BuddhistDates.format(start) + "): วันสิ้นสุดต้องไม่ก่อนวันเริ่มกิจกรรม");
		}
		FiscalYear year = FiscalYear.of(fiscalYearBe);
		ActivityPeriod period = new ActivityPeriod(start, end);
		if (!year.contains(start) || !year.contains(end)) {
			throw new IllegalArgumentException("ช่วงเวลาดำเนินกิจกรรม " + period.toThai() + " อยู่นอกปีงบประมาณ "
					+ fiscalYearBe + ": กิจกรรมต้องอยู่ในปีงบประมาณ " + fiscalYearBe + " ("
					+ BuddhistDates.format(year.start()) + " - " + BuddhistDates.format(year.end()) + ")");
		}
		return period;
	}

	/** "01/06/2567 - 10/06/2567". */
	public String toThai() {
		return BuddhistDates.format(start) + " - " + BuddhistDates.format(end);
	}

	/**
	 * As the assignments screen and its CSV export write it, so that it reads back the
	 * same: "ทั้งปีงบประมาณ", "ไตรมาส 3-4" where it is quarters, else the dates
	 * ("05/06/2567 - 10/06/2567", one date for one day).
	 */
	public String text(int fiscalYearBe) {
		FiscalYear year = FiscalYear.of(fiscalYearBe);
		if (equals(wholeYear(year))) {
			return "ทั้งปีงบประมาณ";
		}
		for (int from = 1; from <= 4; from++) {
			for (int to = from; to <= 4; to++) {
				if (equals(quarters(year, from, to))) {
					return from == to ? "ไตรมาส " + from : "ไตรมาส " + from + "-" + to;
				}
			}
		}
		return start.equals(end) ? BuddhistDates.format(start) : toThai();
	}

	/** The text of a period that may be absent: empty for none. */
	public static String text(ActivityPeriod period, int fiscalYearBe) {
		return period == null ? "" : period.text(fiscalYearBe);
	}

	private static LocalDate quarterStart(FiscalYear year, int quarter) {
		return year.start().plusMonths(3L * (quarter - 1));
	}

}
