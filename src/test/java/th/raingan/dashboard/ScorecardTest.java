package th.raingan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.kpi.KpiRoundService;

/**
 * Loei's KPI scorecard for round 1 of fiscal 2561 against round 2 of 2560 (two rounds of
 * this test alone), under the department's province template
 * (department-province-2565-round1): P1 budget disbursement, at least 70/75/80/85/90 for
 * levels 1-5, weight 40; P2 achievement, more than 75/80/85/90/95, weight 40; P3
 * transparency milestones (the count is the level), weight 20; P3 entered as the number
 * of milestones met. Both rounds signed off by manager42 through the KPI round's own
 * sign-off. By hand:
 *
 * <pre>
 * 2561-1  4201  P1 82 -> 3 (next: at least 85, 3 short)   P2 90 -> 3 (next: more than 90)   P3 5 -> 5
 *               (40x3 + 40x3 + 20x5) / 100 = 340 / 100 = 3.40 of 5 = 68.00 %
 *         4202  P1 95 -> 5   P2 60 -> 0 (next: more than 75, 15 short)   P3 2 -> 2
 *               (40x5 + 40x0 + 20x2) / 100 = 240 / 100 = 2.40 = 48.00 %
 * 2560-2  4201  P1 70 -> 1   P2 80 -> 1 (80 is not more than 80)   P3 3 -> 3
 *               (40 + 40 + 60) / 100 = 1.40; 4202 not in that round
 * change 4201: 3.40 - 1.40 = +2.00; the province's mean 2561-1: (3.40 + 2.40) / 2 = 2.90 = 58.00 %, 2560-2: 1.40
 * mean levels 2561-1: P1 (3 + 5) / 2 = 4.00, P2 (3 + 0) / 2 = 1.50, P3 (5 + 2) / 2 = 3.50
 * </pre>
 */
@ApplicationTest
class ScorecardTest {

	static final String BASE = "/camunda/api/cockpit/plugin/raingan-dashboard/default";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KpiRoundService kpi;

	final ObjectMapper json = new ObjectMapper();

	static boolean made;

	@BeforeEach
	void twoSignedRoundsOfLoei() {
		if (made) {
			return;
		}
		ScorecardRounds.make(jdbc, kpi);
		made = true;
	}

	@Test
	@SuppressWarnings("unchecked")
	void theScorecardMatchesTheHandComputation() throws Exception {
		WebappSession manager42 = WebappSession.login(port, "cockpit", "manager42", "manager42");
		var response = manager42.get(BASE + "/scorecard?fiscalYear=2561&round=1");
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> card = json.readValue(response.body(), Map.class);
		assertThat(card).containsEntry("exists", true)
			.containsEntry("signed", true)
			.containsEntry("meanScore", 2.9)
			.containsEntry("meanPercent", 58.0)
			.containsEntry("previousExists", true)
			.containsEntry("previousMeanScore", 1.4)
			.containsEntry("roundPeriodTh", "1 ตุลาคม 2560 ถึง 31 มีนาคม 2561");
		assertThat((String) card.get("signedTh")).contains("ลงนามรับรองเมื่อ").contains("(ฉบับที่ 1)");
		List<Map<String, Object>> lines = (List<Map<String, Object>>) card.get("lines");
		assertThat(lines)
			.extracting(l -> l.get("officeCode") + " " + l.get("score") + " " + l.get("percent") + " "
					+ l.get("previousScore") + " " + l.get("change"))
			.containsExactly("4201 3.4 68.0 1.4 2.0", "4202 2.4 48.0 null null");
		List<Map<String, Object>> muang = (List<Map<String, Object>>) lines.get(0).get("cells");
		assertThat(muang)
			.extracting(c -> c.get("indicatorId") + "=" + c.get("level") + "(" + c.get("previousLevel") + ")")
			.containsExactly("P1=3(1)", "P2=3(1)", "P3=5(3)");
		assertThat(muang.get(0).get("toNextLevel")).isEqualTo("ระดับ 4: ต้องไม่น้อยกว่า 85 (ขาดอีก 3)");
		assertThat((String) muang.get(1).get("toNextLevel")).startsWith("ระดับ 4: ต้องมากกว่า 90");
		assertThat(muang.get(2).get("toNextLevel")).isNull();
		List<Map<String, Object>> naDuang = (List<Map<String, Object>>) lines.get(1).get("cells");
		assertThat(naDuang).extracting(c -> c.get("level")).containsExactly(5, 0, 2);
		assertThat((String) naDuang.get(1).get("toNextLevel")).startsWith("ระดับ 1: ต้องมากกว่า 75 (ขาดอีก 15");
	}

