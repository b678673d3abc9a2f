package th.raingan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The one rule for a decision that sends work back: a reason the office can act on,
 * newest first in the history.
 */
class ReasonedDecisionTest {

	final ReasonedDecision returned = new ReasonedDecision("บันทึกผลการพิจารณาไม่ได้:", "เหตุผลที่ส่งกลับแก้ไข",
			"ต้องระบุเหตุผลให้อำเภอทราบว่าต้องแก้ไขอะไร");

	@Test
	void aReasonOfFiveCharactersOrMoreIsKeptStripped() {
		assertThat(returned.reason("  แนบรูป  ")).isEqualTo("แนบรูป");
	}

	@Test
	void aShortMissingLongOrNonTextReasonIsRefusedAtItsField() {
		assertThatThrownBy(() -> returned.reason(" สั้น ")).isInstanceOf(ReportRefused.class)
			.hasMessage("บันทึกผลการพิจารณาไม่ได้: เหตุผลที่ส่งกลับแก้ไข: ต้องระบุเหตุผลให้อำเภอทราบว่าต้องแก้ไขอะไร"
					+ " (อย่างน้อย 5 ตัวอักษร)");
		assertThatThrownBy(() -> returned.reason(null)).isInstanceOf(ReportRefused.class);
		assertThatThrownBy(() -> returned.reason(12345)).hasMessageContaining("เหตุผลที่ส่งกลับแก้ไข: ต้องเป็นข้อความ");
		assertThatThrownBy(() -> returned.reason("ก".repeat(ReportValidator.MAX_TEXT + 1)))
			.hasMessageContaining("เหตุผลที่ส่งกลับแก้ไข: ยาวเกิน " + ReportValidator.MAX_TEXT);
		assertThat(((ReportRefused) catchRefusal()).problems()).hasSize(1);
	}

	private Throwable catchRefusal() {
		try {
			returned.reason("");
			return null;
		}
		catch (ReportRefused r) {
			return r;
		}
	}

	@Test
	void theNewEntryGoesInFront() {
		String first = ReasonedDecision.entry(LocalDate.of(2026, 3, 10), "review42", "แนบรูปถ่าย");
		assertThat(first).isEqualTo("10/03/2569 โดย review42: แนบรูปถ่าย");
		assertThat(ReasonedDecision.inFront(null, first)).isEqualTo(first);
		assertThat(ReasonedDecision.inFront(first, "ใหม่")).isEqualTo("ใหม่\n" + first);
	}

	/**
	 * Every history built from entries (a plan's reopenings, KPI returns and reopenings)
	 * reaches its form's markdown with the reason and the name as typed.
	 */
	@Test
	void anEntryShowsWhatWasTypedNeverMarkup() {
		String entry = ReasonedDecision.entry(LocalDate.of(2026, 3, 10), "review42",
				"<img src=x onerror=alert(1)> [คลิก](http://evil.example) **ตัวหนา**");
		assertThat(entry).isEqualTo("10/03/2569 โดย review42: \\<img src\\=x onerror\\=alert\\(1\\)\\> "
				+ "\\[คลิก\\]\\(http\\://evil\\.example\\) \\*\\*ตัวหนา\\*\\*");
	}

}
