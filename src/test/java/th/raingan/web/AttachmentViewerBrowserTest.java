package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.attachment.Photos;
import th.raingan.org.Groups;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.ReportDrafts;
import th.raingan.thai.Clock;

/**
 * A photo of a submitted report opens on screen in the review's ไฟล์แนบ tab (a viewer,
 * not a download), and a PDF's link asks for it inline. Screenshot
 * {@code target/screenshots/review-photo-viewer.png}.
 */
@ApplicationTest
class AttachmentViewerBrowserTest {

	static final String FILES = "/camunda/api/tasklist/plugin/raingan-attachments/default";

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

	Browser chromium;

	@AfterEach
	void closeChromium() throws Exception {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void review42SeesThePhotoInTheTab() throws Exception {
		String key = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "/" + ReviewDeskBrowserTest.PROJECT
				+ "/4201";
		Map<String, Object> inputs = ReportDrafts
			.inputsFor4201(th.raingan.review.DeskProject.assignment(catalog, "4201"));
		inputs.put(REPORT_KEY, key);
		inputs.put(DUE_DATE, Clock.endOfDay(LocalDate.now(Clock.ZONE).plusDays(30)));
		String instance = runtime.startProcessInstanceByKey(KEY, key, inputs).getId();
		String draft = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
		WebappSession str4201 = WebappSession.login(port, "str4201", "test4201");
		assertThat(
				str4201.post(FILES + "/tasks/" + draft + "/attachments?name=photo.png", Photos.smallPng()).statusCode())
			.isEqualTo(200);
		assertThat(
				str4201.post(FILES + "/tasks/" + draft + "/attachments?name=report.pdf", Photos.pdf(5000)).statusCode())
			.isEqualTo(200);
		try {
			identity.setAuthentication("str4201", List.of(Groups.district("4201")));
			tasks.claim(draft, "str4201");
			tasks.complete(draft, ReportDrafts.valid());
		}
		finally {
			identity.clearAuthentication();
		}
		String review = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

		chromium = Browser.open(port, "th-TH");
		chromium.signIn("tasklist", "review42", "review42", "รายงานรอพิจารณา");
		chromium.driver.get(chromium.url("/camunda/app/tasklist/default/#/?task=" + review));
		chromium.waitForText("ผลการพิจารณา");
		chromium.click(chromium.wait.until(ExpectedConditions
			.elementToBeClickable(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='ไฟล์แนบ']"))));
		WebElement photo = chromium.wait.until(ExpectedConditions
			.elementToBeClickable(By.xpath("//a[contains(@class,'raingan-file')][normalize-space(.)='photo.png']")));
		int windows = chromium.driver.getWindowHandles().size();
		chromium.click(photo);
		WebElement image = chromium.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".raingan-viewer img")));
		chromium.wait
			.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth;", image))
				.intValue() > 0);
		assertThat(chromium.driver.getWindowHandles()).as("shown in the tab, no new window, no download")
			.hasSize(windows);
		assertThat(chromium.driver
			.findElement(By.xpath("//a[contains(@class,'raingan-file')][normalize-space(.)='report.pdf']"))
			.getAttribute("href")).endsWith("?inline=true");
		chromium.screenshot("review-photo-viewer.png");
	}

}
