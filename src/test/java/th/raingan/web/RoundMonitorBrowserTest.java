package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import th.raingan.ApplicationTest;
import th.raingan.myreports.ReportsOf4201;

/**
 * manager42 signs in to Cockpit and the first screen is round 1 of 2574 (opened by
 * manager42 with the last day 17 March 2574): the deadline and the days left, Mueang
 * Loei's counts; Cockpit's technical widgets are not there; the count of submitted
 * reports opens their list and a report its process instance. In a Thai and an en-US
 * browser, the monitor has no English words but codes, KPI, B1-B7, Excel and CSV, and no
 * Christian-Era year. The administrator still has Cockpit's widgets, below the monitor.
 */
@ApplicationTest
class RoundMonitorBrowserTest {

	/** Words a Thai page may show in Latin letters. */
	static final Pattern ALLOWED = Pattern.compile("KPI|Excel|CSV|PDF|B[1-7]");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext spring;

	@Test
	void theManagerLandsOnTheRoundsMonitorAndACountOpensItsReports() throws Exception {
		ReportsOf4201.ensure(spring, port);
		for (String language : List.of("th-TH", "en-US")) {
			try (Browser browser = Browser.open(port, language)) {
				browser.signIn("cockpit", "manager42", "manager42", "ติดตามการรายงานผลของอำเภอ");
				browser.waitForText("วันสุดท้ายของการส่งรายงาน 17 มีนาคม 2574");
				browser.waitForText("รอบที่ 1 ปีงบประมาณ 2574");
				WebElement monitor = browser.driver.findElement(By.cssSelector(".raingan-dashboard"));
				assertThat(monitor.getLocation().getY()).as("the first thing on the start page").isLessThan(250);
				assertThat(browser.text()).doesNotContain("อินสแตนซ์กระบวนงานที่กำลังทำงาน")
					.doesNotContain("ปลั๊กอินที่กำหนดเอง");
				assertThat(browser.driver.findElements(By.cssSelector("a.raingan-monitor-link")))
					.as("its navigation entry")
					.isNotEmpty();
				browser.wait
					.until(d -> !d.findElements(By.cssSelector("tr.raingan-district[data-office='4201']")).isEmpty());
				// the charts, drawn by the ECharts shipped with the application
				for (String chart : List.of("progress", "on-time", "budget")) {
					browser.wait.until(
							d -> !d.findElements(By.cssSelector(".raingan-chart-" + chart + "[data-drawn=true] canvas"))
								.isEmpty());
				}
				browser.screenshot("round-monitor-manager42-" + language + ".png");
				assertEnglishFree(monitor.getText());

				WebElement submitted = browser.driver.findElement(
						By.cssSelector("tr.raingan-district[data-office='4201'] td[data-category='submitted'] a"));
				browser.click(submitted);
				browser.waitForText("รายงานส่งแล้ว (รอตรวจ): สำนักงานพัฒนาชุมชนอำเภอเมืองเลย");
				WebElement row = browser.wait.until(d -> d
					.findElements(By.cssSelector("tr.raingan-report-row[data-key='" + ReportsOf4201.SUBMITTED + "']"))
					.stream()
					.findFirst()
					.orElse(null));
				assertThat(row.getText()).contains("ส่งแล้ว", "801-112-P0167-2031-02", "17/03/2574")
					.as("only an overdue report opens its instance (CockpitBrowserTest)")
					.doesNotContain("เปิดดูกระบวนงาน");
				browser.screenshot("round-monitor-list-manager42-" + language + ".png");
				assertEnglishFree(browser.driver.findElement(By.cssSelector(".raingan-dashboard")).getText());

				// its own page, from the navigation
				browser.click(browser.driver.findElement(By.cssSelector("a.raingan-monitor-link")));
				browser.wait.until(d -> d.getCurrentUrl().contains("#/raingan-monitor"));
				browser.waitForText("วันสุดท้ายของการส่งรายงาน 17 มีนาคม 2574");
				browser.wait
					.until(d -> !d.findElements(By.cssSelector(".raingan-chart-progress[data-drawn=true] canvas"))
						.isEmpty());
				browser.click(browser.driver.findElement(By.cssSelector(".raingan-chart-progress")));
				browser.screenshot("round-monitor-page-manager42-" + language + ".png");
			}
		}
		try (Browser browser = Browser.open(port, "th-TH")) {
			browser.signIn("cockpit", "admin", "admin", "ติดตามการรายงานผลของอำเภอ");
			browser.waitForText("อินสแตนซ์กระบวนงานที่กำลังทำงาน");
			browser.screenshot("round-monitor-admin.png");
		}
	}

	@Test
	void theDepartmentSeesTheNationAndDrillsDownToLoei() throws Exception {
		ReportsOf4201.ensure(spring, port);
		try (Browser browser = Browser.open(port, "th-TH")) {
			browser.signIn("cockpit", "cdd01", "cdd01", "ภาพรวมทั้งประเทศ");
			WebElement year = browser.driver.findElement(By.cssSelector(".raingan-controls input[type=number]"));
			year.clear();
			year.sendKeys("2574");
			new org.openqa.selenium.support.ui.Select(
					browser.driver.findElement(By.cssSelector(".raingan-controls select")))
				.selectByValue("1");
			browser.click(browser.driver.findElement(By.cssSelector("button.raingan-nation-button")));
			browser.waitForText("ภาพรวมทั้งประเทศ รอบที่ 1 ปีงบประมาณ 2574");
			WebElement loei = browser.wait
				.until(d -> d.findElements(By.cssSelector("tr.raingan-province-row[data-province='42']"))
					.stream()
					.findFirst()
					.orElse(null));
			assertThat(browser.driver.findElement(By.cssSelector(".raingan-dashboard")).getLocation().getY())
				.as("the first thing on the start page")
				.isLessThan(250);
			assertThat(browser.text()).doesNotContain("อินสแตนซ์กระบวนงานที่กำลังทำงาน");
			browser.screenshot("round-monitor-nation-cdd01.png");
			assertEnglishFree(browser.driver.findElement(By.cssSelector(".raingan-dashboard")).getText());
			browser.click(loei.findElement(By.cssSelector("a.raingan-province-link")));
			browser.waitForText("รอบที่ 1 ปีงบประมาณ 2574 สำนักงานพัฒนาชุมชนจังหวัดเลย");
			browser.wait
				.until(d -> !d.findElements(By.cssSelector("tr.raingan-district[data-office='4201']")).isEmpty());
			browser.waitForText("วันสุดท้ายของการส่งรายงาน 17 มีนาคม 2574");
			browser.screenshot("round-monitor-nation-to-loei-cdd01.png");
		}
	}

	static void assertEnglishFree(String text) {
		Matcher latin = Pattern.compile("[A-Za-z][A-Za-z0-9+]*").matcher(text);
		while (latin.find()) {
			// codes (budget codes such as 801-112-P0167-2031-02) carry digits
			assertThat(ALLOWED.matcher(latin.group()).matches() || latin.group().matches("B[1-7]\\+B[1-7]")
					|| latin.group().matches(".*[0-9].*"))
				.as("English word \"%s\" in: %s", latin.group(), text)
				.isTrue();
		}
		assertThat(text).as("no Christian-Era year").doesNotContainPattern("(?<![-/0-9])20[2-3][0-9](?![-/0-9])");
	}

}
