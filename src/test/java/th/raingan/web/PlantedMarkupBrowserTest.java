package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportDrafts;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.FiscalYear;

/**
 * Markup and links typed into the report's free-text fields, the way users type them,
 * show in Tasklist's forms as the characters typed (th.raingan.thai.SafeText): a not-held
 * reason on the district's draft, a return reason and a field comment on the returned
 * draft and on the reviewer's form of the resubmission. No planted element, no link, no
 * bold; no alert ever opens (an open alert fails every later Selenium call).
 */
@ApplicationTest
class PlantedMarkupBrowserTest {

	static final String PLANTED = "<img src=x onerror=alert(1)> [คลิก](http://evil.example) **ตัวหนา** www.evil.example a@evil.example";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	org.camunda.bpm.engine.IdentityService identity;

	@Test
	void typedMarkupShowsAsTypedInTheDraftAndTheReviewForms() throws Exception {
		FiscalYear year = FiscalYear.of(2572);
		var assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();

		// a report the district says is not yet held, with the planted reason
		Map<String, Object> inputs = ReportDrafts.inputsFor4201(assignment);
		inputs.put(DistrictReportProcess.ROUND_KEY, "2572-7/42");
		String notHeld = runtime
			.startProcessInstanceByKey(DistrictReportProcess.KEY, "planted-notheld-" + UUID.randomUUID(), inputs)
			.getId();
		Map<String, Object> reason = new HashMap<>();
		reason.put(DistrictReportProcess.ACTIVITY_STATUS, DistrictReportProcess.ACTIVITY_NOT_HELD_VALUE);
		reason.put(DistrictReportProcess.NOT_HELD_REASON, PLANTED);
		reason.put(DistrictReportProcess.NOT_HELD_PLANNED_DATE, BuddhistDates.format(year.end().minusDays(10)));
		reason.put(DistrictReportProcess.CONFIRM_SUBMIT, true);
		tasks.complete(task(notHeld), reason);

		// a report returned with the planted reason and a planted comment on a field
		Map<String, Object> inputs2 = ReportDrafts.inputsFor4201(assignment);
		inputs2.put(DistrictReportProcess.ROUND_KEY, "2569-8/42");
		String returned = runtime
			.startProcessInstanceByKey(DistrictReportProcess.KEY, "planted-return-" + UUID.randomUUID(), inputs2)
			.getId();
		tasks.complete(task(returned), ReportDrafts.valid());
		Map<String, Object> decision = new HashMap<>();
		decision.put(DistrictReportProcess.REVIEW_DECISION, DistrictReportProcess.DECISION_RETURN);
		decision.put(DistrictReportProcess.RETURN_REASON, PLANTED);
		decision.put(DistrictReportProcess.REVIEW_COMMENTS,
				SpinValues
					.jsonValue("[{\"target\":\"" + DistrictReportProcess.SPENT_BAHT + "\",\"comment\":\""
							+ PLANTED.replace("\"", "\\\"") + "\"}]")
					.create());
		// the decision is the reviewer's (the delegate checks the signed-in user's group)
		identity.setAuthentication("review42", java.util.List.of("province-42-review"));
		try {
			tasks.complete(task(returned), decision);
		}
		finally {
			identity.clearAuthentication();
		}

		try (Browser district = Browser.open(port)) {
			district.signIn("tasklist", "str4201", "test4201", "งานของหน่วยงาน");
			seenAsTyped(district, task(notHeld), "not-held-reason");
			seenAsTyped(district, task(returned), "return-reason");
		}

		// resubmitted: the reviewer's form shows the return history and the comment's
		// state
		tasks.complete(task(returned), ReportDrafts.valid());
		try (Browser reviewer = Browser.open(port)) {
			reviewer.signIn("tasklist", "review42", "review42", "งานของหน่วยงาน");
			seenAsTyped(reviewer, task(returned), "review-form");
		}
	}

	private String task(String instance) {
		return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
	}

	private static void seenAsTyped(Browser browser, String taskId, String name) throws Exception {
		browser.driver.get(browser.url("/camunda/app/tasklist/default/#/?task=" + taskId));
		browser.waitForText("ตัวหนา");
		browser.screenshot("planted-" + name + ".png");
		@SuppressWarnings("unchecked")
		List<Object> planted = (List<Object>) ((JavascriptExecutor) browser.driver).executeScript("""
				const form = document.querySelector('.fjs-container') || document.body;
				return [
				  document.querySelectorAll('img[src="x"], img[onerror]').length,
				  Array.from(document.querySelectorAll('a[href]')).filter(a => /evil/.test(a.href)).length,
				  Array.from(form.querySelectorAll('strong, b, em')).filter(e => /ตัวหนา/.test(e.textContent)).length,
				  Array.from(form.querySelectorAll('.fjs-form-field-text')).map(e => e.innerText).join(' | ')];
				""");
		assertThat(((Number) planted.get(0)).intValue()).as(name + ": planted images").isZero();
		assertThat(((Number) planted.get(1)).intValue()).as(name + ": links to the planted address").isZero();
		assertThat(((Number) planted.get(2)).intValue()).as(name + ": planted bold").isZero();
		assertThat((String) planted.get(3)).as(name + ": the form's texts show it as typed").contains(PLANTED);
	}

}
