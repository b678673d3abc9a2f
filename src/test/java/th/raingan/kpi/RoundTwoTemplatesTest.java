package th.raingan.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Round 2 (docs/requirements/kpi.md, "Round 2"): Buriram's and Loei's letters publish
 * round-1 templates only, so neither province has a round-2 template of its own.
 * Buriram's round 2/2565 closes with the department's round-2 set (its changed I1 and I2
 * scored by the level entered); Buriram's own set is refused for round 2 and still taken
 * for round 1; Loei's round 2/2569 has no template in force (the department's 2565 sets
 * are of another year), so nothing closes it until a letter is loaded.
 */
class RoundTwoTemplatesTest {

	private final KpiCatalog catalog = letters();

	private static KpiCatalog letters() {
		try {
			return new KpiCatalog();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> usable(String province, int year, int round) {
		return catalog.usable(province, year, round)
			.stream()
			.map(KpiTemplate::id)
			.filter(id -> !id.startsWith("test-"))
			.toList();
	}

	@Test
	void buriramsRoundTwoClosesWithTheDepartmentsRoundTwoSet() {
		assertThat(usable("31", 2565, 1)).containsExactly("buriram-2565-round1", "department-province-2565-round1");
		assertThat(usable("31", 2565, 2)).containsExactly("department-province-2565-round2");
		assertThat(catalog.template("buriram-2565-round1").orElseThrow().refusal(2565, 2, "31")).isEqualTo(
				"แม่แบบ \"บุรีรัมย์ รอบที่ 1/2565 (ทีม 7 ตัวชี้วัด บุคคล 11 ตัวชี้วัด)\" ใช้กับรอบที่ 1 เท่านั้น ไม่ใช่รอบที่ 2");
		KpiTemplate roundTwo = catalog.template("department-province-2565-round2").orElseThrow();
		assertThat(roundTwo.indicator("I1").kind()).isEqualTo("level");
		assertThat(roundTwo.indicator("I1").nameTh()).contains("คงเหลือ");
		assertThat(roundTwo.indicator("I2").kind()).isEqualTo("level");
		assertThat(roundTwo.indicator("I2").nameTh()).contains("ลดหนี้/ปลดหนี้");
		assertThat(catalog.problems("department-province-2565-round2")).isEmpty();
	}

	@Test
	void loeiHasNoTemplateForItsRoundTwo() {
		assertThat(usable("42", 2569, 1)).containsExactly("loei-2569-round1");
		assertThat(usable("42", 2569, 2)).isEmpty();
		assertThat(catalog.template("loei-2569-round1").orElseThrow().refusal(2569, 2, "42"))
			.contains("ใช้กับรอบที่ 1 เท่านั้น ไม่ใช่รอบที่ 2");
	}

}
