package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import th.raingan.ApplicationTest;
import th.raingan.myreports.ReportsOf4201;

/**
 * รายงานของฉัน in headless Chromium, in a Thai and an en-US browser: str4201 opens it
 * from Tasklist's navigation bar, picks fiscal year 2574, opens every report's details
 * (versions, area rows, the photo on screen, the return reason), and every word it reads
 * is Thai apart from codes, file names and the letters' own terms; no date has a
 * Christian-Era year. The returned report's task opens from the page; review42 finds the
 * PDF on the review task.
 */
@ApplicationTest
class MyReportsBrowserTest {

	/** Latin-script words a Thai officer reads on the page as the letters write them. */
	static final Set<String> ALLOWED = Set.of("KPI", "EA", "EA1", "EA2", "EA3", "EA4", "B1", "B2", "B3", "B4", "B5",
			"B6", "B7", "PDF", "Excel", "CSV");

	static final Pattern BUDGET_CODE = Pattern.compile("\\d{3}-\\d{3}-[A-Z]\\d{4}-\\d{4}-\\d{2}");

	static final Pattern FILE_NAME = Pattern.compile("\\S+\\.(?i:jpe?g|png|pdf|docx?|xlsx?)\\b");

	static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

	static final Pattern CE_YEAR = Pattern.compile("(?<![\\d,.])(19|20|21)\\d{2}(?![\\d,.])");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext spring;

	@Autowired
	TaskService tasks;

