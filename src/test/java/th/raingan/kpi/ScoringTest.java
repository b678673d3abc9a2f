package th.raingan.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Scores hand-computed from the Buriram 2565 round-1 letter (the Buriram KPI letter, docs/requirements/overview.md), boundaries first. */
class ScoringTest {

	static KpiTemplate buriram;

	static KpiTemplates.Loaded loaded;

	@BeforeAll
	static void readTheLetters() throws Exception {
		loaded = KpiTemplates.load(new ClassPathResource("kpi/kpi-templates.yaml").getInputStream());
		buriram = loaded.templates().stream().filter(t -> t.id().equals("buriram-2565-round1")).findFirst().orElseThrow();
	}

	private static int level(String indicator, Measurement m) {
		return Scoring.level(buriram.indicator(indicator), m);
	}

	@Test
	void moreThan75IsNotReachedBy75Itself() {
		assertThat(level("T2", Measurement.of("75"))).isZero();
		assertThat(level("T2", Measurement.of("75.01"))).isEqualTo(1);
		assertThat(level("T2", Measurement.of("95"))).isEqualTo(4);
		assertThat(level("T2", Measurement.of("95.01"))).isEqualTo(5);
	}

	@Test
	void atLeast70IsReachedBy70() {
		assertThat(level("T1", Measurement.of("69.99"))).isZero();
		assertThat(level("T1", Measurement.of("70"))).isEqualTo(1);
		assertThat(level("T1", Measurement.of("89.99"))).isEqualTo(4);
		assertThat(level("T1", Measurement.of("90"))).isEqualTo(5);
	}

	@Test
	void scoreRangesAreClosed() {
		assertThat(level("T4.1", Measurement.of("0"))).isEqualTo(1);
		assertThat(level("T4.1", Measurement.of("22"))).isEqualTo(1);
		assertThat(level("T4.1", Measurement.of("23"))).isEqualTo(2);
		assertThat(level("T4.1", Measurement.of("88"))).isEqualTo(4);
		assertThat(level("T4.1", Measurement.of("89"))).isEqualTo(5);
		assertThat(level("T4.1", Measurement.of("110"))).isEqualTo(5);
	}

	@Test
	void milestonesCountInOrder() {
		assertThat(level("T3", Measurement.milestones(0))).isZero();
		assertThat(level("T3", Measurement.milestones(3))).isEqualTo(3);
		assertThat(level("T3", Measurement.milestones(5))).isEqualTo(5);
	}

	@Test
	void thresholdsThatDependOnStaffAndLevelsThatNeedTwoConditions() {
		assertThat(level("T6", Measurement.withStaff("3", 2))).as("2 staff, 3 news items a month").isEqualTo(3);
		assertThat(level("T6", Measurement.withStaff("3", 5))).as("5 staff, 3 items").isEqualTo(1);
		assertThat(Scoring.level(buriram.indicator("I3"), Measurement.of("82", "86"))).as("the lower of the two")
			.isEqualTo(2);
	}

	@Test
	void aDistrictsWeightedTeamScore() {
		Map<Indicator, Integer> levels = new LinkedHashMap<>();
		levels.put(buriram.indicator("T1"), level("T1", Measurement.of("91"))); // 5
		levels.put(buriram.indicator("T2"), level("T2", Measurement.of("92"))); // 4
		levels.put(buriram.indicator("T3"), level("T3", Measurement.milestones(3))); // 3
		levels.put(buriram.indicator("T4.1"), level("T4.1", Measurement.of("40"))); // 2
		levels.put(buriram.indicator("T4.2"), level("T4.2", Measurement.of("12"))); // 1
		levels.put(buriram.indicator("T5"), level("T5", Measurement.of("100"))); // 5
		levels.put(buriram.indicator("T6"), level("T6", Measurement.withStaff("3", 2))); // 3
		assertThat(levels.values()).containsExactly(5, 4, 3, 2, 1, 5, 3);
		// (20x5 + 20x4 + 15x3 + 20x2 + 15x1 + 5x5 + 5x3) / 100 = 320 / 100
		BigDecimal score = Scoring.weightedScore(levels);
		assertThat(score).isEqualByComparingTo("3.20");
		assertThat(Scoring.percent(score)).isEqualByComparingTo("64.00");
	}

	@Test
	void howFarFromTheNextLevel() {
		assertThat(Scoring.toNextLevel(buriram.indicator("T2"), Measurement.of("92")))
			.isEqualTo("ระดับ 5: ต้องมากกว่า 95 (ขาดอีก 3 และมากกว่านั้น)");
		assertThat(Scoring.toNextLevel(buriram.indicator("T1"), Measurement.of("72.5")))
			.isEqualTo("ระดับ 2: ต้องไม่น้อยกว่า 75 (ขาดอีก 2.5)");
		assertThat(Scoring.toNextLevel(buriram.indicator("T4.1"), Measurement.of("40")))
			.isEqualTo("ระดับ 3: ต้องได้อย่างน้อย 45 คะแนน (ขาดอีก 5)");
		assertThat(Scoring.toNextLevel(buriram.indicator("T3"), Measurement.milestones(2)))
			.startsWith("ระดับ 3: วิเคราะห์ผลการประเมินตนเอง");
		assertThat(Scoring.toNextLevel(buriram.indicator("T1"), Measurement.of("95"))).isNull();
	}

	@Test
	void theLettersTemplatesLoadAndWhatDoesNotHoldIsReported() {
		assertThat(loaded.templates()).extracting(KpiTemplate::id)
			.contains("buriram-2565-round1", "department-province-2565", "loei-2569-round1");
		assertThat(buriram.team()).hasSize(7);
		assertThat(loaded.problems()).as("Loei's letter gives its one indicator no weight")
			.containsExactly("แม่แบบ loei-2569-round1 ตัวชี้วัด T2: ไม่ได้ระบุน้ำหนัก");
	}

	@Test
	void brokenTemplatesAreReportedNeverFixed() {
		String yaml = """
				- template: broken
				  fiscal_year_be: 2570
				  round: 1
				  team:
				    - {id: A, weight: 50, scoring: threshold, comparison: ">", thresholds: [70, 80, 75, 90, 95]}
				    - {id: B, weight: 45, scoring: range, ranges: [[0, 20], [20, 40], [41, 60], [61, 80], [81, 100]]}
				    - {id: C, weight: 0, scoring: threshold, comparison: "=>", thresholds: [1, 2, 3, 4, 5]}
				    - {id: D, weight: 3, scoring: stars}
				""";
		var result = KpiTemplates.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
		assertThat(result.problems()).containsExactly(
				"แม่แบบ broken ตัวชี้วัด A: เกณฑ์ ต้องเรียงจากน้อยไปมาก (ระดับ 3 = 75 ไม่มากกว่าระดับ 2 = 80)",
				"แม่แบบ broken ตัวชี้วัด B: ช่วงคะแนนระดับ 1 และ 2 ซ้อนกัน",
				"แม่แบบ broken ตัวชี้วัด C: เครื่องหมายเปรียบเทียบต้องเป็น > หรือ >= (ได้รับ \"=>\")",
				"แม่แบบ broken ตัวชี้วัด D: ไม่รู้จักวิธีให้คะแนน \"stars\" (ใช้ threshold, range, milestone)",
				"แม่แบบ broken กลุ่ม team: น้ำหนักรวม 98 ไม่เท่ากับ 100");
	}

}
