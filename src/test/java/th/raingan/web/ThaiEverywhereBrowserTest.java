package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.report.DistrictReportProcess;
import th.raingan.round.ReportingRoundProcess;
import th.raingan.round.RoundJobs;

/**
 * Every screen of a report's life, as the three roles see it in an en-US browser
 * (Chromium with --lang=en-US and Accept-Language en-US): the manager opens a round, the
 * district drafts, attaches, submits, the province returns, the district resubmits, the
 * province approves, the manager reads the dashboard. Each screen's visible text (and its
 * tooltips) is collected: no Latin-script word outside {@link #ALLOWED}, no date with a
 * Christian-Era year. Screenshots: {@code target/screenshots/walk-*.png}.
 */
@ApplicationTest
class ThaiEverywhereBrowserTest {

	/**
	 * Latin-script words a screen may show: the letters' own terms and the file formats
	 * they name.
	 */
	static final Set<String> ALLOWED = Set.of("KPI", "EA", "PDF", "Excel", "CSV", "Success", "Factor");

	/**
	 * A word with a digit in it is a code (B1-B7, EA3, budget codes, account names such
	 * as str2701).
	 */
	static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9'’]*");

	static final Pattern FILE_NAME = Pattern.compile("[^\\s/\\\\]+\\.(?:png|jpe?g|pdf|docx?|xlsx?|csv)",
			Pattern.CASE_INSENSITIVE);

	static final Pattern BUDGET_CODE = Pattern.compile("\\d{3}-\\d{3}-[A-Z]\\d{4}-\\d{4}-\\d{2}");

