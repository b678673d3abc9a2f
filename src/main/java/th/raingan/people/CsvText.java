package th.raingan.people;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded CSV file. Thai Excel saves "CSV (Comma delimited)" in
 * Windows-874 (TIS-620 plus a few signs), newer Excel "CSV UTF-8" with a byte order mark;
 * both are read. A file that is neither is refused, naming what it seems to be, instead
 * of importing mojibake names.
 */
public record CsvText(String text, String encoding) {

	static final String UTF_8 = "UTF-8";

	static final String WINDOWS_874 = "Windows-874 (TIS-620)";

	/**
	 * Thrown for a file whose encoding we do not read; the message is Thai and names the
	 * encoding.
	 */
	public static final class Unreadable extends Exception {

		private static final long serialVersionUID = 1L;

		Unreadable(String message) {
			super(message);
		}

	}

	public static CsvText decode(byte[] bytes) throws Unreadable {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return new CsvText(strict(bytes, 3, StandardCharsets.UTF_8, "UTF-8"), UTF_8);
		}
		if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
				|| (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
			throw new Unreadable("ไฟล์นี้เข้ารหัสแบบ UTF-16 (Excel: \"Unicode Text\") ซึ่งระบบไม่รับ"
					+ " กรุณาบันทึกใหม่เป็น \"CSV UTF-8 (Comma delimited)\" หรือ \"CSV (Comma delimited)\"");
		}
		try {
			return new CsvText(strict(bytes, 0, StandardCharsets.UTF_8, "UTF-8"), UTF_8);
		}
		catch (Unreadable notUtf8) {
			// Thai Excel: every byte above 0x7F is a Thai letter or sign in Windows-874
		}
		String thai;
		try {
			thai = strict(bytes, 0, Charset.forName("x-windows-874"), "Windows-874");
		}
		catch (Unreadable ex) {
			throw new Unreadable("อ่านไฟล์ไม่ได้: ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 หรือ Windows-874 (TIS-620)"
					+ " กรุณาบันทึกจาก Excel เป็น \"CSV UTF-8 (Comma delimited)\"");
		}
		if (thai.codePoints().noneMatch(c -> c >= 0x0E01 && c <= 0x0E5B)) {
			throw new Unreadable("อ่านไฟล์ไม่ได้: ไฟล์ไม่ใช่ UTF-8 และไม่พบอักษรไทยเมื่ออ่านแบบ Windows-874 (TIS-620)"
					+ " กรุณาบันทึกจาก Excel เป็น \"CSV UTF-8 (Comma delimited)\"");
		}
		return new CsvText(thai, WINDOWS_874);
	}

	private static String strict(byte[] bytes, int offset, Charset charset, String name) throws Unreadable {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new Unreadable("อ่านไฟล์แบบ " + name + " ไม่ได้");
		}
	}

}
