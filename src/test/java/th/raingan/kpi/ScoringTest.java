package th.raingan.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Every level rule of the letters, each a case of the one model (inputs and level
 * tables), with the letters' own numbers at each boundary: Buriram's round 1/2565 (its
 * team and individual ladders), the department's first page and Loei's 2569 letter.
 */
class ScoringTest {

	static KpiTemplates.Loaded loaded;

	static KpiTemplate buriram;

	@BeforeAll
	static void readTheLetters() throws Exception {
		loaded = KpiTemplates.load(new ClassPathResource("kpi/kpi-templates.yaml").getInputStream());
		buriram = template("buriram-2565-round1");
	}

	static KpiTemplate template(String id) {
		return loaded.templates().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
	}

	private static int level(String indicator, Measurement m) {
		return Scoring.level(buriram.indicator(indicator), m);
	}

	private static Measurement t6(String news, int staff) {
		return Measurement.empty().and("news", news).and("staff", String.valueOf(staff));
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
		assertThat(level("T5", Measurement.of("69.99"))).isZero();
		assertThat(level("T5", Measurement.of("70"))).isEqualTo(1);
		assertThat(level("T5", Measurement.of("89.99"))).isEqualTo(4);
		assertThat(level("T5", Measurement.of("90"))).isEqualTo(5);
	}

	@Test
	void t1AsksBothDisbursementAndAdvancesCleared() {
		Measurement spent90 = Measurement.empty().and("disbursement", "90");
		assertThat(level("T1", spent90)).as("advances not entered").isZero();
		assertThat(level("T1", spent90.and("advances", "69.99"))).isZero();
		assertThat(level("T1", spent90.and("advances", "70"))).isEqualTo(1);
		assertThat(level("T1", spent90.and("advances", "90"))).isEqualTo(5);
		assertThat(level("T1", Measurement.empty().and("disbursement", "84.99").and("advances", "100")))
			.as("the lower part decides")
			.isEqualTo(3);
	}

	@Test
	void scoreRangesAreClosed() {
		assertThat(level("T4.1", Measurement.of("0"))).isEqualTo(1);
		assertThat(level("T4.1", Measurement.of("22"))).isEqualTo(1);
		assertThat(level("T4.1", Measurement.of("23"))).isEqualTo(2);
		assertThat(level("T4.1", Measurement.of("88"))).isEqualTo(4);
		assertThat(level("T4.1", Measurement.of("89"))).isEqualTo(5);
		assertThat(level("T4.1", Measurement.of("110"))).isEqualTo(5);
		assertThat(buriram.indicator("T4.1").input("value").max()).as("a score above 110 is refused at entry")
			.isEqualByComparingTo("110");
	}

	@Test
	void milestonesCountInOrderAndADatedOneCountsOnlyByItsDate() {
		assertThat(level("T3", Measurement.steps(0))).isZero();
		assertThat(level("T3", Measurement.steps(3))).isEqualTo(3);
		assertThat(level("T3", Measurement.empty().done("step1", null).done("step3", null))).as("step 2 missing")
			.isEqualTo(1);
		// level 5: evidence sent to the province "ภายในวันที่ 10 มีนาคม 2565"
		assertThat(level("T3", Measurement.steps(4).done("step5", LocalDate.of(2022, 3, 10)))).isEqualTo(5);
		assertThat(level("T3", Measurement.steps(4).done("step5", LocalDate.of(2022, 3, 9)))).isEqualTo(5);
		assertThat(level("T3", Measurement.steps(4).done("step5", LocalDate.of(2022, 3, 11)))).as("a day late")
			.isEqualTo(4);
		assertThat(level("T3", Measurement.steps(5))).as("done, but on no day").isEqualTo(4);
	}

