package th.raingan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The budget bureau's rules for the KPI target plan, and the totals check added to them.
 */
class PlanValidatorTest {

	private static Map<String, Object> consistentPlan() {
		Map<String, Object> plan = new HashMap<>();
		String[] months = { "5", "5", "10", "10", "10", "10", "10", "10", "10", "10", "5", "5" };
		for (int i = 0; i < 12; i++) {
			plan.put(KpiTargetPlanProcess.MONTHS.get(i), months[i]);
		}
		plan.put("planQ1", "20");
		plan.put("planQ2", "30");
		plan.put("planQ3", "30");
		plan.put("planQ4", "20");
		plan.put("planTotal", "100");
		plan.put("planPrev1", "1,000");
		plan.put("resultPrev1", "9/10");
		plan.put("estSpan1", "-");
		return plan;
	}

	@Test
	void aConsistentPlanPassesWithCommasRatiosAndDashes() {
		PlanValidator.Result result = PlanValidator.check(consistentPlan(), 2570);
		assertThat(result.errors()).isEmpty();
		assertThat(result.warnings()).isEmpty();
		assertThat(result.values()).containsEntry("resultPrev1", "9/10");
	}

	@Test
	void onlyDigitsAndCommaSlashDotDashAreTakenNotThaiDigitsSpacesOrLetters() {
		Map<String, Object> plan = consistentPlan();
		plan.put("planOct", "ห้า");
		plan.put("resultPrev3", "80%");
		plan.put("planPrev2", "๘๐");
		plan.put("estNext1", "1 000");
		plan.put("estNext2", "   ");
		plan.put("estSpan3", "9".repeat(41));
		String rule = ": กรอกได้เฉพาะตัวเลข 0-9 และเครื่องหมาย , / . - เท่านั้น ไม่รับเลขไทย ช่องว่าง หรือตัวอักษร (ได้รับ \"";
		assertThat(PlanValidator.check(plan, 2570).errors()).containsExactly("แผน ต.ค." + rule + "ห้า\")",
				"ผล ปีงบประมาณ 2567" + rule + "80%\")", "แผน ปีงบประมาณ 2568" + rule + "๘๐\")",
				"ประมาณการ ปีงบประมาณ 2571" + rule + "1 000\")",
				"ประมาณการ ปีงบประมาณ 2584 - 2586: ยาวเกิน 40 ตัวอักษร (กรอกมา 41)");
	}

	@Test
	void theBureausExampleIsValidItsDifferenceOnlyAWarning() {
		Map<String, Object> plan = new HashMap<>(
				Map.of("planQ1", "15", "planQ2", "25", "planQ3", "20", "planQ4", "20", "planTotal", "85"));
		PlanValidator.Result quantity = PlanValidator.check(plan, 2564, true);
		assertThat(quantity.errors()).isEmpty();
		assertThat(quantity.warnings()).containsExactly("รวมทั้งสิ้น: 85 ไม่ตรงกับผลรวม 4 ไตรมาส 80 (ต่างกัน 5)");
		PlanValidator.Result quality = PlanValidator.check(plan, 2564, false);
		assertThat(quality.errors()).isEmpty();
		assertThat(quality.warnings()).isEmpty();
	}

	@Test
	void monthlyValuesNeedTheirQuarterTotal() {
		Map<String, Object> plan = consistentPlan();
		plan.remove("planQ2");
		assertThat(PlanValidator.check(plan, 2570).errors())
			.containsExactly("ไตรมาส 2 (รวม): ต้องกรอกรวมไตรมาส เมื่อกรอกแผนรายเดือนของไตรมาสนี้");
	}

	@Test
	void quarterTotalsNeedTheGrandTotal() {
		Map<String, Object> plan = new HashMap<>();
		plan.put("planQ1", "20");
		assertThat(PlanValidator.check(plan, 2570).errors())
			.containsExactly("รวมทั้งสิ้น: ต้องกรอกรวมทั้งสิ้น เมื่อกรอกรวมไตรมาส");
	}

	@Test
	void totalsThatDisagreeWithTheirPartsAreFlaggedWithTheDifference() {
		Map<String, Object> plan = consistentPlan();
		plan.put("planQ1", "25");
		plan.put("planTotal", "1,000");
		assertThat(PlanValidator.check(plan, 2570).warnings()).containsExactly(
				"ไตรมาส 1 (รวม): 25 ไม่ตรงกับผลรวมรายเดือน 20 (ต่างกัน 5)",
				"รวมทั้งสิ้น: 1000 ไม่ตรงกับผลรวม 4 ไตรมาส 105 (ต่างกัน 895)");
	}

	@Test
	void theYearsAreNamedInTheBuddhistEraAsTheManualShows() {
		// the KPI target program manual (docs/requirements/overview.md) for fiscal year
		// 64: 61-63 plan and result, 64, 65-67, then 68-72, 73-77, 78-80
		assertThat(PlanValidator.labels(2564)).containsEntry("planPrev3", "แผน ปีงบประมาณ 2561")
			.containsEntry("resultPrev1", "ผล ปีงบประมาณ 2563")
			.containsEntry("estNext1", "ประมาณการ ปีงบประมาณ 2565")
			.containsEntry("estNext3", "ประมาณการ ปีงบประมาณ 2567")
			.containsEntry("estSpan1", "ประมาณการ ปีงบประมาณ 2568 - 2572")
			.containsEntry("estSpan2", "ประมาณการ ปีงบประมาณ 2573 - 2577")
			.containsEntry("estSpan3", "ประมาณการ ปีงบประมาณ 2578 - 2580");
		assertThat(PlanValidator.labels(2570)).containsEntry("estSpan1", "ประมาณการ ปีงบประมาณ 2574 - 2578")
			.containsEntry("estSpan3", "ประมาณการ ปีงบประมาณ 2584 - 2586");
	}

}
