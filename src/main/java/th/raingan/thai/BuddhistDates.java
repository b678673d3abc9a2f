package th.raingan.thai;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Thai officers read and write them: day/month/year in the Buddhist Era (พ.ศ. = ค.ศ. + 543), Thai or
 * Arabic digits, e.g. "17/03/2569" or "๑๗/๓/๒๕๖๙". ISO dates (2026-03-17) are accepted too, for API callers.
 */
public final class BuddhistDates {

	public static final int ERA_OFFSET = 543;

	private static final Pattern DMY = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})");

	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

	private static final String[] MONTHS = { "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
			"กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม" };

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
			Matcher dmy = DMY.matcher(text);
			if (!dmy.matches()) {
				return Parsed.error("ต้องเป็นวันที่แบบ วว/ดด/ปปปป (พ.ศ.) เช่น 17/03/2569 (ได้รับ \"" + value + "\")");
			}
			int year = Integer.parseInt(dmy.group(3));
			if (year < 2400) {
				return Parsed.error("ให้ระบุปีเป็น พ.ศ. เช่น " + (year + ERA_OFFSET) + " (ได้รับ \"" + value + "\")");
			}
			return Parsed.ok(LocalDate.of(year - ERA_OFFSET, Integer.parseInt(dmy.group(2)),
					Integer.parseInt(dmy.group(1))));
		}
		catch (DateTimeException ex) {
			return Parsed.error("ไม่มีวันที่นี้ในปฏิทิน (ได้รับ \"" + value + "\")");
		}
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
