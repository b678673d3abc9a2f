package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.draft.Drafts;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportDrafts;
import th.raingan.report.ReportVersions;

/**
 * Nothing typed is lost: str4201 types ten fields of a report, opens the ไฟล์แนบ tab,
 * comes back, reloads the page; a colleague of the same district opens the same task in
 * another browser and sees all ten; a submission the server refuses keeps every value and
 * marks the wrong field in red.
 */
@ApplicationTest
class DraftBrowserTest {

	/** A second member of district 4201, created here when the organisation has none. */
	static final String COLLEAGUE = "pdk4201b";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	ReportVersions versions;

	static final Map<String, String> TEN_FIELDS = new LinkedHashMap<>();
	static {
		TEN_FIELDS.put("ผู้รับผิดชอบโครงการ", "นางบิ่งอร จันทร์ศรี");
		TEN_FIELDS.put("เบอร์โทรศัพท์", "042811773");
		TEN_FIELDS.put("วันที่เริ่มดำเนินการ", "05/01/2569");
		TEN_FIELDS.put("วันที่สิ้นสุดการดำเนินการ", "20/01/2569");
		TEN_FIELDS.put("ผลผลิต", "แผนพัฒนาตำบล 1 แผน");
		TEN_FIELDS.put("ประเด็นความสำเร็จ", "ทุกตำบลมีแผนพัฒนาตำบล");
		TEN_FIELDS.put("เป้าหมาย", "1");
		TEN_FIELDS.put("ผลการดำเนินงาน", "1");
		TEN_FIELDS.put("ความก้าวหน้า (ร้อยละ)", "150");
		TEN_FIELDS.put("ผลการใช้จ่ายงบประมาณ (บาท)", "3,000");
	}

