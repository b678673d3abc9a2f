package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.EvaluationRounds;
import th.raingan.evaluation.EvaluationFixture;

/**
 * The dashboards' evaluation part as its users see it, in a Thai and an English browser:
 * once Chiang Rai's strategy unit has recorded item 7.2's province EA3 (three districts,
 * the weighted figures, topic 2's knowledge adjusted to 76.00), Chiang Rai's manager
 * finds it on the province's page of the Cockpit dashboard (per topic, recorded on a
 * Buddhist-Era date, exports); the department finds Chiang Rai on the national page and
 * opens its page.
 */
@ApplicationTest
class EvaluationDashboardBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	EvaluationRounds rounds;

	@Autowired
	IdentityService identity;

	@AfterEach
	void reset() {
		ClockUtil.reset();
		identity.clearAuthentication();
	}

	@Test
	void theManagerAndTheDepartmentSeeTheRecordedResult() throws Exception {
		EvaluationFixture fixture = rounds.recorded();
		for (String language : List.of("th-TH", "en-US")) {
			try (Browser browser = Browser.open(port, language)) {
				browser.signIn("cockpit", "manager57", "manager57", "ติดตามการรายงานผลของอำเภอ");
				show(browser, "2568", "2");
				WebElement row = browser.wait.until(d -> d.findElements(By.cssSelector("tr.raingan-evaluation-row"))
					.stream()
					.filter(r -> r.getText().contains(fixture.budgetCode))
					.findFirst()
					.orElse(null));
				assertThat(row.getText()).contains("3/3")
					.contains("บันทึกแล้ว 10/07/2568 (review57)")
					.contains("๑) ทบทวนระเบียบ")
					.contains("84.00");
				String section = browser.driver.findElement(By.cssSelector(".raingan-evaluation")).getText();
				assertThat(section).contains("ผลการประเมินผลโครงการระดับจังหวัด (EA3) ปีงบประมาณ 2568")
					.contains("76.00")
					.contains("ความรู้ความเข้าใจ (%)")
					.contains("ส่งออก: Excel | CSV");
				assertThat(browser.driver.findElement(By.cssSelector("a.raingan-evaluation-xlsx")).getAttribute("href"))
					.contains("/evaluation/export?format=xlsx&fiscalYear=2568");
				((org.openqa.selenium.JavascriptExecutor) browser.driver)
					.executeScript("arguments[0].scrollIntoView({block: 'start'});", row);
				browser.screenshot("evaluation-dashboard-manager57-" + language + ".png");
			}
		}
		try (Browser browser = Browser.open(port, "th-TH")) {
			browser.signIn("cockpit", "cdd01", "cdd01", "ภาพรวมทั้งประเทศ");
			WebElement year = browser.driver.findElement(By.cssSelector(".raingan-controls input[type=number]"));
			year.clear();
			year.sendKeys("2568");
			new Select(browser.driver.findElement(By.cssSelector(".raingan-controls select"))).selectByValue("2");
			browser.click(browser.driver.findElement(By.cssSelector("button.raingan-nation-button")));
			WebElement chiangRai = browser.wait
				.until(d -> d.findElements(By.cssSelector("tr.raingan-evaluation-province[data-province='57']"))
					.stream()
					.findFirst()
					.orElse(null));
			assertThat(chiangRai.getText()).contains("เชียงราย");
			assertThat(browser.text()).contains("ผลการประเมินผลโครงการระดับจังหวัด (EA3) ปีงบประมาณ 2568");
			((org.openqa.selenium.JavascriptExecutor) browser.driver)
				.executeScript("arguments[0].scrollIntoView({block: 'center'});", chiangRai);
			browser.screenshot("evaluation-dashboard-nation-cdd01.png");
			browser.click(chiangRai.findElement(By.cssSelector("a.raingan-province-link")));
			browser.wait.until(d -> d.findElements(By.cssSelector("tr.raingan-evaluation-row"))
				.stream()
				.anyMatch(r -> r.getText().contains(fixture.budgetCode)));
		}
	}

	private static void show(Browser browser, String year, String round) {
		browser.wait.until(d -> !d.findElements(By.cssSelector(".raingan-round")).isEmpty()
				|| !d.findElements(By.cssSelector(".raingan-dashboard-body .alert")).isEmpty()
				|| !d.findElements(By.cssSelector(".raingan-evaluation")).isEmpty());
		WebElement input = browser.driver.findElement(By.cssSelector(".raingan-controls input[type=number]"));
		input.clear();
		input.sendKeys(year);
		new Select(browser.driver.findElement(By.cssSelector(".raingan-controls select"))).selectByValue(round);
		browser.click(browser.driver.findElement(By.cssSelector(".raingan-controls button.btn-primary")));
	}

}