	/** An e-mail address is an identifier, like an account name. */
	static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w.-]+");

	static final String THAI_MONTH = "(?:มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม"
			+ "|ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.)";

	/**
	 * A date whose year is 19xx or 20xx: dd/mm/yyyy, yyyy-mm-dd, "17 มีนาคม 2027", "March
	 * 17, 2027".
	 */
	static final Pattern CHRISTIAN_ERA_DATE = Pattern.compile("\\b\\d{1,2}/\\d{1,2}/(?:19|20)\\d{2}\\b"
			+ "|\\b(?:19|20)\\d{2}-\\d{2}-\\d{2}\\b" + "|" + THAI_MONTH + "\\s*(?:19|20)\\d{2}\\b"
			+ "|\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2},? (?:19|20)\\d{2}\\b");

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	/** screen name -> offending words / dates */
	final Map<String, List<String>> latin = new LinkedHashMap<>();

	final Map<String, List<String>> christianEra = new LinkedHashMap<>();

	int screens;

	/**
	 * The project's processes (processes/*.bpmn, process id == file name): other tests'
	 * probes are no one's screen.
	 */
	static Set<String> projectProcesses() throws java.io.IOException {
		try (var files = Files.list(Path.of("processes"))) {
			return files.map(f -> f.getFileName().toString())
				.filter(name -> name.endsWith(".bpmn"))
				.map(name -> name.substring(0, name.length() - ".bpmn".length()))
				.collect(java.util.stream.Collectors.toSet());
		}
	}

	@Test
	void everyScreenOfAReportsLifeIsThaiWithBuddhistEraDates() throws Exception {
		String roundKey = "2570-1/27";
		Set<String> projectProcesses = projectProcesses();
		runtime.createProcessInstanceQuery()
			.list()
			.stream()
			.filter(instance -> instance.getProcessDefinitionId() != null
					&& !projectProcesses.contains(instance.getProcessDefinitionId().split(":")[0]))
			.forEach(probe -> runtime.deleteProcessInstance(probe.getId(), "not a screen of the application"));
		// the province manager opens the round in Tasklist
		try (Browser manager = Browser.open(port, "en-US")) {
			manager.driver.get(manager.url("/camunda/app/tasklist/default/"));
			manager.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
			collect(manager, "login");
			assertThat(manager.driver.findElements(By.cssSelector(".login-logo svg")))
				.as("the vendor's word mark (a picture of \"CAMUNDA\") is not on the login page")
				.noneMatch(WebElement::isDisplayed);
			manager.signIn("tasklist", "manager27", "manager27", "เริ่มกระบวนงาน");
			collect(manager, "manager-tasklist");
			manager.click(manager.driver.findElement(By.cssSelector(".start-process-action a")));
			manager.click(manager.wait.until(ExpectedConditions
				.elementToBeClickable(By.xpath("//a[contains(., 'เปิดรอบการรายงานผล (จังหวัด)')]"))));
			manager.waitForText("วันสุดท้ายของการส่งรายงาน");
			type(manager, "ปีงบประมาณ (พ.ศ.)", "2570");
			manager.click(manager.driver.findElement(By.xpath("//label[contains(., 'รอบที่ 1')]")));
			manager.click(manager.driver.findElement(By.cssSelector(".raingan-date-button")));
			manager.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".raingan-date-picker")));
			assertThat(manager.driver.findElement(By.cssSelector(".raingan-date-title")).getText())
				.as("the date picker speaks Thai and the Buddhist Era")
				.matches("\\S+ 25\\d\\d");
			collect(manager, "manager-open-round-form-with-date-picker");
			manager.click(manager.driver.findElement(By.cssSelector(".raingan-date-close")));
			// a date that does not exist is refused at its field, in Thai, and nothing
			// starts
			type(manager, "วันสุดท้ายของการส่งรายงาน", "31/02/2570");
			manager.click(manager.driver.findElement(
					By.xpath("//div[contains(@class,'modal-footer')]//button[contains(@class,'btn-primary')]")));
			WebElement refusal = manager.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".raingan-form-invalid .raingan-form-error")));
			assertThat(refusal.findElement(By.xpath("./..")).getText()).contains("วันสุดท้ายของการส่งรายงาน");
			assertThat(manager.text()).doesNotContain("Cannot instantiate", "Cannot submit");
			collect(manager, "manager-open-round-refused");
			type(manager, "วันสุดท้ายของการส่งรายงาน", "17/03/2570");
			manager.click(manager.driver.findElement(
					By.xpath("//div[contains(@class,'modal-footer')]//button[contains(@class,'btn-primary')]")));
			manager.waitForText("เปิดรอบแล้ว:");
			assertThat(manager.text()).contains("เปิดรอบแล้ว: 36 รายงาน 9 อำเภอ");
			collect(manager, "manager-round-opened");
		}
		String roundId = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ReportingRoundProcess.KEY)
			.processInstanceBusinessKey(roundKey)
			.singleResult()
			.getId();
		RoundJobs.startReports(management, runtime, roundId);
		Task draft = tasks.createTaskQuery()
			.taskCandidateGroup("district-2701")
			.processVariableValueEquals(DistrictReportProcess.ROUND_KEY, roundKey)
			.taskDefinitionKey(DistrictReportProcess.TASK_DISTRICT_DRAFT)
			.orderByTaskName()
			.asc()
			.list()
			.get(0);
		String reportKey = (String) tasks.getVariable(draft.getId(), DistrictReportProcess.REPORT_KEY);

		// the district drafts, attaches a photo, submits
		try (Browser district = Browser.open(port, "en-US")) {
			district.signIn("tasklist", "str2701", "test2701", "งานของหน่วยงาน");
			collect(district, "district-list");
			openTask(district, draft.getId(), "ส่วนที่ 1 แบบฟอร์มรายงาน");
			district
				.click(district.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))));
			district.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.unclaim")));
			fillReport(district);
			collect(district, "district-draft-form");
			assertThat(district.text()).as("controls an officer cannot use")
				.doesNotContain("สร้างงาน", "แป้นพิมพ์ลัด", "กำหนดวันที่ติดตาม");
			assertThat(district.driver
				.findElements(By.cssSelector(".tasks-list .priority, [cam-tasklist-task-meta] .reset-due-date")))
				.noneMatch(WebElement::isDisplayed);
			assertThat(district.driver.findElements(By.cssSelector("[cam-tasklist-task-meta] .due-date")))
				.allMatch(due -> "none".equals(due.getCssValue("pointer-events")));
			tab(district, "ไฟล์แนบ");
			WebElement input = district.wait.until(ExpectedConditions.presenceOfElementLocated(
					By.cssSelector(".raingan-attachments input[type=file]:not([name=slot-file])")));
			Path photo = Files.createTempFile("ภาพกิจกรรม-", ".png");
			Files.write(photo, th.raingan.attachment.Photos.smallPng());
			input.sendKeys(photo.toAbsolutePath().toString());
			district.wait.until(d -> d.findElements(By.cssSelector(".raingan-attachments a.raingan-file")).size() == 1);
			collect(district, "district-attachments");
			tab(district, "ประวัติ");
			collect(district, "district-history");
			tab(district, "แบบฟอร์ม");
			district.waitForText("ส่วนที่ 1 แบบฟอร์มรายงาน");
			confirmAndSubmit(district);
			district.waitForText("ส่งรายงานให้จังหวัดพิจารณาแล้ว");
			collect(district, "district-submitted");
			district.driver.get(district.url("/camunda/app/welcome/default/"));
			district.waitForText("โปรไฟล์");
			collect(district, "district-profile");
		}

		// the province returns it with a reason
		String reviewId = reviewTask(reportKey).getId();
		try (Browser reviewer = Browser.open(port, "en-US")) {
			reviewer.signIn("tasklist", "review27", "review27", "งานของหน่วยงาน");
			collect(reviewer, "reviewer-list");
			openTask(reviewer, reviewId, "ผลการพิจารณา");
			// a review task is taken on opening (no รับงาน), and decided with อนุมัติ /
			// ส่งกลับแก้ไข
			reviewer.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.unclaim")));
			reviewer.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.raingan-return")));
			type(reviewer, "เหตุผลที่ส่งกลับแก้ไข", "กรุณาแนบภาพกิจกรรมเพิ่มเติม");
			collect(reviewer, "reviewer-review-form");
			tab(reviewer, "ประวัติ");
			collect(reviewer, "reviewer-history");
			tab(reviewer, "แบบฟอร์ม");
			reviewer.waitForText("ผลการพิจารณา");
			reviewer.click(reviewer.wait
				.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.raingan-return"))));
			reviewer.waitForText("จัดเก็บข้อมูลเรียบร้อยแล้ว");
			collect(reviewer, "reviewer-returned");
		}

		// the district sees it returned, resubmits
		Task returned = tasks.createTaskQuery()
			.processVariableValueEquals(DistrictReportProcess.REPORT_KEY, reportKey)
			.taskDefinitionKey(DistrictReportProcess.TASK_DISTRICT_DRAFT)
			.singleResult();
		assertThat(returned.getName()).startsWith("ส่งกลับแก้ไข: ");
		try (Browser district = Browser.open(port, "en-US")) {
			district.signIn("tasklist", "str2701", "test2701", "งานของหน่วยงาน");
			district.waitForText("ส่งกลับแก้ไข: ");
			collect(district, "district-list-returned");
			openTask(district, returned.getId(), "จังหวัดส่งกลับให้แก้ไข");
			district
				.click(district.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))));
			district.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.unclaim")));
			collect(district, "district-returned-form");
			confirmAndSubmit(district);
			district.waitForText("ส่งรายงานให้จังหวัดพิจารณาแล้ว");
			collect(district, "district-resubmitted");
		}

		// the province approves
		String secondReview = reviewTask(reportKey).getId();
		try (Browser reviewer = Browser.open(port, "en-US")) {
			reviewer.signIn("tasklist", "review27", "review27", "งานของหน่วยงาน");
			openTask(reviewer, secondReview, "ผลการพิจารณา");
			reviewer.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.unclaim")));
			reviewer.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.raingan-approve")));
			collect(reviewer, "reviewer-approve-form");
			reviewer.click(reviewer.wait
				.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.raingan-approve"))));
			reviewer.waitForText("จัดเก็บข้อมูลเรียบร้อยแล้ว");
			collect(reviewer, "reviewer-approved");
		}

		// the manager's Cockpit
		try (Browser manager = Browser.open(port, "en-US")) {
			manager.signIn("cockpit", "manager27", "manager27", "ติดตามการรายงานผลของอำเภอ");
			WebElement year = manager.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".raingan-controls input[type=number]")));
			year.clear();
			year.sendKeys("2570");
			new Select(manager.driver.findElement(By.cssSelector(".raingan-controls select"))).selectByValue("1");
			manager.click(manager.driver.findElement(By.xpath("//button[normalize-space(.)='แสดง']")));
			manager.waitForText("รอบที่ 1 ปีงบประมาณ 2570");
			collect(manager, "manager-cockpit-dashboard");
			manager.driver.get(manager.url("/camunda/app/cockpit/default/#/processes"));
			manager.waitForText("นิยามกระบวนงาน");
			collect(manager, "manager-cockpit-processes");
		}

		myReportsScreens();

		int latinCount = latin.values().stream().mapToInt(List::size).sum();
		int eraCount = christianEra.values().stream().mapToInt(List::size).sum();
		System.out.println("[walk] screens: " + screens);
		System.out.println("[walk] Latin-script words outside the allowlist: " + latinCount + " " + latin);
		System.out.println("[walk] dates with a Christian-Era year: " + eraCount + " " + christianEra);
		assertThat(latin).as("Latin-script words outside the allowlist, per screen").isEmpty();
		assertThat(christianEra).as("dates with a Christian-Era year, per screen").isEmpty();
	}

	/**
	 * รายงานของฉัน after the walk: the district's page with the approved report's
	 * versions opened, and the province reviewer's view of the same office.
	 */
	void myReportsScreens() throws Exception {
		for (String[] who : new String[][] { { "str2701", "test2701", "district" },
				{ "review27", "review27", "reviewer" } }) {
			try (Browser browser = Browser.open(port, "en-US")) {
				browser.signIn("tasklist", who[0], who[1], "รายงานของฉัน");
				browser.click(browser.wait
					.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".raingan-my-reports-link"))));
				browser.waitForText("งบประมาณของ");
				if (who[2].equals("reviewer")) {
					new Select(
							browser.driver.findElement(By.cssSelector(".raingan-my-reports-page select[name=office]")))
						.selectByValue("2701");
				}
				new Select(
						browser.driver.findElement(By.cssSelector(".raingan-my-reports-page select[name=fiscalYear]")))
					.selectByValue("2570");
				browser.waitForText("อนุมัติ");
				// "อนุมัติ" is also a status filter's option: the list may still be
				// redrawn for the year chosen, and a
				// redrawn list has new (closed) toggles, so they are opened again until
				// none went stale
				browser.wait.until(d -> {
					try {
						for (WebElement toggle : d.findElements(By.cssSelector(".raingan-toggle"))) {
							browser.click(toggle);
						}
						return true;
					}
					catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
						return false;
					}
				});
				collect(browser, who[2] + "-my-reports");
			}
		}
	}

	/** The screen's visible text and its tooltips, checked; a screenshot kept. */
	void collect(Browser browser, String screen) throws Exception {
		screens++;
		String text = (String) ((JavascriptExecutor) browser.driver).executeScript(
				"return document.body.innerText + '\\n' + Array.from(document.querySelectorAll('[uib-tooltip],[title]'))"
						+ ".filter(e => e.offsetParent !== null)"
						+ ".map(e => e.getAttribute('uib-tooltip') || e.getAttribute('title')).join('\\n')");
		browser.screenshot("walk-" + String.format("%02d", screens) + "-" + screen + ".png");
		List<String> words = latinWords(text);
		if (!words.isEmpty()) {
			latin.put(screen, words);
		}
		List<String> dates = christianEraDates(text);
		if (!dates.isEmpty()) {
			christianEra.put(screen, dates);
		}
	}

	static List<String> latinWords(String text) {
		String withoutCodes = EMAIL.matcher(BUDGET_CODE.matcher(text).replaceAll(" ")).replaceAll(" ");
		String withoutFiles = FILE_NAME.matcher(withoutCodes).replaceAll(" ");
		List<String> found = new ArrayList<>();
		Matcher m = LATIN_WORD.matcher(withoutFiles);
		while (m.find()) {
			String word = m.group();
			if (!ALLOWED.contains(word) && !word.matches(".*\\d.*")) {
				found.add(word);
			}
		}
		return found;
	}

	static List<String> christianEraDates(String text) {
		List<String> found = new ArrayList<>();
		Matcher m = CHRISTIAN_ERA_DATE.matcher(BUDGET_CODE.matcher(text).replaceAll(" "));
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}

	private Task reviewTask(String reportKey) {
		return tasks.createTaskQuery()
			.processVariableValueEquals(DistrictReportProcess.REPORT_KEY, reportKey)
			.taskDefinitionKey(DistrictReportProcess.TASK_PROVINCE_REVIEW)
			.singleResult();
	}

	private static void openTask(Browser browser, String taskId, String landmark) {
		browser.driver.get(browser.url("/camunda/app/tasklist/default/#/?task=" + taskId));
		browser.waitForText(landmark);
	}

	private static void tab(Browser browser, String name) {
		browser.click(browser.wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='" + name + "']"))));
		if ("ประวัติ".equals(name)) {
			// the history is loaded after the tab opens: its day badges carry the dates
			browser.wait.until(d -> (!d.findElements(By.cssSelector(".date-badge")).isEmpty()
					|| browser.text().contains("ไม่มีประวัติ")) && !browser.text().contains("กำลังโหลด"));
		}
	}

	private static void fillReport(Browser browser) {
		type(browser, "ผู้รับผิดชอบโครงการ", "นางสมศรี ใจดี");
		type(browser, "เบอร์โทรศัพท์", "037425001");
		type(browser, "วันที่เริ่มดำเนินการ", "05/01/2570");
		type(browser, "วันที่สิ้นสุดการดำเนินการ", "20/01/2570");
		type(browser, "ประเด็นความสำเร็จ", "ผู้นำชุมชนร่วมจัดทำแผน");
		type(browser, "เป้าหมาย", "1");
		type(browser, "ผลการดำเนินงาน", "1");
		type(browser, "ความก้าวหน้า (ร้อยละ)", "100");
		type(browser, "ผลการใช้จ่ายงบประมาณ (บาท)", "3,000");
		// part 2 only where the assignment needs area data
		if (!browser.driver
			.findElements(
					By.xpath("//label[normalize-space(translate(., '*', ''))='พื้นที่ดำเนินการ (ตำบล/หมู่บ้าน)']"))
			.isEmpty()) {
			type(browser, "พื้นที่ดำเนินการ (ตำบล/หมู่บ้าน)", "ตำบลท่าเกษม หมู่ 1");
			type(browser, "กลุ่มเป้าหมาย", "ผู้นำชุมชน");
			type(browser, "จำนวน (คน)", "25");
			type(browser, "ค่าใช้จ่ายของพื้นที่นี้ (บาท)", "1000");
			type(browser, "ผลที่ได้รับ", "ได้แผนพัฒนาตำบล");
		}
		if (!browser.driver
			.findElements(By.xpath("//label[normalize-space(translate(., '*', ''))='จำนวนผู้ตอบแบบประเมิน (คน)']"))
			.isEmpty()) {
			type(browser, "จำนวนผู้ตอบแบบประเมิน (คน)", "30");
			type(browser, "ความรู้ความเข้าใจ (ร้อยละ)", "80");
			type(browser, "การนำไปใช้ประโยชน์ (ร้อยละ)", "75");
			type(browser, "ความพึงพอใจ (ร้อยละ)", "90");
		}
	}

	private static void confirmAndSubmit(Browser browser) {
		WebElement confirm = browser.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.xpath("//label[contains(., 'คุณต้องการบันทึกข้อมูล')]")));
		WebElement box = browser.driver.findElement(By.id(confirm.getAttribute("for")));
		if (!box.isSelected()) {
			browser.click(box);
		}
		submit(browser);
	}

	private static void submit(Browser browser) {
		browser.click(browser.wait
			.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(., 'ส่งข้อมูล')]"))));
	}

	private static WebElement field(Browser browser, String label) {
		WebElement element = browser.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.xpath("//label[normalize-space(translate(., '*', ''))='" + label + "']")));
		return browser.driver.findElement(By.id(element.getAttribute("for")));
	}

	private static void type(Browser browser, String label, String text) {
		WebElement input = field(browser, label);
		((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
		input.clear();
		input.sendKeys(text);
	}

}