	@Test
	void t6ThresholdsDependOnTheDistrictsStaff() {
		// staff 2: 1, 2, 3, 4, 5 news items a month
		assertThat(level("T6", t6("0", 2))).isZero();
		assertThat(level("T6", t6("1", 2))).as("a 2-person district with one item a month").isEqualTo(1);
		assertThat(level("T6", t6("4", 2))).isEqualTo(4);
		assertThat(level("T6", t6("5", 2))).isEqualTo(5);
		// staff 4 (not more than 4): 2, 4, 6, 8, 10
		assertThat(level("T6", t6("1", 4))).isZero();
		assertThat(level("T6", t6("2", 4))).isEqualTo(1);
		assertThat(level("T6", t6("9", 4))).isEqualTo(4);
		assertThat(level("T6", t6("10", 4))).isEqualTo(5);
		// staff 5 (more than 4): 3, 6, 9, 12, 15
		assertThat(level("T6", t6("2", 5))).isZero();
		assertThat(level("T6", t6("3", 5))).isEqualTo(1);
		assertThat(level("T6", t6("14", 5))).isEqualTo(4);
		assertThat(level("T6", t6("15", 5))).isEqualTo(5);
	}

	@Test
	void i3NeedsBothConditionsWithTheLettersMixedComparisons() {
		Indicator i3 = buriram.indicator("I3");
		// level 1: recorded > 70 and GVH >= 80
		assertThat(Scoring.level(i3, Measurement.empty().and("recorded", "70").and("gvh", "100"))).isZero();
		assertThat(Scoring.level(i3, Measurement.empty().and("recorded", "70.01").and("gvh", "79.99"))).isZero();
		assertThat(Scoring.level(i3, Measurement.empty().and("recorded", "70.01").and("gvh", "80"))).isEqualTo(1);
		assertThat(Scoring.level(i3, Measurement.empty().and("recorded", "82").and("gvh", "86")))
			.as("the lower of the two")
			.isEqualTo(2);
		// level 4: recorded >= 85 (at least) and GVH >= 95
		assertThat(Scoring.level(i3, Measurement.empty().and("recorded", "85").and("gvh", "95"))).isEqualTo(4);
		assertThat(Scoring.level(i3, Measurement.empty().and("recorded", "84.99").and("gvh", "95"))).isEqualTo(3);
		// level 5: recorded > 90 (more than again) and GVH = 100
		assertThat(Scoring.level(i3, Measurement.empty().and("recorded", "90").and("gvh", "100"))).isEqualTo(4);
		assertThat(Scoring.level(i3, Measurement.empty().and("recorded", "90.01").and("gvh", "99.99"))).isEqualTo(4);
		assertThat(Scoring.level(i3, Measurement.empty().and("recorded", "90.01").and("gvh", "100"))).isEqualTo(5);
	}

	@Test
	void i6AsksFourThingsAtEveryLevel() {
		Indicator i6 = buriram.indicator("I6");
		Measurement top = Measurement.empty()
			.and("online", "15")
			.and("channels", "3")
			.and("events", "16")
			.and("textile", "10");
		assertThat(Scoring.level(i6, top)).isEqualTo(5);
		assertThat(Scoring.level(i6, top.and("events", "15"))).as("15 events: level 4 asks 12").isEqualTo(4);
		assertThat(Scoring.level(i6, top.and("channels", "1"))).as("one channel: level 3").isEqualTo(3);
		assertThat(Scoring.level(i6, top.and("textile", "3.99"))).as("textile below level 1's 4 %").isZero();
	}

	@Test
	void t42ChoosesItsTableByWhetherTheDistrictHasOverdueLoans() {
		LocalDate due = LocalDate.of(2022, 3, 31);
		Measurement overdue = Measurement.empty().and("overdue", "1");
		assertThat(level("T4.2", overdue.and("repaid", "9.99"))).isZero();
		assertThat(level("T4.2", overdue.and("repaid", "10"))).isEqualTo(1);
		assertThat(level("T4.2", overdue.and("repaid", "30"))).as("no debt report: levels 4-5 ask for it").isEqualTo(3);
		assertThat(level("T4.2", overdue.and("repaid", "30").done("debt_report", due))).isEqualTo(5);
		assertThat(level("T4.2", overdue.and("repaid", "30").done("debt_report", due.plusDays(1)))).isEqualTo(3);
		assertThat(level("T4.2", overdue.and("repaid", "25").done("debt_report", due))).isEqualTo(4);

		Measurement none = Measurement.empty().and("overdue", "0");
		assertThat(level("T4.2", none.and("repaid", "30"))).as("the overdue table does not apply").isZero();
		assertThat(level("T4.2", none.and("funds_driven", "19.99"))).isZero();
		assertThat(level("T4.2", none.and("funds_driven", "20"))).isEqualTo(1);
		assertThat(level("T4.2", none.and("funds_driven", "20").done("plan_approved", due))).isEqualTo(2);
		assertThat(level("T4.2", none.and("funds_driven", "20").done("plan_approved", due).and("plan_used", "20")))
			.isEqualTo(3);
		assertThat(level("T4.2",
				none.and("funds_driven", "20")
					.done("plan_approved", due)
					.and("plan_used", "20")
					.done("plan_reported", due)
					.done("debt_report", due)))
			.isEqualTo(5);
	}

