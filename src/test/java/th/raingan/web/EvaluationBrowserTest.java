package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.EvaluationRounds;
import th.raingan.evaluation.EvaluationFixture;

/**
 * The evaluation as its users see it: Mueang Chiang Rai's officer opens a report of an
 * evaluated activity and finds the EA3 section with the plan's four key topics, adds a
 * topic of its own, and the ไฟล์แนบ tab's EA4 slot; Chiang Rai's strategy unit opens the
 * province's summary task: the districts side by side, the weighted figures, and a
 * refusal naming what is missing (the province's EA4 file) when it records too early.
 */
@ApplicationTest
class EvaluationBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	EvaluationRounds rounds;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@AfterEach
	void reset() {
		ClockUtil.reset();
		identity.clearAuthentication();
	}

	@Test
	void theDistrictsEa3PerTopicAndTheProvincesSummary() throws Exception {
		EvaluationFixture fixture = rounds.plan(EvaluationRounds.OFFICES);
		ProcessInstance mueang = rounds.start(fixture, "5701");
		String draftTask = tasks.createTaskQuery().processInstanceId(mueang.getId()).singleResult().getId();

		try (Browser officer = Browser.open(port, "th-TH")) {
			officer.signIn("tasklist", "str5701", "test5701", "งานของหน่วยงาน");
			officer.driver.get(officer.url("/camunda/app/tasklist/default/#/?task=" + draftTask));
			officer.waitForText("แบบสรุปการประเมินผลรายประเด็น (EA3)");
			officer.waitForText("ทบทวนระเบียบ บทบาทหน้าที่ คณะกรรมการศูนย์จัดการกองทุนชุมชน");
			List<WebElement> topics = officer.driver
				.findElements(By.xpath("//label[normalize-space(translate(., '*', ''))='ประเด็นที่ประเมิน']"));
			assertThat(topics).as("the plan's four topics, one row each").hasSize(4);
			WebElement first = officer.driver.findElement(By.id(topics.get(0).getAttribute("for")));
			assertThat(first.getAttribute("value")).startsWith("๑) ทบทวนระเบียบ");
			assertThat(officer.text()).contains("ความรู้ความเข้าใจ (คน)")
				.contains("ความพึงพอใจ (ร้อยละ)")
				.contains("แบบจัดเก็บข้อมูล (EA4)")
				.doesNotContain("ความรู้ความเข้าใจ (ร้อยละ)\n0 ถึง 100");

			// the office adds a topic of its own
			officer.click(officer.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))));
			officer.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.unclaim")));
			// the add button of the list that holds the topics (the nearest ancestor with
			// one), not part 2's
			WebElement add = officer.driver
				.findElement(By.xpath("(//label[normalize-space(translate(., '*', ''))='ประเด็นที่ประเมิน'])[1]"
						+ "/ancestor::*[.//button[contains(@class,'fjs-repeat-render-add')]][1]"
						+ "//button[contains(@class,'fjs-repeat-render-add')]"));
			((JavascriptExecutor) officer.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", add);
			officer.click(add);
			officer.wait.until(
					d -> d.findElements(By.xpath("//label[normalize-space(translate(., '*', ''))='ประเด็นที่ประเมิน']"))
						.size() == 5);
			List<WebElement> now = officer.driver
				.findElements(By.xpath("//label[normalize-space(translate(., '*', ''))='ประเด็นที่ประเมิน']"));
			WebElement own = officer.driver.findElement(By.id(now.get(4).getAttribute("for")));
			((JavascriptExecutor) officer.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", own);
			own.sendKeys("การใช้แอปพลิเคชันบันทึกหนี้ (ประเด็นของอำเภอ)");
			officer.screenshot("evaluation-district-ea3-topics.png");

			// the ไฟล์แนบ tab has the EA4 slot
			officer.click(officer.wait
				.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='ไฟล์แนบ']"))));
			officer.waitForText("แนบแบบจัดเก็บข้อมูล (EA4)");
			officer.screenshot("evaluation-district-ea4-slot.png");
		}

		// the three districts submit (as the process test does) and are approved
		EvaluationRounds.tenthOfJuly();
		rounds.threeApproved(fixture, mueang);
		ClockUtil.reset();
		String summaryTask = rounds.summaryTask(fixture);

		try (Browser review = Browser.open(port, "th-TH")) {
			review.signIn("tasklist", "review57", "review57", "งานของหน่วยงาน");
			review.driver.get(review.url("/camunda/app/tasklist/default/#/?task=" + summaryTask));
			review.waitForText("สรุปผลการประเมินระดับจังหวัด");
			review.click(review.wait.until(ExpectedConditions
				.elementToBeClickable(By.xpath("//a[normalize-space(.)='สรุปผลการประเมิน (EA3/EA4)']"))));
			review.waitForText("ภาพรวมจังหวัด (ถ่วงน้ำหนักตามจำนวนผู้ตอบ)");
			String page = review.text();
			assertThat(page).contains("สำนักงานพัฒนาชุมชนอำเภอเมืองเชียงราย")
				.contains("สำนักงานพัฒนาชุมชนอำเภอเวียงชัย")
				.contains("สำนักงานพัฒนาชุมชนอำเภอเชียงของ")
				.contains("84.00")
				.contains("ea4-5702.pdf")
				.contains("หน่วยงานที่ได้รับอนุมัติรายงาน 3 จาก 3 หน่วยงาน");
			review.click(review.wait
				.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.raingan-record"))));
			review.waitForText("ไฟล์สรุปแบบจัดเก็บข้อมูล (EA4) ของจังหวัด: ต้องแนบไฟล์");
			review.screenshot("evaluation-province-summary.png");
			assertThat(tasks.createTaskQuery().taskId(summaryTask).count()).as("nothing recorded").isEqualTo(1);
		}
	}

}
