package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * The reviewer's desk in headless Chromium, as review42 uses it: "รายงานรอพิจารณา" in
 * Tasklist's top bar lists Loei's submitted reports with checkboxes; one report is
 * approved with two clicks from the list (tick, approve), then three at once with the
 * link and the approve button plus the selection, while a fourth ticked one that was
 * returned in between is named with its reason. The clicks are counted and printed;
 * screenshots in {@code target/screenshots/review-desk-*.png}.
 */
@ApplicationTest
class ReviewDeskBrowserTest {

	static final String PROJECT = "801-112-P0167-2027-02";

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

	@BeforeEach
	void openChromium() {
		chromium = Browser.open(port, "th-TH");
	}

	@AfterEach
	void closeChromium() throws Exception {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void review42ApprovesOneWithTwoClicksAndThreeAtOnceFromTheList() throws Exception {
		List<String> keys = submitted(List.of("4211", "4212", "4213", "4214", "4210"));

		chromium.signIn("tasklist", "review42", "review42", "รายงานรอพิจารณา");
		int clicks = 0;
		chromium.click(chromium.wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.raingan-review-desk-link"))));
		clicks++;
		for (String key : keys) {
			chromium.wait.until(ExpectedConditions.presenceOfElementLocated(row(key)));
		}
		chromium.screenshot("review-desk-list.png");
		assertThat(chromium.text()).contains("รายงานรอพิจารณา").contains("ตรงเวลา").contains("ใช้จ่าย / จัดสรร (บาท)");

		// one report: tick it, approve it (the list is open: 2 clicks)
		int one = 0;
		chromium.click(chromium.driver.findElement(pick(keys.get(0))));
		one++;
		chromium.click(chromium.driver.findElement(By.cssSelector("button.raingan-approve-selected")));
		one++;
		chromium.waitForText("อนุมัติแล้ว 1 รายการ");
		assertThat(status(keys.get(0))).isEqualTo("approved");
		assertThat(decidedBy(keys.get(0))).isEqualTo("review42");
		System.out.println("clicks from the list to a recorded approval of one report: " + one);
		assertThat(one).isLessThanOrEqualTo(2);
		chromium.screenshot("review-desk-one-approved.png");

		// another reviewer returns one while review42's list is open
		String returned = keys.get(4);
		returnAs("review42", returned);

		// four ticked (the selection), one press of the approve button
		int selection = 0;
		for (String key : keys.subList(1, 5)) {
			chromium.click(chromium.driver.findElement(pick(key)));
			selection++;
		}
		chromium.screenshot("review-desk-four-selected.png");
		chromium.click(chromium.driver.findElement(By.cssSelector("button.raingan-approve-selected")));
		clicks++;
		chromium.waitForText("อนุมัติแล้ว 3 รายการ");
		chromium.waitForText("ถูกส่งกลับแก้ไขไปแล้ว");
		chromium.screenshot("review-desk-bulk-result.png");
		for (String key : keys.subList(1, 4)) {
			assertThat(status(key)).as(key).isEqualTo("approved");
			assertThat(decidedBy(key)).isEqualTo("review42");
		}
		assertThat(status(returned)).isEqualTo("returned");
		assertThat(chromium.driver.findElements(By.cssSelector(".raingan-refused li[data-key='" + returned + "']")))
			.hasSize(1);
		System.out.println("clicks from Tasklist to a recorded bulk approval: " + clicks + " plus the selection ("
				+ selection + " ticks)");
		assertThat(clicks).isLessThanOrEqualTo(3);
		for (String key : keys.subList(0, 4)) {
			assertThat(chromium.driver.findElements(row(key))).as("approved reports leave the list").isEmpty();
		}
	}

	/**
	 * A return reason typed as markup shows as text in str4201's draft (no image), and
	 * the resubmission's review shows review42 what changed at the top of the form.
	 */
	@Test
	void theReasonShowsAsTextAndTheResubmissionShowsWhatChanged() throws Exception {
		String key = submitted(List.of("4201")).get(0);
		returnAs("review42", key, "<img src=x onerror=alert(1)> **แก้ไข** ค่าใช้จ่ายพื้นที่ที่ 2");
		chromium.close();
		chromium = Browser.open(port, "th-TH");
		chromium.signIn("tasklist", "str4201", "test4201", "งานของหน่วยงาน");
		String draft = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
		chromium.driver.get(chromium.url("/camunda/app/tasklist/default/#/?task=" + draft));
		chromium.waitForText("จังหวัดส่งกลับให้แก้ไข");
		chromium.waitForText("<img src=x onerror=alert(1)> **แก้ไข**");
		chromium.screenshot("review-desk-reason-as-text.png");
		assertThat(chromium.driver.findElements(By.cssSelector(".fjs-form img[src='x'], .fjs-container img[src='x']")))
			.as("the typed tag is not an image")
			.isEmpty();

		Map<String, Object> changed = ReportDrafts.valid();
		changed.put(SPENT_BAHT, "2,900");
		changed
			.put(AREAS, List.of(ReportDrafts.area("ตำบลกุดป่อง หมู่ 1", "ผู้นำชุมชน", "20", "มีแผนพัฒนาตำบล", "1,000"),
					ReportDrafts.area("ตำบลนาอาน หมู่ 3", "ผู้นำชุมชน", "๒๐", "มีแผนพัฒนาตำบล", "900"),
					ReportDrafts.area("ตำบลนาโป่ง หมู่ 2", "คณะกรรมการหมู่บ้าน", "25", "มีแผนพัฒนาตำบล", "1000.00")));
		submit(key, "4201", changed);
		chromium.close();
		chromium = Browser.open(port, "th-TH");
		chromium.signIn("tasklist", "review42", "review42", "รายงานรอพิจารณา");
		// opened from the desk: taken by review42 on the way, no separate รับงาน
		chromium.click(chromium.wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.raingan-review-desk-link"))));
		// the list says what changed, folded
		chromium.click(chromium.wait.until(ExpectedConditions.elementToBeClickable(
				By.cssSelector(".raingan-review-table tr[data-key='" + key + "'] details.raingan-changes summary"))));
		chromium.waitForText("แก้ไขจากฉบับก่อน 2 รายการ");
		chromium.waitForText("ผลการใช้จ่ายงบประมาณ (บาท): 3,000 → 2,900");
		chromium.screenshot("review-desk-list-changes.png");
		chromium.click(chromium.wait.until(ExpectedConditions
			.elementToBeClickable(By.cssSelector(".raingan-review-table tr[data-key='" + key + "'] a.raingan-open"))));
		chromium.waitForText("สิ่งที่อำเภอแก้ไขจากฉบับก่อน");
		org.awaitility.Awaitility.await()
			.untilAsserted(() -> assertThat(
					tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult().getAssignee())
				.isEqualTo("review42"));
		chromium.waitForText("ผลการใช้จ่ายงบประมาณ (บาท): 3,000 → 2,900");
		chromium.waitForText("ค่าใช้จ่ายของพื้นที่นี้ (บาท): 1,000 → 900");
		chromium.screenshot("review-desk-what-changed.png");
	}

	private static By row(String key) {
		return By.cssSelector(".raingan-review-table tr[data-key='" + key + "']");
	}

	private static By pick(String key) {
		return By.cssSelector(".raingan-review-table tr[data-key='" + key + "'] input.raingan-pick");
	}

	private String status(String key) {
		return jdbc.queryForObject(
				"select status from raingan.report_version where business_key = ? order by revision desc limit 1",
				String.class, key);
	}

	private String decidedBy(String key) {
		return jdbc.queryForObject(
				"select decided_by from raingan.report_version where business_key = ? order by revision desc limit 1",
				String.class, key);
	}

	private List<String> submitted(List<String> offices) {
		List<String> keys = new ArrayList<>();
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (String office : offices) {
			var assignment = th.raingan.review.DeskProject.assignment(catalog, office);
			Map<String, Object> inputs = ReportDrafts.inputsFor4201(assignment);
			String key = "desk-ui-" + run + "/" + PROJECT + "/" + office;
			inputs.put(OFFICE_CODE, office);
			inputs.put(OFFICE_NAME, "สำนักงานพัฒนาชุมชนอำเภอ " + office);
			inputs.put(REPORT_KEY, key);
			inputs.put(DUE_DATE, Clock.endOfDay(LocalDate.now(Clock.ZONE).plusDays(30)));
			runtime.startProcessInstanceByKey(KEY, key, inputs);
			submit(key, office, ReportDrafts.valid());
			keys.add(key);
		}
		return keys;
	}

	private void submit(String key, String office, Map<String, Object> values) {
		try {
			identity.setAuthentication("str" + office, List.of(Groups.district(office)));
			Task draft = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
			tasks.complete(draft.getId(), values);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private void returnAs(String reviewer, String key) {
		returnAs(reviewer, key, "แนบหลักฐานไม่ครบ");
	}

	private void returnAs(String reviewer, String key, String reason) {
		try {
			identity.setAuthentication(reviewer, List.of(Groups.provinceReview("42")));
			Task review = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
			tasks.claim(review.getId(), reviewer);
			tasks.complete(review.getId(), Map.of(REVIEW_DECISION, DECISION_RETURN, RETURN_REASON, reason));
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
