package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;

/**
 * คะแนนของฉัน in headless Chromium, in a Thai and an en-US browser: cdo4201a opens it
 * from Tasklist's navigation bar and reads their own individual indicators (I1 70 % ->
 * level 4: 4.00 of 5, 80.00 %) and Mueang Loei's team score ((40x3 + 40x2) / 100 = 2.00),
 * never their colleague cdo4201b's; every word is Thai apart from codes and the letters'
 * own terms, every year Buddhist-Era. Then the KPI round's start form, as Buriram's and
 * Loei's managers: each sees only its province's templates and the department's.
 */
@ApplicationTest
class KpiScoresBrowserTest {

	static final String ROUND = "2568-2/42";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void mueangLoeisRound() {
		cleanUp();
		Timestamp now = new Timestamp(System.currentTimeMillis());
		jdbc.update(
				"insert into raingan.kpi_round (round_key, fiscal_year_be, round_no, province_code, template_id, status, frozen_at) values (?, 2568, 2, '42', 'department-province-2565-round1', 'collecting', ?)",
				ROUND, now);
		for (String[] p : List.of(new String[] { "cdo4201a", "I1", "70" }, new String[] { "cdo4201b", "I4", "5" })) {
			jdbc.update(
					"insert into raingan.kpi_person_part (round_key, office_code, person_id, status) values (?, '4201', ?, 'entered')",
					ROUND, p[0]);
			jdbc.update(
					"insert into raingan.kpi_agreement (round_key, office_code, person_id, indicator_id, target_th, assigned_by, assigned_at) values (?, '4201', ?, ?, 'ระดับ 5', 'head4201', ?)",
					ROUND, p[0], p[1], now);
			jdbc.update(
					"insert into raingan.kpi_input (round_key, office_code, person_id, indicator_id, input_id, value_number, evidence, source) values (?, '4201', ?, ?, 'value', ?, 'รายงานผลครัวเรือนเป้าหมาย', 'entered')",
					ROUND, p[0], p[1], new BigDecimal(p[2]));
			for (String party : List.of("officer", "head")) {
				jdbc.update(
						"insert into raingan.kpi_agreement_confirmation (round_key, person_id, party, confirmed_by, confirmed_at) values (?, ?, ?, ?, ?)",
						ROUND, p[0], party, "officer".equals(party) ? p[0] : "head4201", now);
			}
		}
		for (String[] t : List.of(new String[] { "P1", "80" }, new String[] { "P2", "85" })) {
			jdbc.update(
					"insert into raingan.kpi_input (round_key, office_code, person_id, indicator_id, input_id, value_number, source) values (?, '4201', '', ?, 'value', ?, 'computed')",
					ROUND, t[0], new BigDecimal(t[1]));
		}
	}

	@AfterEach
	void cleanUp() {
		for (String table : List.of("kpi_input", "kpi_agreement", "kpi_agreement_confirmation", "kpi_person_part",
				"kpi_round_office", "kpi_round")) {
			jdbc.update("delete from raingan." + table + " where round_key = ?", ROUND);
		}
	}

