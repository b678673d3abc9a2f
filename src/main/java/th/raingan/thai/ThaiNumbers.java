package th.raingan.thai;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers as district officers type them: Thai or Arabic digits, thousands separators, a
 * decimal point. "๑,๐๐๐" and "1,000.50" are numbers; "-", "1-2", "สองพัน", "-5" and
 * "1.2.3" are not.
 */
public final class ThaiNumbers {

	private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?");

	private ThaiNumbers() {
	}

	/** Thai digits ๐-๙ become 0-9; everything else is left as it is. */
	public static String arabicDigits(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			out.append(c >= '๐' && c <= '๙' ? (char) ('0' + (c - '๐')) : c);
		}
		return out.toString();
	}

	/**
	 * The number a person typed, or a Thai reason why it is not one. A value from a
	 * number field (a {@link Number}) is taken as it is; a negative value is refused in
	 * both cases.
	 */
	public static Parsed parse(Object value) {
		if (value == null || value.toString().isBlank()) {
			return Parsed.error("ยังไม่ได้กรอก");
		}
		if (value instanceof Double || value instanceof Float) {
			double d = ((Number) value).doubleValue();
			if (!Double.isFinite(d)) {
				// a REST caller can send NaN or Infinity as a Double variable
				return Parsed.error("ต้องเป็นตัวเลขเท่านั้น (ได้รับ \"" + value + "\")");
			}
		}
		if (value instanceof Number number) {
			BigDecimal decimal = new BigDecimal(number.toString());
			return decimal.signum() < 0 ? Parsed.error("ต้องไม่ติดลบ") : Parsed.ok(decimal);
		}
		String text = arabicDigits(value.toString().strip());
		if (text.startsWith("-") && text.length() > 1 && NUMBER.matcher(text.substring(1)).matches()) {
			return Parsed.error("ต้องไม่ติดลบ");
		}
		if (text.contains("-")) {
			return Parsed.error("ห้ามใส่เครื่องหมาย \"-\" ให้กรอกเป็นตัวเลข (ถ้าไม่มีให้กรอก 0)");
		}
		if (!NUMBER.matcher(text).matches()) {
			return Parsed.error("ต้องเป็นตัวเลขเท่านั้น เช่น 1000 หรือ 1,000.50 (ได้รับ \"" + value + "\")");
		}
		return Parsed.ok(new BigDecimal(text.replace(",", "")));
	}

	/** A parsed number or the reason it was refused. */
	public record Parsed(BigDecimal value, String error) {

		static Parsed ok(BigDecimal value) {
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
