package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.assignment.AssignmentDesk;
import th.raingan.project.ProjectCatalog;

/**
 * The province assigns its districts in Tasklist, in headless Chromium: review42 opens
 * "มอบหมายโครงการ", changes Mueang Loei's target and allocation (a negative target first,
 * refused at the field with what was typed kept), a bad CSV file shows its row errors and
 * changes nothing, and str4201's open draft then shows the new target. Screenshots in
 * {@code target/screenshots}.
 */
@ApplicationTest
class AssignmentsBrowserTest {

	static final String BUDGET_CODE = "801-112-T0010-2029-10";

	@LocalServerPort
	int port;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	Browser chromium;

	@BeforeEach
	void openChromium() {
		chromium = Browser.open(port);
	}

	@AfterEach
	void closeChromium() throws Exception {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void reviewerChangesTargetAndAllocationAndTheDistrictsDraftShowsThem() throws Exception {
		AssignmentDesk.project(catalog, "42", BUDGET_CODE, "ทดสอบหน้าจอ ประชุมเชิงปฏิบัติการผู้นำชุมชน", "");
		WebappSession review42 = WebappSession.login(port, "review42", "review42");
		var created = AssignmentDesk.post(review42, AssignmentDesk.BASE + "/assignments" + AssignmentDesk.query("42"),
				AssignmentDesk.newAssignment(BUDGET_CODE, "4201", "14", "3000"));
		assertThat(created.statusCode()).as(WebappSession.text(created)).isEqualTo(200);
		String instance = AssignmentDesk.openReport(runtime, catalog, BUDGET_CODE, "4201",
				"สำนักงานพัฒนาชุมชนอำเภอเมืองเลย");
		String draft = AssignmentDesk.draftTask(tasks, instance);

		chromium.signIn("tasklist", "review42", "review42", "มอบหมายโครงการ");
		chromium.screenshot("assignments-link-review42.png");
		chromium.click(chromium.wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.raingan-assignments-link"))));
		WebElement year = chromium.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector(".raingan-assignments-page input[name=fiscalYear]")));
		year.clear();
		year.sendKeys(String.valueOf(AssignmentDesk.YEAR));
		chromium.click(chromium.driver.findElement(By.cssSelector(".raingan-assignments-page .raingan-show")));
		String row = "tr.raingan-assignment[data-budget='" + BUDGET_CODE + "'][data-office='4201']";
		WebElement edit = chromium.wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector(row + " .raingan-edit")));
		assertThat(chromium.driver.findElement(By.cssSelector(row)).getText()).contains("14", "3,000", "ไตรมาส 3");
		chromium.click(edit);

		WebElement target = form("target");
		target.clear();
		target.sendKeys("-5");
		WebElement allocation = form("allocationBaht");
		allocation.clear();
		allocation.sendKeys("3,500");
		chromium.click(chromium.driver.findElement(By.cssSelector(".raingan-detail .raingan-save")));
		chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector(".raingan-detail .raingan-error[data-field=target]"), "ต้องไม่ติดลบ"));
		assertThat(form("allocationBaht").getAttribute("value")).as("what was typed is kept").isEqualTo("3,500");
		chromium.screenshot("assignments-refused-at-field.png");

		form("target").clear();
		form("target").sendKeys("20");
		chromium.click(chromium.driver.findElement(By.cssSelector(".raingan-detail .raingan-save")));
		chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector(".raingan-assignments-page .raingan-messages"), "ปรับรายงานที่ยังไม่ได้ส่ง 1 ฉบับ"));
		assertThat(chromium.driver.findElement(By.cssSelector(row + " .raingan-target")).getText()).contains("20");
		assertThat(chromium.driver.findElement(By.cssSelector(row + " .raingan-allocation")).getText())
			.isEqualTo("3,500");
		assertThat(chromium.driver.findElement(By.cssSelector(".raingan-changes")).getText()).contains("เป้าหมาย", "14",
				"20", "งบประมาณที่ได้รับจัดสรร (บาท)", "3,500", "หน้าจอ");
		chromium.screenshot("assignments-edited.png");

		// a rule due before the activity's planned end is saved, with the schedule's
		// warning at กำหนดส่ง
		chromium.click(
				chromium.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(row + " .raingan-edit"))));
		form("deadlineRule").clear();
		form("deadlineRule").sendKeys("ภายใน ๑๕ มิถุนายน ๒๕๗๒");
		chromium.click(chromium.driver.findElement(By.cssSelector(".raingan-detail .raingan-save")));
		WebElement warnings = chromium.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector(".raingan-messages .raingan-save-warnings")));
		assertThat(warnings.getText()).contains("คำเตือน", "กำหนดส่ง", "15 มิถุนายน 2572",
				"ก่อนวันสิ้นสุดกิจกรรมตามแผน");
		assertThat(chromium.driver.findElement(By.cssSelector(row + " .raingan-warning")).getText())
			.contains("ก่อนวันสิ้นสุดกิจกรรมตามแผน");
		chromium.screenshot("assignments-saved-with-warning.png");

		Path bad = Files.createTempFile("มอบหมาย-ผิด-", ".csv");
		Files.writeString(bad, "\uFEFFปีงบประมาณ,รหัสงบประมาณ,โครงการ/กิจกรรม,รหัสหน่วยงาน,หน่วยงาน,เป้าหมาย,หน่วยนับ,"
				+ "งบประมาณที่ได้รับจัดสรร (บาท),แผนการใช้จ่าย (บาท),ช่วงดำเนินกิจกรรม,กำหนดส่ง,ข้อมูลเชิงพื้นที่ (ส่วนที่ 2),แบบประเมินผล\n"
				+ "2572," + BUDGET_CODE + ",,4201,,99,,9999,,ไตรมาส ๓-๔,,ใช่,\n" + "2572," + BUDGET_CODE
				+ ",,2701,,5,,500,,ไตรมาส ๔,,ใช่,\n" + "2572," + BUDGET_CODE
				+ ",,4202,,-1,,500,,\"๓๑ มิถุนายน ๒๕๗๒\",ภายในไม่รู้,ใช่,\n", StandardCharsets.UTF_8);
		chromium.driver.findElement(By.cssSelector(".raingan-assignments-page input[name=csv]"))
			.sendKeys(bad.toAbsolutePath().toString());
		chromium.click(chromium.driver.findElement(By.cssSelector(".raingan-assignments-page .raingan-import")));
		WebElement errors = chromium.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".raingan-import-errors")));
		assertThat(errors.getText()).contains("แถว", "ช่อง", "เหตุผล", "รหัสหน่วยงาน", "ไม่ได้อยู่ในจังหวัดนี้",
				"เป้าหมาย", "ต้องไม่ติดลบ", "ช่วงดำเนินกิจกรรม", "ไม่มีวันที่นี้ในปฏิทิน", "กำหนดส่ง", "อ่านกำหนดส่ง");
		assertThat(errors.findElements(By.cssSelector("tr.raingan-import-error")).get(0).getText()).startsWith("3 ");
		assertThat(chromium.text()).contains("ไม่ได้บันทึกแถวใดเลย");
		chromium.screenshot("assignments-csv-row-errors.png");
		assertThat(AssignmentDesk.row(review42, "42", BUDGET_CODE, "4201")).as("nothing partial")
			.containsEntry("target", "20");

		chromium.driver.manage().deleteAllCookies();
		chromium.signIn("tasklist", "str4201", "test4201", "งานของหน่วยงาน");
		chromium.driver.get(chromium.url("/camunda/app/tasklist/default/#/?task=" + draft));
		chromium.waitForText("เป้าหมายของหน่วยงาน 20 คน");
		assertThat(chromium.text()).contains("งบประมาณที่ได้รับจัดสรร 3500 บาท").doesNotContain("มอบหมายโครงการ");
		chromium.screenshot("assignments-draft-shows-new-target.png");
	}

	private WebElement form(String name) {
		return chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector(".raingan-detail .raingan-assignment-form input[name=" + name + "]")));
	}

}
