package th.raingan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The evaluation plan's CSV round trip (ส่งออก CSV, then นำเข้า): no cell starts a
 * formula, and the file read back gives the typed names and topics unchanged.
 */
class PlanCsvFormulaTest {

	@Test
	void theExportNeutralisesFormulasAndReadsBackUnchanged() {
		PlanActivity typed = new PlanActivity(null, 2569, "42", 1, "1", null, "801-112",
				"=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", true, false, null, "-ไตรมาส 2",
				List.of("+ความรู้", "การนำไปใช้"));
		String csv = PlanCsv.write(List.of(typed));
		assertThat(csv).contains("\"'=HYPERLINK(", ",'@SUM(A1),", ",'-ไตรมาส 2,").contains("\"'+ความรู้\n");

		PlanCsv.Parsed back = PlanCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(back.problems()).isEmpty();
		assertThat(back.rows()).singleElement().satisfies(row -> {
			assertThat(row.projectTh()).isEqualTo(typed.projectTh());
			assertThat(row.activityTh()).isEqualTo(typed.activityTh());
			assertThat(row.windowTh()).isEqualTo(typed.windowTh());
			assertThat(row.topics()).containsExactly("+ความรู้", "การนำไปใช้");
		});
	}

}