	@Test
	void aLevelTheLetterGivesNoLadderForIsEntered() {
		Indicator i1 = template("department-province-2565-round2").indicator("I1");
		assertThat(i1.kind()).isEqualTo("level");
		assertThat(Scoring.level(i1, Measurement.of("3"))).isEqualTo(3);
	}

	@Test
	void aDistrictsWeightedTeamScore() {
		Map<Indicator, Integer> levels = new LinkedHashMap<>();
		levels.put(buriram.indicator("T1"),
				level("T1", Measurement.empty().and("disbursement", "91").and("advances", "95"))); // 5
		levels.put(buriram.indicator("T2"), level("T2", Measurement.of("92"))); // 4
		levels.put(buriram.indicator("T3"), level("T3", Measurement.steps(3))); // 3
		levels.put(buriram.indicator("T4.1"), level("T4.1", Measurement.of("40"))); // 2
		levels.put(buriram.indicator("T4.2"),
				level("T4.2", Measurement.empty().and("overdue", "1").and("repaid", "12"))); // 1
		levels.put(buriram.indicator("T5"), level("T5", Measurement.of("100"))); // 5
		levels.put(buriram.indicator("T6"), level("T6", t6("3", 2))); // 3
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
		assertThat(Scoring.toNextLevel(buriram.indicator("T5"), Measurement.of("72.5")))
			.isEqualTo("ระดับ 2: ต้องไม่น้อยกว่า 75 (ขาดอีก 2.5)");
		assertThat(Scoring.toNextLevel(buriram.indicator("T4.1"), Measurement.of("40")))
			.isEqualTo("ระดับ 3: ต้องไม่น้อยกว่า 45 (ขาดอีก 5)");
		assertThat(Scoring.toNextLevel(buriram.indicator("T3"), Measurement.steps(2)))
			.startsWith("ระดับ 3: ขั้นที่ 3 วิเคราะห์ผลการประเมินตนเอง");
		assertThat(Scoring.toNextLevel(buriram.indicator("T3"), Measurement.steps(4)))
			.isEqualTo("ระดับ 5: ขั้นที่ 5 ส่งหลักฐานการดำเนินงานให้จังหวัด ภายในวันที่ 10 มีนาคม 2565");
		assertThat(Scoring.toNextLevel(buriram.indicator("T6"), t6("3", 5)))
			.isEqualTo("ระดับ 2: จำนวนข่าวที่รายงานต่อเดือน ต้องไม่น้อยกว่า 6 (ขาดอีก 3)");
		assertThat(Scoring.toNextLevel(buriram.indicator("I3"),
				Measurement.empty().and("recorded", "86").and("gvh", "90")))
			.as("only what does not hold yet")
			.startsWith("ระดับ 4: ร้อยละของหมู่บ้านตามแผนที่รายงานผล")
			.endsWith("ต้องไม่น้อยกว่า 95 (ขาดอีก 5)");
		assertThat(Scoring.toNextLevel(buriram.indicator("T5"), Measurement.of("95"))).isNull();
	}

