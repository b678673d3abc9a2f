package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.dashboard.NationalBudget;
import th.raingan.dashboard.ScorecardRounds;
import th.raingan.kpi.KpiRoundService;
import th.raingan.project.ProjectCatalog;
import th.raingan.thai.Clock;

/**
 * manager42 opens round 1 of 2561 in Cockpit: the KPI scorecard (ScorecardTest's rounds:
 * Mueang Loei 3.40, up 2.00 on round 2 of 2560, and what its next levels need) and the
 * week-by-week progress chart; cdd01 opens the national page of 2561 with the budget by
 * level (central, province, training centre) and the national totals. In a Thai and an
 * en-US browser: Thai words, Buddhist-Era dates, no Christian-Era year.
 */
@ApplicationTest
class ScorecardBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KpiRoundService kpi;

	@Autowired
	NationalBudget budget;

	@Autowired
	ProjectCatalog catalog;

	private void data() {
		ScorecardRounds.make(jdbc, kpi);
		budget.record(2561, """
				level,budget_source,allocation_baht,plan_baht,result_baht
				central,B1,815000000,800000000,129964
				central,B2,2144000000,,247754141.27
				training_centre,B1,1000000,,500000
				""", "admin");
		// Na Duang's reports of round 1/2561, sent in its 2nd, 3rd and 5th weeks: the
		// weekly chart has a line
		long assignment = catalog.assignment(2570, "801-112-P0167-2027-02", "4202").orElseThrow().id();
		jdbc.update("delete from raingan.report_version where business_key like 'browser-2561-%'");
		jdbc.update("delete from raingan.report where business_key like 'browser-2561-%'");
		int[] sentOn = { 10, 18, 31, 0 };
		for (int i = 0; i < sentOn.length; i++) {
			String key = "browser-2561-" + i;
			jdbc.update(
					"""
							insert into raingan.report (business_key, round_key, assignment_id, office_code, province_code, due_date,
							status, late, opened_at) values (?, '2561-1/42', ?, '4202', '42', ?, ?, false, ?)""",
					key, assignment, java.sql.Date.valueOf(LocalDate.of(2017, 11, 30)),
					sentOn[i] == 0 ? "draft" : "submitted", at(LocalDate.of(2017, 10, 1)));
			if (sentOn[i] != 0) {
				jdbc.update(
						"""
								insert into raingan.report_version (business_key, assignment_id, round_key, revision, status, due_date,
								submitted_at, submitted_by, on_time, officer_name, officer_phone, start_date, end_date, target_value,
								result_value, progress_percent, spent_baht)
								values (?, ?, '2561-1/42', 1, 'submitted', ?, ?, 'str4202', true, 'ธนากร ภูมิภักดิ์', '042811111', ?, ?, 1, 1, 100, ?)""",
						key, assignment, java.sql.Date.valueOf(LocalDate.of(2017, 11, 30)),
						at(LocalDate.of(2017, 10, 1).plusDays(sentOn[i])),
						java.sql.Date.valueOf(LocalDate.of(2017, 10, 2)),
						java.sql.Date.valueOf(LocalDate.of(2017, 10, 2)), BigDecimal.ZERO);
			}
		}
	}

	private static Timestamp at(LocalDate day) {
		return Timestamp.from(LocalDateTime.of(day, java.time.LocalTime.NOON).atZone(Clock.ZONE).toInstant());
	}

	private static void show(Browser browser, String year, String round) {
		WebElement input = browser.driver.findElement(By.cssSelector(".raingan-controls input[type=number]"));
		input.clear();
		input.sendKeys(year);
		new org.openqa.selenium.support.ui.Select(
				browser.driver.findElement(By.cssSelector(".raingan-controls select")))
			.selectByValue(round);
	}

	@Test
	void theManagerReadsTheScorecardAndTheWeeklyProgress() throws Exception {
		data();
		for (String language : List.of("th-TH", "en-US")) {
			try (Browser browser = Browser.open(port, language)) {
				browser.signIn("cockpit", "manager42", "manager42", "ติดตามการรายงานผลของอำเภอ");
				// the current round first, then the one asked for
				browser.wait.until(d -> !d.findElements(By.cssSelector(".raingan-scorecard")).isEmpty());
				show(browser, "2561", "1");
				browser.click(browser.driver.findElement(By.cssSelector(".raingan-controls button.btn-primary")));
				WebElement muang = browser.wait
					.until(d -> d.findElements(By.cssSelector("tr.raingan-scorecard-row[data-office='4201']"))
						.stream()
						.findFirst()
						.orElse(null));
				browser.waitForText(
						"ผลคะแนนตัวชี้วัด (KPI) รายอำเภอ รอบที่ 1 ปีงบประมาณ 2561 (1 ตุลาคม 2560 ถึง 31 มีนาคม 2561)");
				assertThat(muang.getText()).contains("สำนักงานพัฒนาชุมชนอำเภอเมืองเลย", "3.40", "68.00", "1.40",
						"+2.00", "P1 ระดับ 4: ต้องไม่น้อยกว่า 85 (ขาดอีก 3)");
				WebElement card = browser.driver.findElement(By.cssSelector(".raingan-scorecard"));
				assertThat(card.getText()).contains("ผลที่ลงนามรับรองแล้ว", "เทียบกับรอบที่ 2 ปีงบประมาณ 2560",
						"เฉลี่ยทั้งจังหวัด");
				assertThat(card.findElement(By.cssSelector("a.raingan-scorecard-pdf")).getText()).isEqualTo("PDF");
				browser.wait.until(d -> !d.findElements(By.cssSelector(".raingan-chart-weekly[data-drawn=true] canvas"))
					.isEmpty());
				((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()",
						card);
				browser.screenshot("scorecard-manager42-" + language + ".png");
				RoundMonitorBrowserTest.assertEnglishFree(card.getText());
				WebElement weekly = browser.driver.findElement(By.cssSelector(".raingan-chart-weekly"));
				((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()",
						weekly);
				// the axis labels are the server's BE dates: the chart's option holds
				// them
				Object labels = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
						"return echarts.getInstanceByDom(arguments[0]).getOption().xAxis[0].data.join(' ')", weekly);
				assertThat(labels.toString()).startsWith("07/10/2560 14/10/2560")
					.doesNotContain("2017")
					.doesNotContain("2018");
				browser.screenshot("weekly-progress-manager42-" + language + ".png");
			}
		}
	}

	@Test
	void theDepartmentSeesTheBudgetByLevelWithNationalTotals() throws Exception {
		data();
		for (String language : List.of("th-TH", "en-US")) {
			try (Browser browser = Browser.open(port, language)) {
				browser.signIn("cockpit", "cdd01", "cdd01", "ภาพรวมทั้งประเทศ");
				show(browser, "2561", "1");
				browser.click(browser.driver.findElement(By.cssSelector("button.raingan-nation-button")));
				browser.waitForText("งบประมาณตามระดับ ปีงบประมาณ 2561");
				WebElement b1 = browser.wait
					.until(d -> d.findElements(By.cssSelector("tr.raingan-level-row[data-source='B1']"))
						.stream()
						.findFirst()
						.orElse(null));
				assertThat(b1.getText()).contains("815,000,000", "1,000,000", "129,964", "500,000");
				WebElement total = browser.driver.findElement(By.cssSelector("tr.raingan-level-total"));
				// the national totals depend on every province's assignments of the year
				// in this database (other tests add
				// theirs): worked by hand in NationalPagesTest; here, that the row is
				// there with grouped figures
				assertThat(total.getText()).contains("รวมงบประมาณ (B1+B2)").containsPattern("\\d{1,3}(,\\d{3}){2,}");
				WebElement levels = browser.driver.findElement(By.cssSelector(".raingan-levels"));
				assertThat(levels.getText()).contains("ส่วนกลาง ได้รับจัดสรร", "จังหวัด ได้รับจัดสรร",
						"ศูนย์ศึกษา ได้รับจัดสรร", "รวมทั้งประเทศ ได้รับจัดสรร", "ตามตัวเลขของกรม (บันทึกโดย ");
				((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()",
						levels);
				browser.screenshot("budget-by-level-cdd01-" + language + ".png");
				// the administrator account is named after the application ("ผู้ดูแลระบบ
				// Raingan")
				RoundMonitorBrowserTest.assertEnglishFree(levels.getText().replace("Raingan", ""));
			}
		}
	}

}
