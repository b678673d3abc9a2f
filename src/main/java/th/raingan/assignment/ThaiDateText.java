package th.raingan.assignment;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.raingan.thai.BuddhistDates;
import th.raingan.thai.ThaiNumbers;

/**
 * Dates as the provinces' letters and the officers write them: "17/03/2569" (day/month/year, Buddhist Era) or
 * "๑๕ สิงหาคม ๒๕๖๗" (a Thai month name, full or abbreviated, Thai or Arabic digits). A date that does not exist,
 * such as seed 002's own "๓๑ มิถุนายน ๒๕๖๗", is refused with a Thai reason ({@link IllegalArgumentException}).
 */
final class ThaiDateText {

	static final String[] MONTHS = { "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
			"สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม" };

	static final String[] SHORT_MONTHS = { "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
			"ต.ค.", "พ.ย.", "ธ.ค." };

	private static final Pattern LONG = Pattern.compile("(\\d{1,2})\\s*([^\\d\\s]+)\\s*(?:พ\\.ศ\\.\\s*)?(\\d{4})");

	private static final Pattern MONTH_YEAR = Pattern.compile("([^\\d\\s/]+)\\s*(?:พ\\.ศ\\.\\s*)?(\\d{4})");

	private static final Pattern MONTH_SLASH_YEAR = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{4})");

	private ThaiDateText() {
	}

	static LocalDate parse(String text) {
		String value = ThaiNumbers.arabicDigits(text.strip());
		Matcher named = LONG.matcher(value);
		if (named.matches()) {
			int month = month(named.group(2), text);
			int year = beYear(named.group(3), text);
			try {
				return LocalDate.of(year - BuddhistDates.ERA_OFFSET, month, Integer.parseInt(named.group(1)));
			}
			catch (DateTimeException ex) {
				throw new IllegalArgumentException("ไม่มีวันที่นี้ในปฏิทิน (ได้รับ \"" + text + "\")");
			}
		}
		BuddhistDates.Parsed parsed = BuddhistDates.parse(value);
		if (!parsed.isValid()) {
			throw new IllegalArgumentException(parsed.error().replace("\"" + value + "\"", "\"" + text + "\""));
		}
		return parsed.value();
	}

	/** "สิงหาคม 2567", "ส.ค. ๒๕๖๗" or "08/2567". */
	static YearMonth parseMonth(String text) {
		String value = ThaiNumbers.arabicDigits(text.strip());
		Matcher slash = MONTH_SLASH_YEAR.matcher(value);
		if (slash.matches()) {
			int month = Integer.parseInt(slash.group(1));
			if (month < 1 || month > 12) {
				throw new IllegalArgumentException("ไม่มีเดือนที่ " + month + " (ได้รับ \"" + text + "\")");
			}
			return YearMonth.of(beYear(slash.group(2), text) - BuddhistDates.ERA_OFFSET, month);
		}
		Matcher named = MONTH_YEAR.matcher(value);
		if (named.matches()) {
			return YearMonth.of(beYear(named.group(2), text) - BuddhistDates.ERA_OFFSET, month(named.group(1), text));
		}
		throw new IllegalArgumentException("ต้องเป็นเดือนและปี พ.ศ. เช่น \"มิถุนายน 2567\" หรือ 06/2567 (ได้รับ \"" + text + "\")");
	}

	/** "17/03/2569". */
	static String format(LocalDate date) {
		return BuddhistDates.format(date);
	}

	/** "มิถุนายน 2567". */
	static String formatMonth(YearMonth month) {
		return MONTHS[month.getMonthValue() - 1] + " " + (month.getYear() + BuddhistDates.ERA_OFFSET);
	}

	private static int month(String name, String text) {
		String n = name.strip();
		for (int i = 0; i < 12; i++) {
			if (MONTHS[i].equals(n) || SHORT_MONTHS[i].equals(n) || SHORT_MONTHS[i].replace(".", "").equals(n)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException("ไม่รู้จักเดือน \"" + name + "\" (ได้รับ \"" + text + "\")");
	}

	private static int beYear(String digits, String text) {
		int year = Integer.parseInt(digits);
		if (year < 2400) {
			throw new IllegalArgumentException("ให้ระบุปีเป็น พ.ศ. เช่น " + (year + BuddhistDates.ERA_OFFSET) + " (ได้รับ \"" + text + "\")");
		}
		return year;
	}

}
