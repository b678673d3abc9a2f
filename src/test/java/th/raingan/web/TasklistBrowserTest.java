package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
import th.raingan.report.ReportVersions;

/**
 * A district officer in Tasklist, in headless Chromium (Debian's chromium and
 * chromium-driver): Thai labels, the draft form with its area rows, a refusal that names
 * the field, a submission, and two files attached. Screenshots are kept in
 * {@code target/screenshots}.
 */
@ApplicationTest
class TasklistBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	ReportVersions versions;

	@Autowired
	th.raingan.attachment.AttachmentService attachments;

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
	void districtOfficerReportsInThaiTasklist() throws Exception {
		String businessKey = "browser-" + UUID.randomUUID();
		String taskId = draftOf4201(businessKey);

		signIn("str4201", "test4201");
		String page = browser.findElement(By.tagName("body")).getText();
		assertThat(page).contains("งานของหน่วยงาน", "เลยกำหนดส่ง", "ครบกำหนดภายใน 7 วัน", "เริ่มกระบวนงาน")
			.doesNotContain("Start process", "All tasks", "migrate to Camunda 8");
		screenshot("tasklist-str4201.png");

		browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "ส่วนที่ 1 แบบฟอร์มรายงาน"));
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.unclaim")));

		type("ผู้รับผิดชอบโครงการ", "นางบิ่งอร จันทร์ศรี");
		type("เบอร์โทรศัพท์", "042811773");
		type("วันที่เริ่มดำเนินการ", "05/01/2569");
		type("วันที่สิ้นสุดการดำเนินการ", "20/01/2569");
		type("ประเด็นความสำเร็จ", "ทุกตำบลมีแผนพัฒนาตำบล");
		type("เป้าหมาย", "1");
		type("ผลการดำเนินงาน", "1");
		type("ความก้าวหน้า (ร้อยละ)", "100");
		type("ผลการใช้จ่ายงบประมาณ (บาท)", "3,000");
		type("พื้นที่ดำเนินการ (ตำบล/หมู่บ้าน)", "ตำบลกุดป่อง หมู่ 1");
		type("กลุ่มเป้าหมาย", "ผู้นำชุมชน");
		type("จำนวน (คน)", "๒๕");
		type("ค่าใช้จ่ายของพื้นที่นี้ (บาท)", "-");
		type("ผลที่ได้รับ", "ได้แผนพัฒนาตำบล");
		WebElement confirm = browser.findElement(By.xpath("//label[contains(., 'คุณต้องการบันทึกข้อมูล')]"));
		click(browser.findElement(By.id(confirm.getAttribute("for"))));
		click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(., 'ส่งข้อมูล')]"))));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
				"พื้นที่ที่ 1 ค่าใช้จ่าย (บาท)"));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("ห้ามใส่เครื่องหมาย \"-\"");
		assertThat(field("ผู้รับผิดชอบโครงการ").getAttribute("value")).as("what the officer typed is kept")
			.isEqualTo("นางบิ่งอร จันทร์ศรี");
		screenshot("draft-refused.png");
		assertThat(versions.ofReport(businessKey)).isEmpty();

		for (WebElement close : browser.findElements(By.cssSelector(".notifications .close, .alert .close"))) {
			if (close.isDisplayed()) {
				click(close);
			}
		}
		type("ค่าใช้จ่ายของพื้นที่นี้ (บาท)", "1,000");
		click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(., 'ส่งข้อมูล')]"))));
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "จัดเก็บข้อมูลเรียบร้อยแล้ว"));
		screenshot("draft-submitted.png");

		assertThat(versions.ofReport(businessKey)).singleElement().satisfies(version -> {
			assertThat(version.submittedBy()).isEqualTo("str4201");
			assertThat(versions.areas(version.id()).get(0).expenseBaht()).isEqualByComparingTo("1000");
			assertThat(versions.areas(version.id()).get(0).people()).isEqualTo(25);
		});
	}

	@Test
	void districtOfficerAttachesTwoFilesInTheAttachmentsTab() throws Exception {
		String businessKey = "browser-files-" + UUID.randomUUID();
		String taskId = draftOf4201(businessKey);
		Path photo = Files.createTempFile("ภาพกิจกรรม-", ".png");
		Files.write(photo, th.raingan.attachment.Photos.smallPng());
		Path pdf = Files.createTempFile("รายงานการประชุม-", ".pdf");
		Files.write(pdf, th.raingan.attachment.Photos.pdf(20_000));

		signIn("str4201", "test4201");
		browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
		click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='ไฟล์แนบ']"))));
		WebElement input = wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector(".raingan-attachments input[type=file]:not([name=slot-file])")));
		wait.until(d -> input.isDisplayed());
		input.sendKeys(photo.toAbsolutePath() + "\n" + pdf.toAbsolutePath());

		wait.until(d -> d.findElements(By.cssSelector(".raingan-attachments a.raingan-file")).size() == 2);
		String tab = browser.findElement(By.cssSelector(".raingan-attachments")).getText();
		// "แนบโดย" names the account by its Thai name (the shared account's: พัฒนากร and
		// the office)
		assertThat(tab).contains(photo.getFileName().toString(), pdf.getFileName().toString(),
				"พัฒนากร สำนักงานพัฒนาชุมชนอำเภอเมืองเลย", "เรียบร้อยแล้ว");
		screenshot("attachments-two-files.png");
		assertThat(attachments.list(businessKey)).hasSize(2);
	}

	/** A report of 4201 as the round starts it; returns its draft task. */
	private String draftOf4201(String businessKey) {
		var assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();
		String processId = runtime
			.startProcessInstanceByKey(DistrictReportProcess.KEY, businessKey, ReportDrafts.inputsFor4201(assignment))
			.getId();
		return tasks.createTaskQuery().processInstanceId(processId).singleResult().getId();
	}

	private void signIn(String user, String password) throws Exception {
		chromium.signIn("tasklist", user, password, "งานของหน่วยงาน");
	}

	/** The input a form label names (form-js labels point at their input). */
	private WebElement field(String label) {
		WebElement element = wait.until(ExpectedConditions
			.presenceOfElementLocated(By.xpath("//label[normalize-space(translate(., '*', ''))='" + label + "']")));
		return browser.findElement(By.id(element.getAttribute("for")));
	}

	private void click(WebElement element) {
		chromium.click(element);
	}

	private void type(String label, String text) {
		WebElement input = field(label);
		input.clear();
		input.sendKeys(text);
	}

	private void screenshot(String name) throws Exception {
		chromium.screenshot(name);
	}

}
