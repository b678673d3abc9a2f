package th.raingan.project;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.raingan.thai.BuddhistDates;
import th.raingan.thai.FiscalYear;
import th.raingan.thai.ThaiNumbers;

/**
 * When an assigned activity is planned, as the province's letter writes it: a fiscal quarter or quarters
 * ("ไตรมาส ๔", "ไตรมาส ๓-๔"), the whole year ("ทั้งปี"), or two Buddhist-Era dates ("01/06/2567 - 10/06/2567").
 * Quarters are the fiscal year's: 1 Oct-Dec, 2 Jan-Mar, 3 Apr-Jun, 4 Jul-Sep.
 */
public record ActivityPeriod(LocalDate start, LocalDate end) {

	private static final Pattern QUARTERS = Pattern.compile("(?:ไตรมาส(?:ที่)?|Q)\\s*([1-4])(?:\\s*[-–]\\s*(?:ไตรมาส(?:ที่)?|Q)?\\s*([1-4]))?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DATES = Pattern.compile("(\\S+)\\s*(?:-|–|ถึง)\\s*(\\S+)");

	/** The whole fiscal year: a year-long project. */
	public static ActivityPeriod wholeYear(FiscalYear year) {
		return new ActivityPeriod(year.start(), year.end());
	}

	/** Quarters {@code from}-{@code to} (1-4) of a fiscal year. */
	public static ActivityPeriod quarters(FiscalYear year, int from, int to) {
		return new ActivityPeriod(year.start().plusMonths(3L * (from - 1)), year.start().plusMonths(3L * to).minusDays(1));
	}

	/**
	 * The period a text names in a fiscal year, or an exception whose message says in Thai what is wrong. Empty
	 * text gives null (no period of its own).
	 */
	public static ActivityPeriod parse(String text, int fiscalYearBe) {
		if (text == null || text.isBlank()) {
			return null;
		}
		FiscalYear year = FiscalYear.of(fiscalYearBe);
		String t = ThaiNumbers.arabicDigits(text.strip());
		if (t.equals("ทั้งปี") || t.equals("ตลอดปี") || t.equals("ตลอดปีงบประมาณ")) {
			return wholeYear(year);
		}
		Matcher q = QUARTERS.matcher(t);
		if (q.matches()) {
			int from = Integer.parseInt(q.group(1));
			int to = q.group(2) == null ? from : Integer.parseInt(q.group(2));
			if (to < from) {
				throw new IllegalArgumentException("ช่วงไตรมาส \"" + text + "\" ต้องเรียงจากน้อยไปมาก เช่น ไตรมาส ๓-๔");
			}
			return quarters(year, from, to);
		}
		Matcher d = DATES.matcher(t);
		if (d.matches()) {
			return of(d.group(1), d.group(2), fiscalYearBe);
		}
		throw new IllegalArgumentException("อ่านช่วงเวลาดำเนินกิจกรรม \"" + text
				+ "\" ไม่ได้ (ใช้ได้: ไตรมาส ๔, ไตรมาส ๓-๔, ทั้งปี หรือ วว/ดด/ปปปป - วว/ดด/ปปปป)");
	}

	/** A period from two dates as typed (Buddhist Era), checked to lie in the fiscal year. */
	public static ActivityPeriod of(String startText, String endText, int fiscalYearBe) {
		FiscalYear year = FiscalYear.of(fiscalYearBe);
		BuddhistDates.Parsed start = BuddhistDates.parse(startText);
		BuddhistDates.Parsed end = BuddhistDates.parse(endText);
		if (!start.isValid()) {
			throw new IllegalArgumentException("วันเริ่มกิจกรรม: " + start.error());
		}
		if (!end.isValid()) {
			throw new IllegalArgumentException("วันสิ้นสุดกิจกรรม: " + end.error());
		}
		ActivityPeriod period = new ActivityPeriod(start.value(), end.value());
		if (period.end.isBefore(period.start)) {
			throw new IllegalArgumentException("วันสิ้นสุดกิจกรรม (" + BuddhistDates.format(period.end)
					+ ") ต้องไม่ก่อนวันเริ่มกิจกรรม (" + BuddhistDates.format(period.start) + ")");
		}
		if (!year.contains(period.start) || !year.contains(period.end)) {
			throw new IllegalArgumentException("ช่วงเวลาดำเนินกิจกรรม " + period.toThai() + " ต้องอยู่ในปีงบประมาณ "
					+ fiscalYearBe + " (" + BuddhistDates.format(year.start()) + " - " + BuddhistDates.format(year.end()) + ")");
		}
		return period;
	}

	/** "01/06/2567 - 10/06/2567". */
	public String toThai() {
		return BuddhistDates.format(start) + " - " + BuddhistDates.format(end);
	}

}
