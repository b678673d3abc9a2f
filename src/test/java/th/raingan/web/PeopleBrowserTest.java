package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.Users;
import th.raingan.attachment.AttachmentService;
import th.raingan.attachment.Photos;
import th.raingan.org.People;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportDrafts;

/**
 * People in Tasklist, in headless Chromium: a district's officer (a person account) opens
 * ข้อมูลของฉัน from the user menu and changes their phone (a bad number is refused at the
 * field, in Thai); the attachments tab and the returned report's review history name
 * people by their Thai names, not their logins. Screenshots in
 * {@code target/screenshots}.
 */
@ApplicationTest
class PeopleBrowserTest {

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
	AttachmentService attachments;

	@Autowired
	People people;

	@Autowired
	JdbcTemplate jdbc;

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
	void aPersonChangesTheirPhoneInMyProfileFromTheUserMenu() throws Exception {
		chromium.signIn("tasklist", "cdo4201b", "cdo4201b", "งานของหน่วยงาน");
		chromium
			.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account a.dropdown-toggle"))));
		chromium.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.raingan-my-profile a"))));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("raingan-my-phone")));
		String dialog = browser.findElement(By.cssSelector(".raingan-dialog")).getText();
		assertThat(dialog).contains("ข้อมูลของฉัน", people.displayName("cdo4201b"), "นักวิชาการพัฒนาชุมชน (พัฒนากร)",
				"สำนักงานพัฒนาชุมชนอำเภอเมืองเลย", "สพอ.เมืองเลย", "วันที่ลงทะเบียน");
		assertThat(dialog).containsPattern("\\d{2}/\\d{2}/25\\d{2}");
		chromium.screenshot("my-profile.png");

		WebElement phone = browser.findElement(By.id("raingan-my-phone"));
		phone.clear();
		phone.sendKeys("12-34");
		save();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".raingan-field-error")));
		assertThat(browser.findElement(By.cssSelector(".raingan-dialog")).getText())
			.contains("รูปแบบเบอร์โทรศัพท์ไม่ถูกต้อง");
		assertThat(phone.getAttribute("value")).as("what was typed is kept").isEqualTo("12-34");
		chromium.screenshot("my-profile-phone-refused.png");

		phone.clear();
		phone.sendKeys("081-234-5678");
		save();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".raingan-dialog"),
				"จัดเก็บข้อมูลเรียบร้อยแล้ว"));
		chromium.screenshot("my-profile-phone-saved.png");
		assertThat(jdbc.queryForObject("select phone from raingan.profile where user_id = 'cdo4201b'", String.class))
			.isEqualTo("081-234-5678");
	}

	@Test
	void theAttachmentsAndTheReviewHistoryNamePeopleInThai() throws Exception {
		String businessKey = "browser-people-" + UUID.randomUUID();
		var assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();
		String pi = runtime
			.startProcessInstanceByKey(DistrictReportProcess.KEY, businessKey, ReportDrafts.inputsFor4201(assignment))
			.getId();
		attachments.add(businessKey, "ภาพกิจกรรม.png", Photos.smallPng(), "cdo4201a");
		// the officer submits, the province returns it with a reason
		actAs("cdo4201a", () -> tasks.complete(task(pi), ReportDrafts.valid()));
		actAs("review42",
				() -> tasks.complete(task(pi),
						Map.of(DistrictReportProcess.REVIEW_DECISION, DistrictReportProcess.DECISION_RETURN,
								DistrictReportProcess.RETURN_REASON, "กรุณาแนบภาพกิจกรรมเพิ่มเติม")));
		String returnedDraft = task(pi);

		chromium.signIn("tasklist", "head4201", "head4201", "งานของหน่วยงาน");
		browser.get(chromium.url("/camunda/app/tasklist/default/#/?task=" + returnedDraft));
		chromium.waitForText("กรุณาแนบภาพกิจกรรมเพิ่มเติม");
		String reviewer = people.displayName("review42");
		assertThat(reviewer).isNotEqualTo("review42");
		assertThat(chromium.text()).contains("โดย " + reviewer).doesNotContain("โดย review42");
		chromium.screenshot("review-history-thai-name.png");

		chromium
			.click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='ไฟล์แนบ']"))));
		wait.until(d -> !d.findElements(By.cssSelector(".raingan-attachments a.raingan-file")).isEmpty());
		String tab = browser.findElement(By.cssSelector(".raingan-attachments")).getText();
		String officer = people.displayName("cdo4201a");
		assertThat(tab).contains("ภาพกิจกรรม.png", officer).doesNotContain("cdo4201a");
		chromium.screenshot("attachments-thai-name.png");
	}

	@Test
	void aProvinceManagerOnboardsFromTheScreenRefusedRowsFirstThenTheValidOnes() throws Exception {
		java.nio.file.Path csv = java.nio.file.Files.createTempFile("บุคลากรเลย-", ".csv");
		java.nio.file.Files.writeString(csv,
				"""
						office_code,user_id,first_name_th,last_name_th,position_th,section_th,email,phone,role
						4206,scrnahaeo1,บุญเรือน,ศรีนาแห้ว,นักวิชาการพัฒนาชุมชน,สพอ.นาแห้ว,scrnahaeo1@cdd.go.th,042-811111,district
						2701,scrsakaeo1,สมพร,สระแก้ว,นักวิชาการพัฒนาชุมชน,สพอ.เมืองสระแก้ว,scrsakaeo1@cdd.go.th,,district
						42,scrloei1,อำไพ,ยุทธศาสตร์,นักวิเคราะห์นโยบายและแผน,กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน,scrloei1@cdd.go.th,,reviewer
						""",
				java.nio.charset.Charset.forName("x-windows-874"));
		chromium.signIn("tasklist", "manager42", "manager42", "งานของหน่วยงาน");
		chromium.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.raingan-nav-people"))));
		WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("raingan-import-file")));
		file.sendKeys(csv.toAbsolutePath().toString());
		chromium.click(browser.findElement(By.id("raingan-import-check")));
		WebElement takeValid = wait.until(ExpectedConditions.elementToBeClickable(By.id("raingan-import-valid")));
		String checked = browser.findElement(By.cssSelector(".raingan-import-result")).getText();
		assertThat(checked).contains("Windows-874", "ยังไม่ได้นำเข้าผู้ใช้ใด", "3", "รหัสหน่วยงาน (office_code)",
				"เฉพาะหน่วยงานในจังหวัดของท่าน");
		chromium.screenshot("onboarding-refused-row.png");
		assertThat(identity.createUserQuery().userIdIn("scrnahaeo1", "scrloei1").count()).isZero();

		chromium.click(takeValid);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".raingan-passwords")));
		String taken = browser.findElement(By.cssSelector(".raingan-import-result")).getText();
		assertThat(taken).contains("นำเข้าผู้ใช้ 2 คนแล้ว", "scrnahaeo1", "บุญเรือน ศรีนาแห้ว", "scrloei1",
				"รหัสผ่านครั้งแรกแสดงที่นี่ครั้งเดียวเท่านั้น");
		chromium.screenshot("onboarding-one-time-passwords.png");
		assertThat(identity.createUserQuery().memberOfGroup("district-4206").userId("scrnahaeo1").count()).isOne();
		assertThat(identity.createUserQuery().memberOfGroup("province-42-review").userId("scrloei1").count()).isOne();
		assertThat(identity.createUserQuery().userId("scrsakaeo1").count()).isZero();
	}

	private void save() {
		chromium.click(browser.findElement(By.id("raingan-my-save")));
		WebElement yes = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".raingan-ask-yes")));
		assertThat(browser.findElement(By.cssSelector(".raingan-ask")).getText())
			.contains("คุณต้องการบันทึกข้อมูล ใช่หรือไม่");
		chromium.click(yes);
	}

	private String task(String processInstanceId) {
		return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
	}

	private void actAs(String user, Runnable work) {
		Users.signIn(identity, user);
		try {
			work.run();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
