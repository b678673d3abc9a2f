package th.raingan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Seed 003's rules for the KPI target plan, and the totals check added to them. */
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
	void onlyDigitsAndCommaSlashDotDashAreTaken() {
		Map<String, Object> plan = consistentPlan();
		plan.put("planOct", "ห้า");
		plan.put("resultPrev3", "80%");
		assertThat(PlanValidator.check(plan, 2570).errors()).containsExactly(
				"แผน ต.ค.: กรอกได้เฉพาะตัวเลข 0-9 และเครื่องหมาย , / . - เท่านั้น (ได้รับ \"ห้า\")",
				"ผล ปีงบประมาณ 2567: กรอกได้เฉพาะตัวเลข 0-9 และเครื่องหมาย , / . - เท่านั้น (ได้รับ \"80%\")");
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
	void theYearsAreNamedInTheBuddhistEraAsTheSeedShows() {
		assertThat(PlanValidator.labels(2570)).containsEntry("planPrev3", "แผน ปีงบประมาณ 2567")
			.containsEntry("estNext3", "ประมาณการ ปีงบประมาณ 2573")
			.containsEntry("estSpan1", "ประมาณการ ปีงบประมาณ 2574 - 2578")
			.containsEntry("estSpan2", "ประมาณการ ปีงบประมาณ 2579 - 2583");
	}

}
