package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.Users;
import th.raingan.attachment.Attachment;
import th.raingan.attachment.AttachmentService;
import th.raingan.attachment.Photos;
import th.raingan.evaluation.EvaluationFixture;
import th.raingan.evaluation.EvaluationPlanService;
import th.raingan.evaluation.EvaluationReports;
import th.raingan.evaluation.EvaluationSummaries;
import th.raingan.evaluation.EvaluationSummaryProcess;
import th.raingan.org.OrgUnits;
import th.raingan.project.ProjectCatalog;
import th.raingan.thai.Clock;

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
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	EvaluationPlanService plans;

	@Autowired
	EvaluationReports reports;

	@Autowired
	EvaluationSummaries summaries;

	@Autowired
	AttachmentService attachments;

	@Autowired
	OrgUnits orgUnits;

	@AfterEach
	void reset() {
		ClockUtil.reset();
		identity.clearAuthentication();
	}

	@Test
	void theManagerAndTheDepartmentSeeTheRecordedResult() throws Exception {
		EvaluationFixture fixture = recorded();
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

	/** Item 7.2 reported by three districts, approved, the province's EA3 recorded. */
	private EvaluationFixture recorded() throws Exception {
		ClockUtil.setCurrentTime(
				java.util.Date.from(LocalDate.of(2025, 7, 10).atTime(10, 0).atZone(Clock.ZONE).toInstant()));
		List<String> offices = List.of("5701", "5702", "5703");
		EvaluationFixture fixture = new EvaluationFixture(catalog, plans, offices);
		int[][][] counts = { { { 36, 30, 38 }, { 32, 28, 36 }, { 30, 26, 35 }, { 28, 24, 34 } },
				{ { 20, 15, 24 }, { 18, 14, 22 }, { 21, 17, 23 }, { 15, 12, 20 } },
				{ { 28, 21, 33 }, { 25, 20, 30 }, { 30, 25, 32 }, { 21, 18, 28 } } };
		int[] respondents = { 40, 25, 35 };
		for (int i = 0; i < 3; i++) {
			String office = offices.get(i);
			ProcessInstance report = fixture.start(runtime, catalog, orgUnits, reports, office);
			attachments.add(fixture.businessKey(office), "ea4-" + office + ".pdf", Photos.pdf(1500), "str" + office,
					Attachment.KIND_EA4);
			complete("str" + office, report,
					EvaluationFixture.draft(respondents[i] + 5, respondents[i], fixture.topics(), counts[i], Map.of()));
			complete("review57", report, Map.of(REVIEW_DECISION, DECISION_APPROVE));
		}
		Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(fixture.summaryKey())
			.taskDefinitionKey(EvaluationSummaryProcess.TASK_PROVINCE_SUMMARY)
			.singleResult();
		attachments.add(fixture.summaryKey(), "ea4-province.pdf", Photos.pdf(1500), "review57",
				Attachment.KIND_EA4_PROVINCE);
		try {
			Users.signIn(identity, "review57");
			List<Map<String, Object>> figures = new ArrayList<>();
			for (EvaluationSummaries.Weighted w : summaries.ofTask(task.getId()).orElseThrow().weighted()) {
				Map<String, Object> row = new HashMap<>();
				row.put("knowledge", w.knowledge().toPlainString());
				row.put("use", w.use().toPlainString());
				row.put("satisfaction", w.satisfaction().toPlainString());
				figures.add(row);
			}
			figures.get(1).put("knowledge", "76");
			summaries.record(task.getId(),
					new EvaluationSummaries.Recording(figures, "รวมแบบประเมินฉบับกระดาษที่ส่งภายหลัง"), "review57");
		}
		finally {
			identity.clearAuthentication();
			ClockUtil.reset();
		}
		return fixture;
	}

	private void complete(String user, ProcessInstance report, Map<String, Object> variables) {
		try {
			Users.signIn(identity, user);
			Task task = tasks.createTaskQuery().processInstanceId(report.getId()).singleResult();
			tasks.complete(task.getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