	@Test
	void whatAnOfficerTypesIsKeptThroughTabsReloadsAnotherBrowserAndARefusal() throws Exception {
		String businessKey = "draft-" + UUID.randomUUID();
		var assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();
		String processId = runtime
			.startProcessInstanceByKey(DistrictReportProcess.KEY, businessKey, ReportDrafts.inputsFor4201(assignment))
			.getId();
		String taskId = tasks.createTaskQuery().processInstanceId(processId).singleResult().getId();
		ensureColleagueIn4201();

		try (Browser officer = Browser.open(port, "th-TH")) {
			officer.signIn("tasklist", "str4201", "test4201", "งานของหน่วยงาน");
			openTask(officer, taskId);
			officer.click(officer.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))));
			officer.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.unclaim")));
			TEN_FIELDS.forEach((label, value) -> type(officer, label, value));

			// to the attachments, and back: nothing lost
			officer.click(officer.wait
				.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='ไฟล์แนบ']"))));
			officer.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".raingan-attachments")));
			officer.click(officer.wait
				.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='แบบฟอร์ม']"))));
			assertTenValues(officer, "back from the ไฟล์แนบ tab");
			officer.waitForText("บันทึกร่างล่าสุด");
			officer.screenshot("draft-back-from-attachments.png");

			// the page reloaded
			officer.driver.navigate().refresh();
			assertTenValues(officer, "after a reload");
			assertThat(officer.text()).containsPattern("บันทึกร่างล่าสุด \\d{2}/\\d{2}/25\\d\\d \\d{2}:\\d{2} น\\.");
			assertThat(tasks.getVariable(taskId, DistrictReportProcess.OFFICER_NAME)).isEqualTo("นางบิ่งอร จันทร์ศรี");
			assertThat(tasks.getVariable(taskId, Drafts.SAVED_BY)).isEqualTo("str4201");

			// a colleague of the same district, in another browser
			try (Browser colleague = Browser.open(port, "en-US")) {
				colleague.signIn("tasklist", COLLEAGUE, COLLEAGUE, "งานของหน่วยงาน");
				openTask(colleague, taskId);
				assertTenValues(colleague, "in a colleague's browser");
				colleague.waitForText("บันทึกร่างล่าสุด");
				colleague.screenshot("draft-colleague-4201.png");
			}

			// a submission the server refuses: everything stays, the wrong field is
			// marked
			type(officer, "พื้นที่ดำเนินการ (ตำบล/หมู่บ้าน)", "ตำบลกุดป่อง หมู่ 1");
			type(officer, "กลุ่มเป้าหมาย", "ผู้นำชุมชน");
			type(officer, "จำนวน (คน)", "25");
			type(officer, "ค่าใช้จ่ายของพื้นที่นี้ (บาท)", "1000");
			type(officer, "ผลที่ได้รับ", "ได้แผนพัฒนาตำบล");
			WebElement confirm = officer.driver.findElement(By.xpath("//label[contains(., 'คุณต้องการบันทึกข้อมูล')]"));
			officer.click(officer.driver.findElement(By.id(confirm.getAttribute("for"))));
			officer.click(officer.wait
				.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(., 'ส่งข้อมูล')]"))));
			WebElement marked = officer.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".raingan-form-invalid .raingan-form-error")));
			assertThat(marked.getText()).contains("ต้องอยู่ระหว่าง 0 ถึง 100");
			WebElement markedField = marked.findElement(By.xpath("./.."));
			assertThat(markedField.getText()).contains("ความก้าวหน้า (ร้อยละ)");
			assertThat(org.openqa.selenium.support.Color.fromString(marked.getCssValue("color")).getColor())
				.as("the field's message is red")
				.satisfies(color -> assertThat(color.getRed()).isGreaterThan(150).isGreaterThan(color.getGreen() + 80));
			assertTenValues(officer, "after the refusal");
			assertThat(officer.text()).doesNotContain("Cannot submit", "Cannot instantiate");
			officer.screenshot("draft-refused-field-marked.png");
			assertThat(versions.ofReport(businessKey)).isEmpty();
			assertThat(tasks.getVariable(taskId, DistrictReportProcess.PROGRESS_PERCENT)).isEqualTo("150");
		}
	}

	private void ensureColleagueIn4201() {
		if (identity.createUserQuery().userId(COLLEAGUE).singleResult() == null) {
			User user = identity.newUser(COLLEAGUE);
			user.setFirstName("พัฒนากร");
			user.setLastName("อำเภอเมืองเลย คนที่สอง");
			user.setPassword(COLLEAGUE);
			th.raingan.engine.PolicyExempt.saveDemoUser(identity, user); // a demo-like
																			// account,
																			// the
																			// password
																			// its id
		}
		if (identity.createUserQuery().userId(COLLEAGUE).memberOfGroup("district-4201").count() == 0) {
			identity.createMembership(COLLEAGUE, "district-4201");
		}
	}

	private static void openTask(Browser browser, String taskId) {
		browser.driver.get(browser.url("/camunda/app/tasklist/default/#/?task=" + taskId));
		browser.waitForText("ส่วนที่ 1 แบบฟอร์มรายงาน");
	}

	private static void assertTenValues(Browser browser, String when) {
		browser.wait.until(d -> TEN_FIELDS.entrySet()
			.stream()
			.allMatch(e -> e.getValue().equals(field(browser, e.getKey()).getAttribute("value"))));
		TEN_FIELDS
			.forEach((label, value) -> assertThat(field(browser, label).getAttribute("value")).as(label + " " + when)
				.isEqualTo(value));
	}

	/** The input a form label names (form-js labels point at their input). */
	private static WebElement field(Browser browser, String label) {
		WebElement element = browser.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.xpath("//label[normalize-space(translate(., '*', ''))='" + label + "']")));
		return browser.driver.findElement(By.id(element.getAttribute("for")));
	}

	private static void type(Browser browser, String label, String text) {
		WebElement input = field(browser, label);
		((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
		input.clear();
		input.sendKeys(text);
	}

}
