package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.org.Groups;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.ReportDrafts;
import th.raingan.thai.Clock;

/**
 * "Say where" in headless Chromium, in Thai: str4201 submits; review42 opens the review
 * from Tasklist (taken on opening, no รับงาน), comments on "ผลการใช้จ่ายงบประมาณ (บาท)"
 * and on the second area row and presses ส่งกลับแก้ไข; str4201 sees both comments at
 * those fields of the draft, changes them and resubmits; review42 sees the two changed
 * values old -> new and both comments marked แก้ไขแล้ว, and approves with two clicks from
 * the desk's list. Clicks are printed; screenshots in
 * {@code target/screenshots/say-where-*.png}.
 */
@ApplicationTest
class SayWhereBrowserTest {

	static final String SPENT = "ผลการใช้จ่ายงบประมาณ (บาท)";

	static final String AREA_EXPENSE = "ค่าใช้จ่ายของพื้นที่นี้ (บาท)";

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
	JdbcTemplate jdbc;

	Browser chromium;

	@AfterEach
	void closeChromium() throws Exception {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void commentsAtTheirFieldsAddressedOnTheResubmissionThenApprovedFromTheList() throws Exception {
		String key = "say-where-ui-" + UUID.randomUUID().toString().substring(0, 8) + "/"
				+ ReviewDeskBrowserTest.PROJECT + "/4201";
		Map<String, Object> inputs = ReportDrafts
			.inputsFor4201(th.raingan.review.DeskProject.assignment(catalog, "4201"));
		inputs.put(REPORT_KEY, key);
		inputs.put(EVALUATION_REQUIRED, true);
		inputs.put(DUE_DATE, Clock.endOfDay(LocalDate.now(Clock.ZONE).plusDays(30)));
		runtime.startProcessInstanceByKey(KEY, key, inputs);
		// str4201 submits
		submitAs4201(key, ReportDrafts.valid());

		// review42 opens the review from Tasklist: taken on opening
		chromium = Browser.open(port, "th-TH");
		chromium.signIn("tasklist", "review42", "review42", "รายงานรอพิจารณา");
		String review = task(key).getId();
		chromium.driver.get(chromium.url("/camunda/app/tasklist/default/#/?task=" + review));
		chromium.waitForText("ผลการพิจารณา");
		Awaitility.await().untilAsserted(() -> assertThat(task(key).getAssignee()).isEqualTo("review42"));
		chromium.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.raingan-return")));
		assertThat(chromium.driver.findElements(By.xpath("//button[normalize-space(.)='อนุมัติ']"))).hasSize(1);
		assertThat(chromium.driver.findElements(By.xpath("//button[normalize-space(.)='ส่งกลับแก้ไข']"))).hasSize(1);
		assertThat(chromium.driver.findElements(By.xpath("//button[contains(., 'ส่งข้อมูล')]"))
			.stream()
			.filter(WebElement::isDisplayed)).as("Tasklist's own button gives way to the two").isEmpty();

		comment(SPENT, SPENT, "ยอดใช้จ่ายไม่ตรงกับผลรวมค่าใช้จ่ายของพื้นที่ <b>ตรวจอีกครั้ง</b>");
		comment("ส่วนที่ 2 พื้นที่ที่ 2", "ส่วนที่ 2 พื้นที่ที่ 2 (ตำบลนาอาน หมู่ 3)",
				"ค่าใช้จ่ายพื้นที่นี้ควรเป็น 900 บาทตามใบสำคัญ");
		WebElement reason = input("เหตุผลที่ส่งกลับแก้ไข", "textarea");
		reason.sendKeys("กรุณาแก้ไขตามความเห็นรายช่อง");
		chromium.screenshot("say-where-review-comments.png");
		chromium.click(chromium.driver.findElement(By.cssSelector("button.raingan-return")));
		chromium.waitForText("จัดเก็บข้อมูลเรียบร้อยแล้ว");
		Awaitility.await()
			.untilAsserted(() -> assertThat(jdbc.queryForList(
					"select label_th from raingan.report_comment c join raingan.report_version v on v.id = c.report_version_id"
							+ " where v.business_key = ? order by c.seq",
					String.class, key))
				.containsExactly(SPENT, "ส่วนที่ 2 พื้นที่ที่ 2"));
		chromium.close();

		// str4201 sees both comments at their fields, changes them and resubmits
		chromium = Browser.open(port, "th-TH");
		chromium.signIn("tasklist", "str4201", "test4201", "งานของหน่วยงาน");
		chromium.driver.get(chromium.url("/camunda/app/tasklist/default/#/?task=" + task(key).getId()));
		chromium.waitForText("จังหวัดส่งกลับให้แก้ไข");
		chromium.click(chromium.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))));
		chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.unclaim")));
		WebElement atSpent = chromium.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.xpath("//div[contains(@class,'fjs-form-field')][.//label[contains(., '" + SPENT
					+ "')]]" + "/div[contains(@class,'raingan-field-comment')]")));
		assertThat(atSpent.getText()).contains("ความเห็นจากจังหวัด", "<b>ตรวจอีกครั้ง</b>");
		assertThat(chromium.driver.findElements(By.cssSelector(".fjs-container b"))).as("the comment is text")
			.isEmpty();
		WebElement atRow = chromium.driver.findElement(By.xpath(
				"(//div[contains(@class,'fjs-repeat-row-container')])[2]/div[contains(@class,'raingan-field-comment')]"));
		assertThat(atRow.getText()).contains("ส่วนที่ 2 พื้นที่ที่ 2", "ควรเป็น 900 บาท");
		assertThat(chromium.driver.findElements(By.cssSelector(".raingan-field-comment"))).hasSize(2);
		chromium.screenshot("say-where-district-comments.png");
		retype(input(SPENT, "input"), "2900");
		WebElement row2 = chromium.driver.findElements(By.cssSelector(".fjs-repeat-row-container")).get(1);
		WebElement expenseLabel = row2.findElement(By.xpath(".//label[contains(., '" + AREA_EXPENSE + "')]"));
		retype(chromium.driver.findElement(By.id(expenseLabel.getAttribute("for"))), "900");
		WebElement confirm = chromium.driver.findElement(By.xpath("//label[contains(., 'คุณต้องการบันทึกข้อมูล')]"));
		WebElement box = chromium.driver.findElement(By.id(confirm.getAttribute("for")));
		if (!box.isSelected()) {
			chromium.click(box);
		}
		chromium.click(chromium.wait
			.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(., 'ส่งข้อมูล')]"))));
		chromium.waitForText("ส่งรายงานให้จังหวัดพิจารณาแล้ว");
		Awaitility.await()
			.untilAsserted(() -> assertThat(task(key).getTaskDefinitionKey()).isEqualTo(TASK_PROVINCE_REVIEW));
		chromium.close();

		// review42 sees the two values old -> new and the comments addressed
		chromium = Browser.open(port, "th-TH");
		chromium.signIn("tasklist", "review42", "review42", "รายงานรอพิจารณา");
		chromium.driver.get(chromium.url("/camunda/app/tasklist/default/#/?task=" + task(key).getId()));
		chromium.waitForText("สิ่งที่อำเภอแก้ไขจากฉบับก่อน");
		chromium.waitForText(SPENT + ": 3,000 → 2,900");
		chromium.waitForText("ส่วนที่ 2 พื้นที่ที่ 2 (ตำบลนาอาน หมู่ 3) " + AREA_EXPENSE + ": 1,000 → 900");
		chromium.waitForText("แก้ไขแล้ว 2 จาก 2 ความเห็น");
		String page = chromium.text();
		assertThat(page)
			.contains("✔ แก้ไขแล้ว " + SPENT
					+ ": \"ยอดใช้จ่ายไม่ตรงกับผลรวมค่าใช้จ่ายของพื้นที่ <b>ตรวจอีกครั้ง</b>\" (3,000 → 2,900)")
			.contains("✔ แก้ไขแล้ว ส่วนที่ 2 พื้นที่ที่ 2: \"ค่าใช้จ่ายพื้นที่นี้ควรเป็น 900 บาทตามใบสำคัญ\" ("
					+ AREA_EXPENSE + ": 1,000 → 900)")
			.doesNotContain("ยังไม่ได้แก้ไข");
		chromium.screenshot("say-where-resubmission-addressed.png");
		// the section the district did not change is folded, the changed ones are open
		WebElement folded = chromium.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector(".fjs-form-field-grouplike.raingan-folded")));
		assertThat(folded.getText()).startsWith("แบบสรุปการประเมินผล")
			.contains("ไม่มีการแก้ไขจากฉบับก่อน (ย่อไว้) แสดง")
			.doesNotContain("ความพึงพอใจ");
		assertThat(chromium.driver.findElements(By.cssSelector(".raingan-folded"))).hasSize(1);
		chromium.click(folded.findElement(By.cssSelector("button.raingan-fold-toggle")));
		chromium.wait.until(d -> folded.getText().contains("ความพึงพอใจ"));

		// approved with two clicks from the desk's list
		chromium.click(chromium.wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.raingan-review-desk-link"))));
		By pick = By.cssSelector(".raingan-review-table tr[data-key='" + key + "'] input.raingan-pick");
		int clicks = 0;
		chromium.click(chromium.wait.until(ExpectedConditions.elementToBeClickable(pick)));
		clicks++;
		chromium.click(chromium.driver.findElement(By.cssSelector("button.raingan-approve-selected")));
		clicks++;
		chromium.waitForText("อนุมัติแล้ว 1 รายการ");
		chromium.screenshot("say-where-approved.png");
		System.out.println("clicks from the list to a recorded approval of the resubmission: " + clicks);
		assertThat(clicks).isLessThanOrEqualTo(2);
		assertThat(jdbc.queryForObject("""
				select status || ' ' || decided_by from raingan.report_version where business_key = ?
				order by revision desc limit 1""", String.class, key)).isEqualTo("approved review42");
	}

	/**
	 * Adds a row to the review form's comments, picks the target by its label, types the
	 * comment.
	 */
	private void comment(String field, String option, String text) {
		List<WebElement> adds = chromium.driver.findElements(By.cssSelector("button.fjs-repeat-render-add"));
		chromium.click(adds.get(adds.size() - 1));
		By rows = By
			.xpath("//div[contains(@class,'fjs-repeat-row-container')][.//div[contains(@class,'fjs-select-display')]]");
		chromium.wait.until(d -> !d.findElements(rows).isEmpty());
		List<WebElement> all = chromium.driver.findElements(rows);
		WebElement row = all.get(all.size() - 1);
		chromium.click(row.findElement(By.cssSelector(".fjs-input-group")));
		WebElement item = chromium.wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']")));
		// the list scrolls inside the form; form-js picks an option on mousedown
		((JavascriptExecutor) chromium.driver).executeScript(
				"arguments[0].scrollIntoView({block: 'nearest'});"
						+ "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}));",
				item);
		chromium.wait.until(d -> row.findElement(By.cssSelector(".fjs-select-display")).getText().contains(field));
		row.findElement(By.cssSelector("textarea")).sendKeys(text);
	}

	private WebElement input(String label, String tag) {
		WebElement element = chromium.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.xpath("//label[normalize-space(translate(., '*', ''))='" + label + "']")));
		WebElement input = chromium.driver.findElement(By.id(element.getAttribute("for")));
		((JavascriptExecutor) chromium.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
		assertThat(input.getTagName()).isEqualTo(tag);
		return input;
	}

	private void retype(WebElement input, String text) {
		((JavascriptExecutor) chromium.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
		chromium.wait.until(d -> text.equals(input.getAttribute("value")));
	}

	private Task task(String key) {
		return tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
	}

	private void submitAs4201(String key, Map<String, Object> values) {
		try {
			identity.setAuthentication("str4201", List.of(Groups.district("4201")));
			Task draft = task(key);
			tasks.complete(draft.getId(), values);
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
