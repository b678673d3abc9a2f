package th.raingan.people;

import java.util.Optional;
import java.util.regex.Pattern;

import th.raingan.thai.ThaiNumbers;

/**
 * The rules of a profile's values, the same on the profile screens and in the onboarding
 * import. Each answers the Thai reason a value is refused, or nothing.
 */
final class ProfileFields {

	static final int MAX_NAME = 100;

	static final int MAX_TEXT = 150;

	static final int MAX_EMAIL = 254;

	/**
	 * Camunda's default whitelist for user ids is letters and digits; we keep them lower
	 * case and 3-64 long.
	 */
	static final Pattern USER_ID = Pattern.compile("[a-z0-9]{3,64}");

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	private static final Pattern PHONE = Pattern.compile("(\\+66|0)?[0-9]{8,9}");

	private static final Pattern EXTENSION = Pattern.compile("\\s*(ต่อ|ext\\.?|#)\\s*[0-9]{1,5}$");

	private ProfileFields() {
	}

	static Optional<String> userId(String value) {
		if (value.isEmpty()) {
			return Optional.of("ต้องระบุรหัสผู้ใช้");
		}
		if (!USER_ID.matcher(value).matches()) {
			return Optional
				.of("ใช้ได้เฉพาะตัวอักษรภาษาอังกฤษตัวเล็ก a-z และตัวเลข 0-9 ยาว 3-64 ตัว (ได้รับ \"" + value + "\")");
		}
		return Optional.empty();
	}

	static Optional<String> name(String value) {
		if (value.isEmpty()) {
			return Optional.of("ต้องระบุ");
		}
		if (value.length() > MAX_NAME) {
			return Optional.of("ยาวเกิน " + MAX_NAME + " ตัวอักษร (ได้รับ " + value.length() + " ตัวอักษร)");
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			return Optional.of("มีอักขระควบคุมที่พิมพ์ไม่ได้");
		}
		return Optional.empty();
	}

	static Optional<String> text(String value) {
		if (value.length() > MAX_TEXT) {
			return Optional.of("ยาวเกิน " + MAX_TEXT + " ตัวอักษร (ได้รับ " + value.length() + " ตัวอักษร)");
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			return Optional.of("มีอักขระควบคุมที่พิมพ์ไม่ได้");
		}
		return Optional.empty();
	}

	static Optional<String> email(String value) {
		if (value.isEmpty()) {
			return Optional.of("ต้องระบุ ระบบส่งการแจ้งเตือนไปที่อีเมลนี้");
		}
		if (value.length() > MAX_EMAIL || !EMAIL.matcher(value).matches()) {
			return Optional.of("รูปแบบอีเมลไม่ถูกต้อง เช่น somchai@cdd.go.th (ได้รับ \"" + value + "\")");
		}
		return Optional.empty();
	}

	/**
	 * Optional; a Thai number with or without its leading 0, separators and an extension
	 * allowed.
	 */
	static Optional<String> phone(String value) {
		if (value.isEmpty()) {
			return Optional.empty();
		}
		String digits = EXTENSION.matcher(ThaiNumbers.arabicDigits(value)).replaceFirst("").replaceAll("[\\s().-]", "");
		if (value.length() > 32 || !PHONE.matcher(digits).matches()) {
			return Optional
				.of("รูปแบบเบอร์โทรศัพท์ไม่ถูกต้อง ต้องเป็นตัวเลข 9-10 หลัก เช่น 042-811773 หรือ 081-234-5678 (ได้รับ \""
						+ value + "\")");
		}
		return Optional.empty();
	}

	/**
	 * A value as typed, without surrounding spaces; Thai digits as Arabic where digits
	 * are expected.
	 */
	static String clean(String value) {
		return value == null ? "" : value.strip();
	}

}