	@Test
	void theLettersTemplatesLoadWithoutAProblem() {
		assertThat(loaded.problems()).isEmpty();
		assertThat(loaded.templates()).extracting(KpiTemplate::id)
			.containsExactly("buriram-2565-round1", "department-province-2565-round1",
					"department-province-2565-round2", "loei-2569-round1");
		assertThat(buriram.team()).hasSize(7);
		assertThat(buriram.provinces()).containsExactly("31");
		KpiTemplate department = template("department-province-2565-round1");
		assertThat(department.team()).extracting(i -> i.weight().intValue()).containsExactly(40, 40, 20);
		assertThat(department.individual()).extracting(i -> i.weight().intValue())
			.containsExactly(20, 20, 15, 15, 10, 10, 10);
		assertThat(template("department-province-2565-round2").individual().get(0).nameTh()).endsWith("คงเหลือ");
		assertThat(template("department-province-2565-round2").rounds()).containsExactly(2);
		KpiTemplate loei = template("loei-2569-round1");
		assertThat(loei.team()).singleElement().satisfies(t2 -> {
			assertThat(t2.id()).isEqualTo("T2");
			assertThat(t2.weight()).as("the letter's only team indicator carries the whole weight")
				.isEqualByComparingTo("100");
		});
	}

	@Test
	void aTemplateBelongsToItsYearRoundAndProvince() {
		KpiTemplate department = template("department-province-2565-round1");
		assertThat(department.refusal(2565, 1, "31")).isNull();
		assertThat(department.refusal(2570, 1, "57")).isEqualTo(
				"แม่แบบ \"กรมฯ กับจังหวัด รอบที่ 1/2565 (ทีม 40/40/20 บุคคล 7 ตัวชี้วัด)\" เป็นของปีงบประมาณ 2565 ใช้กับรอบปี 2570 ไม่ได้");
		assertThat(department.refusal(2565, 2, "31")).contains("ใช้กับรอบที่ 1 เท่านั้น");
		assertThat(template("loei-2569-round1").refusal(2569, 1, "31")).contains("เป็นของจังหวัดอื่น");
	}

	@Test
	void brokenTemplatesAreReportedNeverFixed() {
		String yaml = """
				- template: broken
				  round: 3
				  team:
				    - {id: A, weight: 50, scoring: threshold, comparison: ">", thresholds: [70, 80, 75, 90, 95]}
				    - {id: B, weight: 45, scoring: range, ranges: [[0, 20], [20, 40], [41, 60], [61, 80], [81, 100]]}
				    - {id: C, weight: 0, scoring: threshold, comparison: "=>", thresholds: [1, 2, 3, 4, 5]}
				    - {id: D, weight: 3, scoring: stars}
				    - id: E
				      scoring: rules
				      inputs: [{id: news}]
				      cases:
				        - when: [staff <= 2]
				          levels: [[news >= 1], [news ~ 2]]
				""";
		var result = KpiTemplates.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
		assertThat(result.problems()).containsExactly("แม่แบบ broken: รอบการประเมินต้องเป็น 1 หรือ 2 (ได้รับ 3)",
				"แม่แบบ broken: ไม่ได้ระบุปีงบประมาณ (fiscal_year_be เป็นปี พ.ศ.)",
				"แม่แบบ broken ตัวชี้วัด A: เกณฑ์ ต้องเรียงจากน้อยไปมาก (ระดับ 3 = 75 น้อยกว่าระดับ 2 = 80)",
				"แม่แบบ broken ตัวชี้วัด B: ช่วงคะแนนระดับ 1 และ 2 ซ้อนกัน",
				"แม่แบบ broken ตัวชี้วัด C: เครื่องหมายเปรียบเทียบต้องเป็น > หรือ >= (ได้รับ \"=>\")",
				"แม่แบบ broken ตัวชี้วัด D: ไม่รู้จักวิธีให้คะแนน \"stars\" (ใช้ threshold, range, milestone, level, rules)",
				"แม่แบบ broken ตัวชี้วัด E: ไม่ได้ระบุน้ำหนัก",
				"แม่แบบ broken ตัวชี้วัด E: เงื่อนไข \"staff <= 2\" อ้างถึงข้อมูล \"staff\" ที่ไม่ได้ประกาศใน inputs",
				"แม่แบบ broken ตัวชี้วัด E: เงื่อนไข \"news ~ 2\": ต้องเขียนแบบ \"ตัวแปร เครื่องหมาย ตัวเลข\" (> >= < <= =) หรือ \"ตัวแปร done\" หรือ \"ตัวแปร done by ปปปป-ดด-วว\"",
				"แม่แบบ broken ตัวชี้วัด E: ต้องมีตารางระดับสำหรับกรณีอื่น ๆ (กรณีที่ไม่มี when)");
	}

}