	@Test
	void aPersonReadsTheirOwnScoresInThaiWithBuddhistEraYears() throws Exception {
		for (String language : List.of("th-TH", "en-US")) {
			try (Browser chromium = Browser.open(port, language)) {
				warm(chromium);
				chromium.signIn("tasklist", "cdo4201a", "cdo4201a", "คะแนนของฉัน");
				chromium.click(chromium.wait
					.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".raingan-kpi-scores-link"))));
				chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
						By.cssSelector(".raingan-kpi-scores-page select[name=round] option[value='" + ROUND + "']")));
				new org.openqa.selenium.support.ui.Select(
						chromium.driver.findElement(By.cssSelector(".raingan-kpi-scores-page select[name=round]")))
					.selectByValue(ROUND);
				WebElement me;
				try {
					me = chromium.wait.until(ExpectedConditions
						.visibilityOfElementLocated(By.cssSelector(".raingan-person[data-person='cdo4201a']")));
				}
				catch (RuntimeException ex) {
					chromium.screenshot("kpi-scores-failed-" + language + ".png");
					System.out.println("[kpi-scores " + language + "] page: " + chromium.text());
					throw ex;
				}
				chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
						By.cssSelector(".raingan-team[data-office='4201'] .raingan-team-score")));
				assertThat(me.getText()).contains("คะแนนรายบุคคล 4.00 จาก 5 (ร้อยละ 80.00)")
					.contains("กรอกผลแล้ว รอพัฒนาการอำเภอตรวจ")
					.contains("ผลการดำเนินงาน: 70 หลักฐาน: รายงานผลครัวเรือนเป้าหมาย")
					.contains("ระดับ 5: ต้องไม่น้อยกว่า 85");
				WebElement i1 = me.findElement(By.cssSelector("tr.raingan-indicator[data-indicator='I1']"));
				assertThat(i1.findElement(By.cssSelector(".raingan-level")).getText()).isEqualTo("4");
				assertThat(i1.findElement(By.cssSelector(".raingan-indicator-score")).getText()).isEqualTo("4.00");
				assertThat(chromium.driver
					.findElement(By.cssSelector(".raingan-team[data-office='4201'] .raingan-team-score"))
					.getText()).isEqualTo("2.00");
				assertThat(chromium.driver.findElements(By.cssSelector(".raingan-person[data-person='cdo4201b']")))
					.as("a colleague's scores are not on the page")
					.isEmpty();
				String page = chromium.driver.findElement(By.cssSelector(".raingan-kpi-scores-page")).getText();
				assertThat(page).doesNotContain("cdo4201b")
					.contains("รอบที่ 2/2568 สำนักงานพัฒนาชุมชนจังหวัดเลย")
					.contains("ยืนยันเมื่อ")
					.contains(String.valueOf(java.time.LocalDate.now().getYear() + 543));
				String all = (String) ((JavascriptExecutor) chromium.driver).executeScript(
						"return document.body.innerText + '\\n' + Array.from(document.querySelectorAll('[title]'))"
								+ ".filter(e => e.offsetParent !== null).map(e => e.getAttribute('title')).join('\\n')");
				List<String> latin = ThaiEverywhereBrowserTest.latinWords(all);
				System.out.println("[kpi-scores " + language + "] Latin-script words outside the allowlist: "
						+ latin.size() + " " + latin);
				assertThat(latin).as(language).isEmpty();
				assertThat(ThaiEverywhereBrowserTest.christianEraDates(all)).as(language).isEmpty();
				assertThat(page).doesNotContainPattern("(?<![\\d,.])20[0-9]{2}(?![\\d,.])");
				chromium.screenshot("kpi-scores-" + language + ".png");
			}
		}
	}

	@Test
	void theRoundsStartFormOffersOnlyTheProvincesTemplates() throws Exception {
		String buriram = offeredTemplates("manager31");
		assertThat(buriram)
			.contains("บุรีรัมย์ รอบที่ 1/2565", "กรมฯ กับจังหวัด รอบที่ 1/2565", "กรมฯ กับจังหวัด รอบที่ 2/2565")
			.doesNotContain("เลย รอบที่ 1/2569");
		String loei = offeredTemplates("manager42");
		assertThat(loei).contains("เลย รอบที่ 1/2569", "กรมฯ กับจังหวัด รอบที่ 2/2565").doesNotContain("บุรีรัมย์");
	}

	private String offeredTemplates(String manager) throws Exception {
		try (Browser chromium = Browser.open(port, "th-TH")) {
			warm(chromium);
			chromium.signIn("tasklist", manager, manager, "เริ่มกระบวนงาน");
			chromium.click(chromium.driver.findElement(By.cssSelector(".start-process-action a")));
			chromium.click(chromium.wait.until(ExpectedConditions
				.elementToBeClickable(By.xpath("//a[contains(., 'ปิดรอบและคิดคะแนนตัวชี้วัด')]"))));
			chromium.waitForText("แม่แบบตัวชี้วัด");
			WebElement select = chromium.wait.until(ExpectedConditions.elementToBeClickable(By
				.xpath("//label[contains(., 'แม่แบบตัวชี้วัด')]/following::*[contains(@class,'fjs-input-group')][1]")));
			chromium.click(select);
			WebElement list = chromium.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist")));
			chromium.wait.until(d -> !list.getText().isBlank());
			String offered = list.getText();
			System.out.println("[kpi-round-start " + manager + "] offered: " + offered.replace('\n', '|'));
			chromium.screenshot("kpi-round-start-" + manager + ".png");
			return offered;
		}
	}

	/**
	 * A cold Chromium on a busy machine may take longer than the sign-in's 30 seconds to
	 * show Tasklist's login form the first time: it is loaded once beforehand.
	 */
	private static void warm(Browser chromium) throws Exception {
		chromium.driver.get(chromium.url("/camunda/app/tasklist/default/"));
		for (int attempt = 1;; attempt++) {
			try {
				new org.openqa.selenium.support.ui.WebDriverWait(chromium.driver, java.time.Duration.ofSeconds(60))
					.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
				return;
			}
			catch (RuntimeException ex) {
				chromium.screenshot("kpi-scores-warm-" + attempt + ".png");
				System.out.println("[kpi-scores warm " + attempt + "] " + chromium.driver.getCurrentUrl() + " page: "
						+ chromium.text().replace('\n', '|'));
				if (attempt == 3) {
					throw ex;
				}
				chromium.driver.navigate().refresh();
			}
		}
	}

}