	@Test
	void theExcelHasTitleLevelsScoresAndTheProvincesMeans() throws Exception {
		WebappSession review42 = WebappSession.login(port, "cockpit", "review42", "review42");
		var xlsx = review42.get(BASE + "/scorecard/export?format=xlsx&fiscalYear=2561&round=1");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith(
					"ผลคะแนนตัวชี้วัด (KPI) รายอำเภอ รอบที่ 1 ปีงบประมาณ 2561 สำนักงานพัฒนาชุมชนจังหวัดเลย (ส่งออกเมื่อ ")
				.matches(".*\\d{2}/\\d{2}/25\\d\\d \\d{2}:\\d{2} น\\.\\)");
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("title and headers frozen")
				.isEqualTo((short) 2);
			Row headers = sheet.getRow(1);
			assertThat(headers.getCell(2).getStringCellValue()).isEqualTo("P1 ผล");
			assertThat(headers.getCell(3).getStringCellValue()).isEqualTo("P1 ระดับ");
			assertThat(headers.getCell(8).getStringCellValue()).isEqualTo("คะแนนถ่วงน้ำหนัก (เต็ม 5)");
			Row muang = sheet.getRow(2);
			assertThat(muang.getCell(0).getStringCellValue()).isEqualTo("4201");
			assertThat(muang.getCell(2).getNumericCellValue()).isEqualTo(82.0);
			assertThat(muang.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(muang.getCell(3).getNumericCellValue()).isEqualTo(3.0);
			assertThat(muang.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertThat(muang.getCell(8).getNumericCellValue()).isEqualTo(3.4);
			assertThat(muang.getCell(9).getNumericCellValue()).isEqualTo(68.0);
			assertThat(muang.getCell(10).getNumericCellValue()).as("2560-2").isEqualTo(1.4);
			assertThat(muang.getCell(11).getNumericCellValue()).as("change").isEqualTo(2.0);
			assertThat(muang.getCell(12).getStringCellValue()).contains("P1 ระดับ 4: ต้องไม่น้อยกว่า 85 (ขาดอีก 3)")
				.doesNotContain("P3");
			Row totals = sheet.getRow(4);
			assertThat(totals.getCell(1).getStringCellValue()).isEqualTo("เฉลี่ยทั้งจังหวัด");
			assertThat(totals.getCell(3).getNumericCellValue()).as("P1 mean level").isEqualTo(4.0);
			assertThat(totals.getCell(5).getNumericCellValue()).as("P2 mean level").isEqualTo(1.5);
			assertThat(totals.getCell(7).getNumericCellValue()).as("P3 mean level").isEqualTo(3.5);
			assertThat(totals.getCell(8).getNumericCellValue()).isEqualTo(2.9);
			assertThat(totals.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(workbook.getFontAt(totals.getCell(8).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(totals.getCell(10).getNumericCellValue()).isEqualTo(1.4);
			assertThat(totals.getCell(11).getNumericCellValue()).isEqualTo(1.5);
		}
	}

	@Test
	void thePdfReadsAsTheScorecardInThai() throws Exception {
		WebappSession cdd01 = WebappSession.login(port, "cockpit", "cdd01", "cdd01");
		var pdf = cdd01.get(BASE + "/scorecard/export?format=pdf&fiscalYear=2561&round=1&province=42");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		// kept for a look (target/screenshots)
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
		java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "scorecard-2561-1-42.pdf"),
				pdf.body());
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("แบบสรุปผลการประเมินตัวชี้วัดตามคำรับรองการปฏิบัติราชการระดับอำเภอ")
				.contains("สำนักงานพัฒนาชุมชนจังหวัดเลย")
				.contains("รอบการประเมินที่1ปีงบประมาณพ.ศ.2561(1ตุลาคม2560ถึง31มีนาคม2561)")
				.contains("สำนักงานพัฒนาชุมชนอำเภอเมืองเลย3353.4068.001.40+2.00")
				.contains("เฉลี่ยทั้งจังหวัด2.9058.001.40+1.50")
				.contains("ระดับ4:ต้องไม่น้อยกว่า85(ขาดอีก3)")
				.contains("P2ระดับ1:ต้องมากกว่า75(ขาดอีก15และมากกว่านั้น)")
				.contains("(น้ำหนักร้อยละ40)")
				.contains("ลงนามรับรองเมื่อ")
				.contains("พิมพ์เมื่อ")
				.doesNotContain("2017")
				.doesNotContain("2018");
		}
	}

	@Test
	void onlyTheProvinceAndTheDepartmentReadTheScorecard() throws Exception {
		WebappSession manager27 = WebappSession.login(port, "cockpit", "manager27", "manager27");
		assertThat(manager27.get(BASE + "/scorecard?fiscalYear=2561&round=1&province=42").statusCode()).isEqualTo(403);
		assertThat(
				manager27.get(BASE + "/scorecard/export?format=pdf&fiscalYear=2561&round=1&province=42").statusCode())
			.isEqualTo(403);
		assertThat(WebappSession.text(manager27.get(BASE + "/scorecard?fiscalYear=2561&round=1")))
			.as("their own province: not closed")
			.contains("\"exists\":false")
			.doesNotContain("4201");
		WebappSession str4201 = WebappSession.login(port, "str4201", "test4201");
		assertThat(str4201.get(BASE + "/scorecard?fiscalYear=2561&round=1").statusCode()).isIn(401, 403);
		WebappSession cdd01 = WebappSession.login(port, "cockpit", "cdd01", "cdd01");
		assertThat(WebappSession.text(cdd01.get(BASE + "/scorecard?fiscalYear=2561&round=1&province=42")))
			.contains("4202");
	}

}
