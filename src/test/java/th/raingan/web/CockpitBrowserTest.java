package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.DistrictReportProcess;

/**
 * manager42 opens Cockpit and finds Loei's districts with their counts on the dashboard,
 * in headless Chromium.
 */
@ApplicationTest
class CockpitBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	ManagementService management;

	@Test
	void theManagerFindsLoeisDistrictsWithTheirCounts() throws Exception {
		// a round of its own (2571-1), so that the dashboard's other test keeps its exact
		// counts
		ProcessInstance overdue = th.raingan.dashboard.DashboardTestData.start(runtime, catalog, "4201",
				"801-112-P0167-2027-02", "2571-1/42");
		th.raingan.dashboard.DashboardTestData.start(runtime, catalog, "4201", "803-112-S0550-2027-09", "2571-1/42");
		// its due date has passed: the escalation opens it to the province in Cockpit
		// (the others' timers wait)
		management.executeJob(management.createJobQuery()
			.processInstanceId(overdue.getId())
			.activityId(DistrictReportProcess.TIMER_DUE_DATE_PASSED)
			.singleResult()
			.getId());
		th.raingan.dashboard.DashboardTestData.start(runtime, catalog, "4202", "801-112-P0167-2027-02", "2571-1/42");
		try (Browser browser = Browser.open(port)) {
			browser.signIn("cockpit", "manager42", "manager42", "ติดตามการรายงานผลของอำเภอ");
			WebElement year = browser.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".raingan-controls input[type=number]")));
			year.clear();
			year.sendKeys("2571");
			new Select(browser.driver.findElement(By.cssSelector(".raingan-controls select"))).selectByValue("1");
			browser.click(browser.driver.findElement(By.xpath("//button[normalize-space(.)='แสดง']")));
			browser.waitForText("รอบที่ 1 ปีงบประมาณ 2571");
			browser.wait
				.until(d -> !d.findElements(By.cssSelector("tr.raingan-district[data-office='4201']")).isEmpty());
			String row = browser.driver.findElement(By.cssSelector("tr.raingan-district[data-office='4201']"))
				.getText();
			assertThat(row).isEqualTo("สำนักงานพัฒนาชุมชนอำเภอเมืองเลย 2 0 2 0 0 0 2 0 0 - -");
			assertThat(browser.driver.findElement(By.cssSelector("tr.raingan-district[data-office='4202']")).getText())
				.isEqualTo("สำนักงานพัฒนาชุมชนอำเภอนาด้วง 1 0 1 0 0 0 1 0 0 - -");
			assertThat(browser.text()).contains("รายงานที่เลยกำหนดส่ง (3)", "เปิดดูกระบวนงาน", "งบประมาณปี 2571",
					"Excel");
			browser.click(browser.driver.findElement(By.xpath("//h4[contains(., 'รายอำเภอ')]")));
			browser.screenshot("cockpit-dashboard-manager42.png");

			// the overdue count opens the overdue reports, and an overdue report its
			// process instance in Cockpit
			browser.click(browser.driver
				.findElement(By.cssSelector("tr.raingan-district[data-office='4201'] td[data-category='overdue'] a")));
			browser.waitForText("รายงานเลยกำหนด: สำนักงานพัฒนาชุมชนอำเภอเมืองเลย (2 รายงาน)");
			browser.screenshot("cockpit-overdue-list-manager42.png");
			browser.click(browser.driver
				.findElement(By.cssSelector("a[href='#/process-instance/" + overdue.getId() + "/runtime']")));
			browser.wait.until(d -> d.getCurrentUrl().contains("/process-instance/" + overdue.getId()));
			browser.waitForText(overdue.getBusinessKey());
			browser.screenshot("cockpit-overdue-report-manager42.png");
		}
	}

}
