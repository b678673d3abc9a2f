package th.raingan.assignment;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.raingan.thai.FiscalYear;
import th.raingan.thai.ThaiNumbers;

/**
 * When an assigned activity is planned, as seed 002 writes it: "ไตรมาส ๓-๔", "ไตรมาส 4", "ทั้งปีงบประมาณ", or two
 * dates ("01/04/2567 - 30/06/2567", "๑ เมษายน ๒๕๖๗ ถึง ๓๐ มิถุนายน ๒๕๖๗"); one date is a one-day activity. Empty
 * means not set. The period must lie inside the fiscal year.
 */
record ActivityPeriod(LocalDate start, LocalDate end) {

	static final ActivityPeriod NONE = new ActivityPeriod(null, null);

	private static final Pattern QUARTERS = Pattern.compile("ไตรมาส(?:ที่)?\\s*(\\d)\\s*(?:[-–]|ถึง)?\\s*(\\d)?");

	private static final Pattern WHOLE_YEAR = Pattern.compile("ทั้งปี(?:งบประมาณ)?|ตลอดปี(?:งบประมาณ)?");

	private static final Pattern RANGE = Pattern.compile("\\s*(?:[-–]|ถึง)\\s*");

	boolean isSet() {
		return start != null;
	}

	/** The period a text names in a fiscal year, or an exception with the Thai reason. */
	static ActivityPeriod parse(String text, int fiscalYearBe) {
		if (text == null || text.isBlank()) {
			return NONE;
		}
		FiscalYear year = FiscalYear.of(fiscalYearBe);
		String value = ThaiNumbers.arabicDigits(text.strip());
		if (WHOLE_YEAR.matcher(value).matches()) {
			return new ActivityPeriod(year.start(), year.end());
		}
		Matcher quarters = QUARTERS.matcher(value);
		if (quarters.matches()) {
			int from = Integer.parseInt(quarters.group(1));
			int to = quarters.group(2) == null ? from : Integer.parseInt(quarters.group(2));
			if (from < 1 || to > 4 || from > to) {
				throw new IllegalArgumentException("ไตรมาสต้องเป็น 1-4 เรียงจากน้อยไปมาก เช่น \"ไตรมาส 3-4\" (ได้รับ \"" + text + "\")");
			}
			return new ActivityPeriod(quarterStart(year, from), quarterStart(year, to).plusMonths(3).minusDays(1));
		}
		if (value.startsWith("ไตรมาส")) {
			throw new IllegalArgumentException("ต้องเป็น \"ไตรมาส 3\" หรือ \"ไตรมาส 3-4\" (ได้รับ \"" + text + "\")");
		}
		String[] parts = RANGE.split(text.strip(), -1);
		if (parts.length > 2) {
			throw new IllegalArgumentException("ต้องเป็นวันเริ่ม - วันสิ้นสุด เช่น \"01/04/2567 - 30/06/2567\" (ได้รับ \"" + text + "\")");
		}
		LocalDate start = ThaiDateText.parse(parts[0]);
		LocalDate end = parts.length == 2 ? ThaiDateText.parse(parts[1]) : start;
		return of(start, end, fiscalYearBe);
	}

	/** Two dates typed apart (the screen's two fields); both empty: not set. */
	static ActivityPeriod of(LocalDate start, LocalDate end, int fiscalYearBe) {
		if (start == null && end == null) {
			return NONE;
		}
		if (start == null || end == null) {
			throw new IllegalArgumentException("ต้องระบุทั้งวันเริ่มและวันสิ้นสุดกิจกรรม หรือเว้นว่างทั้งสองช่อง");
		}
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("วันสิ้นสุด (" + ThaiDateText.format(end) + ") อยู่ก่อนวันเริ่ม ("
					+ ThaiDateText.format(start) + ")");
		}
		FiscalYear year = FiscalYear.of(fiscalYearBe);
		if (!year.contains(start) || !year.contains(end)) {
			throw new IllegalArgumentException("ช่วง " + ThaiDateText.format(start) + " - " + ThaiDateText.format(end)
					+ " อยู่นอกปีงบประมาณ " + fiscalYearBe + " (" + ThaiDateText.format(year.start()) + " - "
					+ ThaiDateText.format(year.end()) + ")");
		}
		return new ActivityPeriod(start, end);
	}

	/** As the export writes it, so that it reads back the same: quarters where it is quarters, else dates. */
	String text(int fiscalYearBe) {
		if (!isSet()) {
			return "";
		}
		FiscalYear year = FiscalYear.of(fiscalYearBe);
		if (start.equals(year.start()) && end.equals(year.end())) {
			return "ทั้งปีงบประมาณ";
		}
		Integer from = null;
		Integer to = null;
		for (int q = 1; q <= 4; q++) {
			if (quarterStart(year, q).equals(start)) {
				from = q;
			}
			if (quarterStart(year, q).plusMonths(3).minusDays(1).equals(end)) {
				to = q;
			}
		}
		if (from != null && to != null) {
			return from.equals(to) ? "ไตรมาส " + from : "ไตรมาส " + from + "-" + to;
		}
		return start.equals(end) ? ThaiDateText.format(start)
				: ThaiDateText.format(start) + " - " + ThaiDateText.format(end);
	}

	private static LocalDate quarterStart(FiscalYear year, int quarter) {
		return year.start().plusMonths(3L * (quarter - 1));
	}

}
