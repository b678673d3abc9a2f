package th.raingan.thai;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Thai officers read and write them: day/month/year in the Buddhist Era (พ.ศ. =
 * ค.ศ. + 543), Thai or Arabic digits, e.g. "17/03/2569" or "๑๗/๓/๒๕๖๙", or as the
 * provinces' letters write them with a Thai month name, full or abbreviated ("๑๕ สิงหาคม
 * ๒๕๖๗", "15 ส.ค. 2567"). ISO dates (2026-03-17) are accepted too, for API callers. A
 * date that does not exist, such as the letters' own "๓๑ มิถุนายน ๒๕๖๗", is refused with
 * a Thai reason.
 */
public final class BuddhistDates {

	public static final int ERA_OFFSET = 543;

	private static final Pattern DMY = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})");

	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

	private static final String[] MONTHS = { "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
			"กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม" };

	private static final String[] SHORT_MONTHS = { "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
			"ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค." };

	/** "๑๕ สิงหาคม ๒๕๖๗", "15 ส.ค. พ.ศ. 2567". */
	private static final Pattern NAMED = Pattern.compile("(\\d{1,2})\\s*([^\\d\\s]+)\\s*(?:พ\\.ศ\\.\\s*)?(\\d{4})");

	/** "สิงหาคม 2567". */
	private static final Pattern MONTH_YEAR = Pattern.compile("([^\\d\\s/]+)\\s*(?:พ\\.ศ\\.\\s*)?(\\d{4})");

	/** "08/2567". */
	private static final Pattern MONTH_SLASH_YEAR = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{4})");

	private BuddhistDates() {
	}

	public static Parsed parse(Object value) {
		if (value == null || value.toString().isBlank()) {
			return Parsed.error("ยังไม่ได้กรอก");
		}
		if (value instanceof java.util.Date date) {
			return Parsed.ok(date.toInstant().atZone(Clock.ZONE).toLocalDate());
		}
		String text = ThaiNumbers.arabicDigits(value.toString().strip());
		try {
			Matcher iso = ISO.matcher(text);
			if (iso.matches()) {
				return Parsed.ok(LocalDate.parse(text));
			}
			Matcher named = NAMED.matcher(text);
			if (named.matches()) {
				int month = month(named.group(2));
				if (month == 0) {
					return Parsed.error("ไม่รู้จักเดือน \"" + named.group(2) + "\" (ได้รับ \"" + value + "\")");
				}
				int year = Integer.parseInt(named.group(3));
				if (year < 2400) {
					return Parsed
						.error("ให้ระบุปีเป็น พ.ศ. เช่น " + (year + ERA_OFFSET) + " (ได้รับ \"" + value + "\")");
				}
				return Parsed.ok(LocalDate.of(year - ERA_OFFSET, month, Integer.parseInt(named.group(1))));
			}
			Matcher dmy = DMY.matcher(text);
			if (!dmy.matches()) {
				return Parsed.error("ต้องเป็นวันที่แบบ วว/ดด/ปปปป (พ.ศ.) เช่น 17/03/2569 (ได้รับ \"" + value + "\")");
			}
			int year = Integer.parseInt(dmy.group(3));
			if (year < 2400) {
				return Parsed.error("ให้ระบุปีเป็น พ.ศ. เช่น " + (year + ERA_OFFSET) + " (ได้รับ \"" + value + "\")");
			}
			return Parsed
				.ok(LocalDate.of(year - ERA_OFFSET, Integer.parseInt(dmy.group(2)), Integer.parseInt(dmy.group(1))));
		}
		catch (DateTimeException ex) {
			return Parsed.error("ไม่มีวันที่นี้ในปฏิทิน (ได้รับ \"" + value + "\")");
		}
	}

	/**
	 * A month as the letters write it ("มิถุนายน ๒๕๖๗", "มิ.ย. 2567") or "06/2567", or an
	 * exception whose message says in Thai what is wrong.
	 */
	public static YearMonth parseMonth(String text) {
		String value = ThaiNumbers.arabicDigits(text.strip());
		Matcher slash = MONTH_SLASH_YEAR.matcher(value);
		Matcher named = MONTH_YEAR.matcher(value);
		int month;
		String year;
		if (slash.matches()) {
			month = Integer.parseInt(slash.group(1));
			year = slash.group(2);
			if (month < 1 || month > 12) {
				throw new IllegalArgumentException("ไม่มีเดือนที่ " + month + " (ได้รับ \"" + text + "\")");
			}
		}
		else if (named.matches()) {
			month = month(named.group(1));
			year = named.group(2);
			if (month == 0) {
				throw new IllegalArgumentException(
						"ไม่รู้จักเดือน \"" + named.group(1) + "\" (ได้รับ \"" + text + "\")");
			}
		}
		else {
			throw new IllegalArgumentException(
					"ต้องเป็นเดือนและปี พ.ศ. เช่น \"มิถุนายน 2567\" หรือ 06/2567 (ได้รับ \"" + text + "\")");
		}
		int be = Integer.parseInt(year);
		if (be < 2400) {
			throw new IllegalArgumentException(
					"ให้ระบุปีเป็น พ.ศ. เช่น " + (be + ERA_OFFSET) + " (ได้รับ \"" + text + "\")");
		}
		return YearMonth.of(be - ERA_OFFSET, month);
	}

	/** "มิถุนายน 2567". */
	public static String formatMonth(YearMonth month) {
		return MONTHS[month.getMonthValue() - 1] + " " + (month.getYear() + ERA_OFFSET);
	}

	/**
	 * 1-12 for a Thai month name, full or abbreviated (with or without its dots); 0 for
	 * none.
	 */
	private static int month(String name) {
		String n = name.strip();
		for (int i = 0; i < 12; i++) {
			if (MONTHS[i].equals(n) || SHORT_MONTHS[i].equals(n) || SHORT_MONTHS[i].replace(".", "").equals(n)) {
				return i + 1;
			}
		}
		return 0;
	}

	/** "17/03/2569". */
	public static String format(LocalDate date) {
		return date.format(DateTimeFormatter.ofPattern("dd/MM/", Locale.ROOT)) + (date.getYear() + ERA_OFFSET);
	}

	/** "17 มีนาคม 2569". */
	public static String formatLong(LocalDate date) {
		return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + (date.getYear() + ERA_OFFSET);
	}

	/** A parsed date or the reason it was refused. */
	public record Parsed(LocalDate value, String error) {

		static Parsed ok(LocalDate value) {
			return new Parsed(value, null);
		}

		static Parsed error(String error) {
			return new Parsed(null, error);
		}

		public boolean isValid() {
			return error == null;
		}

	}

}
