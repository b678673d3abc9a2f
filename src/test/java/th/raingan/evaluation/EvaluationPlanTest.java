package th.raingan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.raingan.ApplicationTest;
import th.raingan.Users;
import th.raingan.project.DeadlineRule;
import th.raingan.project.Project;
import th.raingan.project.ProjectCatalog;

/**
 * The evaluation plan: Chiang Rai's 2567 plan as loaded from the application's data, and
 * the strategy unit's CSV import and export (all rows right or nothing written, each
 * problem with its row and column).
 */
@ApplicationTest
class EvaluationPlanTest {

	@Autowired
	EvaluationPlanService plans;

	@Autowired
	EvaluationApi api;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	IdentityService identity;

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	@Test
	void chiangRai2567IsLoadedWithItsTopics() {
		List<PlanActivity> plan = plans.plan(2567, "57");
		assertThat(plan).hasSize(20);
		assertThat(plan.stream().map(PlanActivity::itemNo).distinct()).hasSize(16);
		assertThat(plan).allSatisfy(a -> assertThat(a.topics()).isNotEmpty());
		assertThat(plan.get(0).topics()).hasSize(6)
			.first()
			.asString()
			.startsWith("๑) ความรู้ความเข้าใจเกี่ยวกับการดำเนินงานด้านเกษตรกรปลอดภัย");
		PlanActivity kboOtop = plan.get(3);
		assertThat(kboOtop.activityTh()).contains("พัฒนา OTOP โดยเครือข่ายองค์ความรู้");
		assertThat(kboOtop.dataForm()).as("the letter's 3.2 has no data form").isFalse();
		assertThat(kboOtop.topics()).hasSize(3);
		PlanActivity district = plan.stream()
			.filter(a -> a.activityTh().endsWith("ระดับอำเภอ") && a.itemNo().equals("7"))
			.findFirst()
			.orElseThrow();
		assertThat(district.topics()).hasSize(4);
		assertThat(district.deadlineRule()).isEqualTo("within_month:2024-07");
		assertThat(plan.get(plan.size() - 1).topics()).hasSize(5);
	}

	@Test
	void theStrategyUnitImportsAndExportsWholePlansOnly() throws Exception {
		int year = 2560 + ThreadLocalRandom.current().nextInt(5);
		String code = String.format("801-112-E%04d-2020-01", ThreadLocalRandom.current().nextInt(10000));
		catalog.save(new Project(null, year, "27", code,
				"ส่งเสริมการออมและพัฒนาทักษะทางการเงิน (Financial Literacy) สระแก้ว", "B1", "คน", null, false,
				DeadlineRule.ROUND));
		String good = "no,project_th,activity_th,evaluation_form,data_form,deadline_rule,window_th,budget_code,topics_th\n"
				+ "1,โครงการส่งเสริมการออม,ส่งเสริมการออมและพัฒนาทักษะทางการเงิน (Financial Literacy),Y,N,by_date:"
				+ (year - 543) + "-09-15,ภายใน ๑๕ กันยายน,,\"๑) การออม\n๒) การวางแผนการเงิน\"\n";
		String bad = good + "2,โครงการที่จังหวัดไม่มี,กิจกรรมที่ไม่มีในบัญชี,Y,Y,,,,๑) ประเด็น\n"
				+ "3,โครงการส่งเสริมการออม,ส่งเสริมการออม,Y,N,,,999-999-X9999-2020-01,\n"
				+ "4,โครงการ,กิจกรรม,ใช่มั้ย,Y,by_date:2020-02-30,,,๑) ก\n";

		Users.signIn(identity, "review27");
		EvaluationApi.Answer refused = api.importCsv("27", year, bad.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().toString())
			.contains("แถวที่ 3 ช่อง activity_th: ไม่พบโครงการที่มีกิจกรรม \"กิจกรรมที่ไม่มีในบัญชี\"")
			.contains(
					"แถวที่ 4 ช่อง topics_th: กิจกรรมที่ใช้แบบประเมินผลต้องมีประเด็นที่ต้องประเมินอย่างน้อย 1 ประเด็น")
			.contains("แถวที่ 5 ช่อง evaluation_form: ต้องเป็น Y หรือ N (ได้รับ \"ใช่มั้ย\")")
			.contains("แถวที่ 5 ช่อง deadline_rule: กำหนดส่ง \"by_date:2020-02-30\" ไม่ใช่วันที่ที่มีอยู่จริง");
		assertThat(plans.plan(year, "27")).as("nothing partial").isEmpty();

		// Windows-874, as Thai Excel saves CSV
		EvaluationApi.Answer saved = api.importCsv("27", year, good.getBytes(Charset.forName("x-windows-874")));
		assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
		List<PlanActivity> plan = plans.plan(year, "27");
		assertThat(plan).singleElement().satisfies(a -> {
			assertThat(a.budgetCode()).isEqualTo(code);
			assertThat(a.topics()).containsExactly("๑) การออม", "๒) การวางแผนการเงิน");
		});
		assertThat(catalog.findProject(year, "27", code)).get().satisfies(p -> {
			assertThat(p.evaluationRequired()).isTrue();
			assertThat(p.deadlineRule().kind()).isEqualTo(DeadlineRule.Kind.BY_DATE);
		});
		String exported = new String((byte[]) api.exportCsv("27", year).body(), StandardCharsets.UTF_8);
		assertThat(exported).startsWith("\uFEFFno,project_th")
			.contains(code)
			.contains("\"๑) การออม\n๒) การวางแผนการเงิน\"");
		assertThat(api.importCsv("27", year, exported.getBytes(StandardCharsets.UTF_8)).status())
			.as("the export imports again")
			.isEqualTo(200);

		// a district reads its province's plan, changes nothing; another province's
		// reviewer does neither
		Users.signIn(identity, "str2701");
		assertThat(api.plan("27", year).status()).isEqualTo(200);
		assertThat(api.importCsv("27", year, good.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
		Users.signIn(identity, "review42");
		assertThat(api.plan("27", year).status()).isEqualTo(403);
		assertThat(api.importCsv("27", year, good.getBytes(StandardCharsets.UTF_8)).body().toString())
			.contains(EvaluationAccess.NOT_STRATEGY_UNIT);
	}

}
