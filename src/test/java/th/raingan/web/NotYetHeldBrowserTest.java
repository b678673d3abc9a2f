package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportDrafts;
import th.raingan.report.ReportTracker;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;
import th.raingan.thai.FiscalYear;

/**
 * The draft form in Tasklist, as str4201 sees it: the area expenses summed beside the
 * spending and the allocation, and an activity reported as not yet held with only its
 * reason and planned date (the report's other parts hidden and not asked). Screenshots in
 * {@code target/screenshots}.
 */
@ApplicationTest
class NotYetHeldBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	ReportTracker tracker;

	Browser chromium;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void openChromium() {
		chromium = Browser.open(port);
		browser = chromium.driver;
		wait = chromium.wait;
	}

	@AfterEach
	void closeChromium() throws Exception {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void anOfficerReportsAnActivityNotYetHeldWithItsReasonAndPlannedDate() throws Exception {
		// a round of its own (2572-1, so that the dashboard shows this report alone), and
		// the
		// report's fiscal year is its round key's: the planned date lies in 2572
		FiscalYear year = FiscalYear.of(2572);
		String businessKey = "browser-notheld-" + UUID.randomUUID();
		var assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();
		Map<String, Object> inputs = ReportDrafts.inputsFor4201(assignment);
		inputs.put(DistrictReportProcess.ROUND_KEY, "2572-1/42");
		inputs.put(DistrictReportProcess.NEEDS_AREA_DATA, true);
		inputs.put(DistrictReportProcess.ALLOCATION, "3000");
		String instance = runtime.startProcessInstanceByKey(DistrictReportProcess.KEY, businessKey, inputs).getId();
		String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

		chromium.signIn("tasklist", "str4201", "test4201", "งานของหน่วยงาน");
		browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "ส่วนที่ 1 แบบฟอร์มรายงาน"));
		chromium.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.unclaim")));

		type("ผลการใช้จ่ายงบประมาณ (บาท)", "2500");
		type("ค่าใช้จ่ายของพื้นที่นี้ (บาท)", "1,000");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
				"ค่าใช้จ่ายรวมของพื้นที่ 1000 บาท"));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("ผลการใช้จ่ายงบประมาณ 2500 บาท",
				"งบประมาณที่ได้รับจัดสรร 3000 บาท");
		chromium.screenshot("draft-area-sum.png");

		chromium.click(browser.findElement(By.xpath("//label[contains(., 'ยังไม่ได้ดำเนินการ (แจ้งเหตุผล')]")));
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "เหตุผลที่ยังไม่ได้ดำเนินการ"));
		assertThat(
				browser.findElements(By.xpath("//label[normalize-space(translate(., '*', ''))='ผู้รับผิดชอบโครงการ']")))
			.as("part 1 is not asked of an activity not yet held")
			.isEmpty();
		String planned = BuddhistDates.format(year.end().minusDays(10));
		type("เหตุผลที่ยังไม่ได้ดำเนินการ", "รอกำหนดการประชุมของจังหวัด");
		type("วันที่คาดว่าจะดำเนินการแล้วเสร็จ", planned);
		WebElement confirm = browser.findElement(By.xpath("//label[contains(., 'คุณต้องการบันทึกข้อมูล')]"));
		chromium.click(browser.findElement(By.id(confirm.getAttribute("for"))));
		chromium.screenshot("draft-not-held.png");
		chromium
			.click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(., 'ส่งข้อมูล')]"))));
		wait.until(d -> "not_held".equals(tracker.statusOf(businessKey)));
		assertThat(runtime.getVariable(instance, DistrictReportProcess.NOT_HELD_TEXT).toString())
			.contains("รอกำหนดการประชุมของจังหวัด");
		assertThat(tasks.createTaskQuery().processInstanceId(instance).singleResult().getDueDate())
			.isEqualTo(Clock.endOfDay(year.end().minusDays(10)));
		chromium.close();
		chromium = null;

		// the province manager sees it on the dashboard, with the reason, apart from the
		// late reports
		try (Browser cockpit = Browser.open(port)) {
			cockpit.signIn("cockpit", "manager42", "manager42", "ติดตามการรายงานผลของอำเภอ");
			WebElement fiscalYear = cockpit.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".raingan-controls input[type=number]")));
			fiscalYear.clear();
			fiscalYear.sendKeys("2572");
			new org.openqa.selenium.support.ui.Select(
					cockpit.driver.findElement(By.cssSelector(".raingan-controls select")))
				.selectByValue("1");
			cockpit.click(cockpit.driver.findElement(By.xpath("//button[normalize-space(.)='แสดง']")));
			cockpit.waitForText("กิจกรรมที่อำเภอแจ้งว่ายังไม่ได้ดำเนินการ (1)");
			assertThat(cockpit.driver.findElement(By.cssSelector("tr.raingan-not-held-row")).getText())
				.contains("สำนักงานพัฒนาชุมชนอำเภอเมืองเลย", "รอกำหนดการประชุมของจังหวัด", planned);
			assertThat(cockpit.driver.findElement(By.cssSelector("tr.raingan-district[data-office='4201']")).getText())
				.as("assigned 1, overdue 0, not yet held 1, nothing due yet")
				.isEqualTo("สำนักงานพัฒนาชุมชนอำเภอเมืองเลย 1 0 0 0 0 0 0 1 - - -");
			assertThat(cockpit.text()).contains("รายงานที่เลยกำหนดส่ง (0)");
			cockpit.click(cockpit.driver.findElement(By.xpath("//h4[contains(., 'ยังไม่ได้ดำเนินการ')]")));
			cockpit.screenshot("cockpit-dashboard-not-held.png");
		}
	}

	@Test
	void theReviewerSeesASpendingAboveTheAllocationAsAWarning() throws Exception {
		var assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();
		Map<String, Object> inputs = ReportDrafts.inputsFor4201(assignment);
		inputs.put(DistrictReportProcess.ALLOCATION, "3000");
		// a round of its own in the fiscal year of the draft's dates (a report's fiscal
		// year is its round key's)
		inputs.put(DistrictReportProcess.ROUND_KEY, "2569-9/42");
		String instance = runtime
			.startProcessInstanceByKey(DistrictReportProcess.KEY, "browser-spending-" + UUID.randomUUID(), inputs)
			.getId();
		Map<String, Object> draft = ReportDrafts.valid();
		draft.put(DistrictReportProcess.SPENT_BAHT, "3,500");
		tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(), draft);
		String review = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

		chromium.signIn("tasklist", "review42", "review42", "งานของหน่วยงาน");
		browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + review);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "โปรดตรวจสอบการใช้จ่าย"));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains(
				"ผลการใช้จ่าย 3,500 บาท สูงกว่างบประมาณที่ได้รับจัดสรร 3,000 บาท อยู่ 500 บาท",
				"ค่าใช้จ่ายรวมของพื้นที่ (3 แห่ง) 3,000 บาท", "ระบบไม่ได้ปฏิเสธรายงาน", "อนุมัติ");
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
				"arguments[0].scrollIntoView({block: 'center'})",
				browser.findElement(By.xpath("//h3[contains(., 'โปรดตรวจสอบการใช้จ่าย')]")));
		chromium.screenshot("review-spending-warning.png");
	}

	private void type(String label, String text) {
		WebElement element = wait.until(ExpectedConditions
			.presenceOfElementLocated(By.xpath("//label[normalize-space(translate(., '*', ''))='" + label + "']")));
		WebElement input = browser.findElement(By.id(element.getAttribute("for")));
		input.clear();
		input.sendKeys(text);
	}

}
