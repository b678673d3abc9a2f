package th.raingan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The managers' CSV exports (ยังไม่ได้ดำเนินการ, รายงานที่เลยกำหนดส่ง, ...) are written
 * by {@link Exports#csv}: a typed text that starts a formula gets a leading quote
 * (OWASP), numbers stay numbers.
 */
class ExportsCsvTest {

	@Test
	void aTypedFormulaIsNeutralisedAndNumbersStayNumbers() {
		Exports.Table table = new Exports.Table("ยังไม่ได้ดำเนินการ", List.of("อำเภอ", "เหตุผล", "จำนวน", "ข้อความ"),
				List.of(Arrays.asList("4201", "=HYPERLINK(\"http://x\",\"y\")", new BigDecimal("-5"), "-5"),
						Arrays.asList("4202", "@SUM(A1:A9)", -12, "+1+cmd|' /C calc'!A0"),
						Arrays.asList("4203", "\t=1", 3, "รองบประมาณ")));
		List<String> lines = Exports.csv(table).lines().toList();
		assertThat(lines.get(1)).isEqualTo("\"4201\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5,\"-5\"");
		assertThat(lines.get(2)).isEqualTo("\"4202\",\"'@SUM(A1:A9)\",-12,\"'+1+cmd|' /C calc'!A0\"");
		assertThat(lines.get(3)).isEqualTo("\"4203\",\"'\t=1\",3,\"รองบประมาณ\"");
	}

}
