package th.raingan.report;

import java.time.LocalDate;
import java.util.List;

import th.raingan.thai.BuddhistDates;
import th.raingan.thai.SafeText;

/**
 * A decision that sends work back (a report returned, a plan reopened, KPI results
 * returned, a signed round reopened) needs a reason the office can act on: text, at least
 * {@value #MIN_REASON} characters, at most {@link ReportValidator#MAX_TEXT}; the reason
 * goes in front of the history the office sees, newest first. One rule for every
 * capability that decides; each names its own refusal heading and field in Thai.
 *
 * @param heading what could not be done, e.g. "บันทึกผลการพิจารณาไม่ได้:"
 * @param field the reason's field label on the form, e.g. "เหตุผลที่ส่งกลับแก้ไข"
 * @param ask what the reason must tell, e.g. "ต้องระบุเหตุผลให้อำเภอทราบว่าต้องแก้ไขอะไร"
 */
public record ReasonedDecision(String heading, String field, String ask) {

	public static final int MIN_REASON = 5;

	/**
	 * The reason, stripped; refused, naming the field, when it is not text, too short or
	 * too long.
	 */
	public String reason(Object value) {
		if (value != null && !(value instanceof String)) {
			throw refused("ต้องเป็นข้อความ (ได้รับข้อมูลชนิดอื่น)");
		}
		String reason = value == null ? "" : ((String) value).strip();
		if (reason.length() < MIN_REASON) {
			throw refused(ask + " (อย่างน้อย " + MIN_REASON + " ตัวอักษร)");
		}
		if (reason.length() > ReportValidator.MAX_TEXT) {
			throw refused("ยาวเกิน " + ReportValidator.MAX_TEXT + " ตัวอักษร");
		}
		return reason;
	}

	/** Refused because no decision was chosen. */
	public ReportRefused noDecision(String decisionField, String choices) {
		return new ReportRefused(heading, List.of(decisionField + ": กรุณาเลือก " + choices));
	}

	private ReportRefused refused(String why) {
		return new ReportRefused(heading, List.of(field + ": " + why));
	}

	/**
	 * The usual history entry: "<วันที่ พ.ศ.> โดย <who>: <reason>", for a form's markdown
	 * (who and the reason as typed, never markup: {@link SafeText#markdown}).
	 */
	public static String entry(LocalDate day, String by, String reason) {
		return BuddhistDates.format(day) + " โดย " + SafeText.markdown(by) + ": " + SafeText.markdown(reason);
	}

	/** The history with the new entry in front (newest first, one entry a line). */
	public static String inFront(Object history, String entry) {
		return history == null || history.toString().isEmpty() ? entry : entry + "\n" + history;
	}

}
