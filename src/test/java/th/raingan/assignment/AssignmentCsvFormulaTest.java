package th.raingan.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import th.raingan.project.ActivityPeriod;
import th.raingan.project.DeadlineRule;
import th.raingan.thai.FiscalYear;

/**
 * The assignments' CSV round trip: the export never hands Excel a formula (a leading
 * quote before {@code = + - @}), and the import takes the quote off again, so a file
 * exported and read back gives the same values.
 */
class AssignmentCsvFormulaTest {

	@Test
	void theExportNeutralisesFormulasAndTheImportGivesThemBack() {
		AssignmentValues values = new AssignmentValues(new BigDecimal("-5"), new BigDecimal("3000"), null,
				ActivityPeriod.wholeYear(FiscalYear.of(2569)), DeadlineRule.ROUND, true, null);
		AssignmentRow row = new AssignmentRow(1, 2569, "42", 1, "+801-112", "=HYPERLINK(\"http://x\",\"y\")", "@คน",
				DeadlineRule.ROUND, false, "4201", "สำนักงานพัฒนาชุมชนอำเภอเมืองเลย", values, null, null, null);
		String csv = new String(AssignmentCsv.export(List.of(row)), StandardCharsets.UTF_8);
		String line = csv.lines().skip(1).findFirst().orElseThrow();
		assertThat(line).startsWith("2569,'+801-112,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",4201,")
			.contains(",-5,'@คน,3000,");

		List<AssignmentInput> back = AssignmentCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(back).singleElement().satisfies(input -> {
			assertThat(input.budgetCode()).isEqualTo("+801-112");
			assertThat(input.target()).isEqualTo("-5");
			assertThat(input.allocationBaht()).isEqualTo("3000");
		});
	}

}