	@BeforeEach
	void reportsOfMueangLoei() throws Exception {
		ReportsOf4201.ensure(spring, port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "th-TH", "en-US" })
	void aDistrictOfficerReadsItsReportsInThaiWithBuddhistEraDates(String language) throws Exception {
		String tag = language.substring(0, 2);
		try (Browser chromium = Browser.open(port, language)) {
			chromium.signIn("tasklist", "str4201", "test4201", "รายงานของฉัน");
			chromium.click(chromium.wait
				.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".raingan-my-reports-link"))));
			chromium.waitForText("งบประมาณของสำนักงานพัฒนาชุมชนอำเภอเมืองเลย");
			new Select(chromium.driver.findElement(By.cssSelector(".raingan-my-reports-page select[name=fiscalYear]")))
				.selectByValue("2574");
			chromium.waitForText("รายงาน 3 รายการ");
			for (WebElement toggle : chromium.driver.findElements(By.cssSelector(".raingan-toggle"))) {
				chromium.click(toggle);
			}
			chromium.waitForText(ReportsOf4201.RETURN_REASON);
			chromium.wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
					"const i = document.querySelector('.raingan-photo img'); return i && i.complete && i.naturalWidth > 0;"));
			JavascriptExecutor js = (JavascriptExecutor) chromium.driver;
			js.executeScript("document.querySelector('.raingan-my-reports-page').scrollTop = 0;");
			chromium.screenshot("my-reports-" + tag + ".png");
			js.executeScript("document.querySelector(\"tr[data-key='" + ReportsOf4201.RETURNED
					+ "']\").scrollIntoView({block: 'start'});");
			chromium.screenshot("my-reports-" + tag + "-returned.png");

			String page = chromium.driver.findElement(By.cssSelector(".raingan-my-reports-page")).getText();
			assertThat(page).contains("ส่งแล้ว", "ส่งกลับแก้ไข", "อนุมัติ", "17 มีนาคม 2574", "ตำบลกุดป่อง หมู่ 1",
					ReportsOf4201.PHOTO, ReportsOf4201.DOCUMENT, "พิมพ์ (PDF)", "(B1) กิจกรรมโครงการตามแผนผลผลิต",
					"ส่งกลับแก้ไขเมื่อ 5 กุมภาพันธ์ 2574 เวลา 14:00 น.");
			List<String> english = latinWordsOutsideTheAllowlist(page);
			List<String> ceYears = christianEraYears(page);
			System.out.println("[my-reports browser " + language + "] " + english.size()
					+ " Latin-script words outside the allowlist " + english + ", " + ceYears.size()
					+ " Christian-Era years " + ceYears);
			assertThat(english).isEmpty();
			assertThat(ceYears).isEmpty();

			// the returned report's reopened draft opens from the page
			chromium.click(chromium.driver
				.findElement(By.cssSelector("tr[data-key='" + ReportsOf4201.RETURNED + "'] .raingan-open-task")));
			chromium.wait
				.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".raingan-my-reports-page")));
			assertThat(chromium.driver.getCurrentUrl()).contains("task=" + tasks.createTaskQuery()
				.processInstanceBusinessKey(ReportsOf4201.RETURNED)
				.singleResult()
				.getId());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en-US" })
	void theProvinceFindsThePrintableReportOnTheReviewTask(String language) throws Exception {
		String review = tasks.createTaskQuery()
			.processInstanceBusinessKey(ReportsOf4201.SUBMITTED)
			.singleResult()
			.getId();
		try (Browser chromium = Browser.open(port, language)) {
			chromium.signIn("tasklist", "review42", "review42", "รายงานของฉัน");
			// the province's view, opened by its address: Loei's offices to choose from
			chromium.driver.get(chromium.url("/camunda/app/tasklist/default/#/?myReports=1"));
			chromium.driver.navigate().refresh();
			chromium.waitForText("งบประมาณของสำนักงานพัฒนาชุมชนอำเภอเมืองเลย");
			new Select(chromium.driver.findElement(By.cssSelector(".raingan-my-reports-page select[name=office]")))
				.selectByValue("4201");
			chromium.wait.until(d -> d.findElement(By.cssSelector(".raingan-my-reports-page select[name=fiscalYear]"))
				.getText()
				.contains("2574"));
			new Select(chromium.driver.findElement(By.cssSelector(".raingan-my-reports-page select[name=fiscalYear]")))
				.selectByValue("2574");
			chromium.waitForText("รายงาน 3 รายการ");
			assertThat(new Select(
					chromium.driver.findElement(By.cssSelector(".raingan-my-reports-page select[name=office]")))
				.getOptions()).hasSize(15);
			chromium.screenshot("my-reports-province.png");
			chromium.click(chromium.driver.findElement(By.cssSelector(".raingan-my-reports-page .raingan-close")));
			chromium.driver.get(chromium.url("/camunda/app/tasklist/default/#/?task=" + review));
			chromium.click(chromium.wait
				.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='พิมพ์รายงาน']"))));
			chromium.waitForText("ฉบับที่ 1 (ส่งแล้ว) ส่งเมื่อ 3 กุมภาพันธ์ 2574 เวลา 10:15 น.");
			WebElement link = chromium.driver.findElement(By.cssSelector(".raingan-report-print a.raingan-pdf"));
			assertThat(link.getAttribute("href")).contains("/plugin/raingan-my-reports/default/versions/")
				.endsWith("/report.pdf");
			chromium.screenshot("my-reports-review-task-print-tab.png");
		}
	}

	static List<String> latinWordsOutsideTheAllowlist(String text) {
		String withoutCodes = FILE_NAME.matcher(BUDGET_CODE.matcher(text).replaceAll(" ")).replaceAll(" ");
		List<String> words = new ArrayList<>();
		Matcher m = LATIN_WORD.matcher(withoutCodes);
		while (m.find()) {
			if (!ALLOWED.contains(m.group())) {
				words.add(m.group());
			}
		}
		return words;
	}

	static List<String> christianEraYears(String text) {
		String withoutCodes = FILE_NAME.matcher(BUDGET_CODE.matcher(text).replaceAll(" ")).replaceAll(" ");
		List<String> years = new ArrayList<>();
		Matcher m = CE_YEAR.matcher(withoutCodes);
		while (m.find()) {
			years.add(m.group());
		}
		return years;
	}

}
