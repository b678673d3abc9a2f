package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import th.raingan.ApplicationTest;
import th.raingan.plan.IndicatorCatalogue;
import th.raingan.plan.Indicators;
import th.raingan.plan.KpiTargetPlanProcess;
import th.raingan.plan.PlanFixtures;
import th.raingan.plan.PlanService;

/**
 * แผนตัวชี้วัด in headless Chromium, as Mueang Loei's officer uses it: the start form
 * offers the department's catalogue (the office's indicators only) and starts a plan; the
 * list searched by fiscal year and office shows the indicator with its total and quarters
 * as text, not fields; แก้ไข opens the plan's task while it is open; once signed off the
 * row offers only ดู, which shows the plan read-only.
 */
@ApplicationTest
class KpiPlanListBrowserTest {

	static final int YEAR = 2578;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext spring;

	@Autowired
	IndicatorCatalogue catalogue;

	@Autowired
	TaskService tasks;

	@Autowired
	PlanService plans;

	@Test
	void anOfficeStartsFromTheCatalogueFindsItsPlanEditsItWhileOpenAndViewsItOnceSignedOff() throws Exception {
		String ours = Indicators.add(catalogue, "ร้อยละของหมู่บ้านที่มีแผนชุมชนคุณภาพ", "ร้อยละ",
				IndicatorCatalogue.QUANTITY, "42");
		String notOurs = Indicators.add(catalogue, "จำนวนกลุ่มออมทรัพย์ในสระแก้ว", "กลุ่ม", IndicatorCatalogue.QUANTITY,
				"27");
		PlanFixtures fixtures = new PlanFixtures(spring);
		// another office of the province has a plan of the same indicator and year:
		// Mueang Loei does not see it
		String naDuang = fixtures.start("str4202", YEAR, ours);
		String key = PlanService.planKey(YEAR, "4201", ours);

		try (Browser chromium = Browser.open(port, "th-TH")) {
			JavascriptExecutor js = (JavascriptExecutor) chromium.driver;
			chromium.signIn("tasklist", "str4201", "test4201", "เริ่มกระบวนงาน");
			// the start form: the indicator is chosen from the catalogue, not typed
			chromium.click(chromium.driver.findElement(By.cssSelector(".start-process-action a")));
			chromium.click(chromium.wait.until(
					ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(., 'แผนค่าเป้าหมายตัวชี้วัด')]"))));
			chromium.waitForText("บัญชีตัวชี้วัดของกรม");
			WebElement year = chromium.driver
				.findElement(By.xpath("//label[contains(., 'ปีงบประมาณ (พ.ศ.)')]/following::input[1]"));
			year.sendKeys(String.valueOf(YEAR));
			WebElement indicator = chromium.driver
				.findElement(By.xpath("//label[contains(., 'ตัวชี้วัด')]/following::input[1]"));
			chromium.click(indicator);
			chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist")));
			String offered = chromium.driver.findElement(By.cssSelector(".fjs-dropdownlist")).getText();
			assertThat(offered).contains(ours + " ร้อยละของหมู่บ้านที่มีแผนชุมชนคุณภาพ (ร้อยละ, เชิงปริมาณ)")
				.contains("01 องค์กรปกครองส่วนท้องถิ่นผ่านเกณฑ์การประเมินประสิทธิภาพ")
				.doesNotContain(notOurs);
			indicator.sendKeys(ours);
			WebElement choice = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., '" + ours + "')]")));
			chromium.screenshot("kpi-plan-start-form-catalogue.png");
			new org.openqa.selenium.interactions.Actions(chromium.driver).moveToElement(choice).click().perform();
			chromium.click(chromium.driver.findElement(
					By.xpath("//div[contains(@class,'modal-footer')]//button[contains(@class,'btn-primary')]")));
			chromium.wait.until(d -> plans.status(key).isPresent());
			String editTask = fixtures.taskId(key);
			fixtures.complete("str4201", key, java.util.Map.of("planQ1", "15", "planQ2", "25", "planQ3", "20", "planQ4",
					"20", "planTotal", "85", KpiTargetPlanProcess.PLAN_ACTION, KpiTargetPlanProcess.ACTION_SAVE));
			editTask = fixtures.taskId(key);

			// the list: search by fiscal year and office
			chromium.driver.get(chromium.url("/camunda/app/tasklist/default/#/?kpiPlans=1"));
			chromium.driver.navigate().refresh();
			chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector(".raingan-kpi-plans-page select[name=fiscalYear] option[value='" + YEAR + "']")));
			search(chromium, String.valueOf(YEAR), "4201");
			WebElement row = chromium.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("tr.raingan-plan-row[data-key='" + key + "']")));
			assertThat(chromium.driver.findElements(By.cssSelector("tr.raingan-plan-row[data-key='" + naDuang + "']")))
				.isEmpty();
			assertThat(row.findElement(By.cssSelector(".raingan-total")).getText()).isEqualTo("85");
			assertThat(List.of(1, 2, 3, 4)
				.stream()
				.map(q -> row.findElement(By.cssSelector(".raingan-q" + q)).getText())
				.toList()).containsExactly("15", "25", "20", "20");
			assertThat(row.getText()).contains(ours, "ร้อยละของหมู่บ้านที่มีแผนชุมชนคุณภาพ", "ร้อยละ", "เชิงปริมาณ",
					"ร่าง", "ต่างกัน 5");
			// read-only: no field anywhere in the table
			assertThat(chromium.driver.findElements(By
				.cssSelector(".raingan-plan-table input, .raingan-plan-table textarea, .raingan-plan-table select")))
				.isEmpty();
			assertThat(row.findElements(By.cssSelector(".raingan-view"))).isEmpty();
			js.executeScript("arguments[0].scrollIntoView({block: 'center'});", row);
			chromium.screenshot("kpi-plan-list-open.png");
			chromium.click(row.findElement(By.cssSelector(".raingan-edit")));
			chromium.wait
				.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".raingan-kpi-plans-page")));
			assertThat(chromium.driver.getCurrentUrl()).contains("task=" + editTask);
			chromium.waitForText("รวมทั้งสิ้น");
			chromium.screenshot("kpi-plan-task-opened-from-list.png");

			// signed off: ดู only
			fixtures.complete("str4201", key, java.util.Map.of("planQ1", "15", "planQ2", "25", "planQ3", "20", "planQ4",
					"20", "planTotal", "85", KpiTargetPlanProcess.PLAN_ACTION, KpiTargetPlanProcess.ACTION_SIGN_OFF));
			chromium.driver.get(chromium.url("/camunda/app/tasklist/default/#/?kpiPlans=1"));
			chromium.driver.navigate().refresh();
			chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector(".raingan-kpi-plans-page select[name=fiscalYear] option[value='" + YEAR + "']")));
			search(chromium, String.valueOf(YEAR), "4201");
			WebElement signed = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector("tr.raingan-plan-row[data-key='" + key + "'][data-status='signed_off']")));
			assertThat(signed.getText()).contains("นำส่งแล้ว");
			assertThat(signed.findElements(By.cssSelector(".raingan-edit"))).isEmpty();
			chromium.click(signed.findElement(By.cssSelector(".raingan-view")));
			chromium.waitForText("อ่านอย่างเดียว: นำส่งแล้ว");
			String detail = chromium.driver.findElement(By.cssSelector(".raingan-plan-values")).getText();
			assertThat(detail).contains("รวมทั้งสิ้น 85", "ประมาณการ ปีงบประมาณ " + (YEAR + 14) + " - " + (YEAR + 16));
			assertThat(chromium.driver.findElements(By.cssSelector(".raingan-plan-values input"))).isEmpty();
			chromium.screenshot("kpi-plan-list-signed-off-view.png");
		}
	}

	private static void search(Browser chromium, String year, String office) {
		new Select(chromium.driver.findElement(By.cssSelector(".raingan-kpi-plans-page select[name=fiscalYear]")))
			.selectByValue(year);
		Select offices = new Select(
				chromium.driver.findElement(By.cssSelector(".raingan-kpi-plans-page select[name=office]")));
		offices.selectByValue(office);
		chromium.click(chromium.driver.findElement(By.cssSelector(".raingan-kpi-plans-page .raingan-search")));
	}

}
