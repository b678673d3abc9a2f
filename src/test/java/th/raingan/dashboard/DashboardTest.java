package th.raingan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportDrafts;
import th.raingan.thai.Clock;

/**
 * The Cockpit dashboard's backend as Cockpit calls it (session, same access rules as
 * Tasklist): Loei's figures for manager42, none for manager31, and an Excel export with
 * the page's numbers.
 */
@ApplicationTest
class DashboardTest {

	static final String BASE = "/camunda/api/cockpit/plugin/raingan-dashboard/default";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ProjectCatalog catalog;

	final ObjectMapper json = new ObjectMapper();

	static boolean started;

	/**
	 * Round 2/2570 of Loei: 4201 has two reports, 4202 one; all due 1 June 2569, so
	 * overdue today.
	 */
	@BeforeEach
	void threeOverdueReports() {
		if (started) {
			return;
		}
		start("4201", "801-112-P0167-2027-02");
		start("4201", "803-112-S0550-2027-09");
		start("4202", "801-112-P0167-2027-02");
		started = true;
	}

	private void start(String office, String budgetCode) {
		DashboardTestData.start(runtime, catalog, office, budgetCode, "2570-2/42");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theManagerSeesLoeisDistrictsAndTheExportHasTheSameNumbers() throws Exception {
		WebappSession manager42 = WebappSession.login(port, "cockpit", "manager42", "manager42");
		var response = manager42.get(BASE + "/summary?fiscalYear=2570&round=2");
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> summary = json.readValue(response.body(), Map.class);
		assertThat(summary).containsEntry("roundKey", "2570-2/42");
		List<Map<String, Object>> districts = (List<Map<String, Object>>) summary.get("districts");
		assertThat(districts).extracting(d -> d.get("officeCode") + ":" + d.get("assigned") + "/" + d.get("overdue"))
			.containsExactly("4201:2/2", "4202:1/1");
		List<Map<String, Object>> overdue = (List<Map<String, Object>>) summary.get("overdue");
		assertThat(overdue).hasSize(3).allSatisfy(o -> {
			assertThat(o.get("dueDate")).isEqualTo("01/06/2569");
			assertThat(o.get("processInstanceId")).isNotNull();
			assertThat(((Number) o.get("daysOverdue")).intValue()).isPositive();
		});

		var xlsx = manager42.get(BASE + "/export?table=districts&format=xlsx&fiscalYear=2570&round=2");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("รายงานที่ได้รับมอบหมาย");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("4201");
			assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("สำนักงานพัฒนาชุมชนอำเภอเมืองเลย");
			assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).as("a number, not text").isEqualTo(2.0);
			assertThat(sheet.getRow(2).getCell(8).getNumericCellValue()).as("overdue").isEqualTo(2.0);
			assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(1.0);
		}
		var overdueXlsx = manager42.get(BASE + "/export?table=overdue&format=xlsx&fiscalYear=2570&round=2");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(overdueXlsx.body()))) {
			assertThat(workbook.getSheetAt(0).getRow(2).getCell(4).getStringCellValue()).as("Buddhist-Era date")
				.isEqualTo("01/06/2569");
		}
		var csv = manager42.get(BASE + "/export?table=districts&format=csv&fiscalYear=2570&round=2");
		assertThat(WebappSession.text(csv)).startsWith("\uFEFF\"รหัส\",\"หน่วยงาน\"")
			.contains("\"4201\",\"สำนักงานพัฒนาชุมชนอำเภอเมืองเลย\",2,0,2,0,0,0,2");
	}

	@Test
	void anotherProvincesManagerCannotReadLoei() throws Exception {
		WebappSession manager31 = WebappSession.login(port, "cockpit", "manager31", "manager31");
		var refused = manager31.get(BASE + "/summary?fiscalYear=2570&round=2&province=42");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(WebappSession.text(refused)).contains("เฉพาะข้อมูลของจังหวัดของท่าน");
		assertThat(manager31.get(BASE + "/export?table=districts&format=xlsx&fiscalYear=2570&round=2&province=42")
			.statusCode()).isEqualTo(403);
		var own = manager31.get(BASE + "/summary?fiscalYear=2570&round=2");
		assertThat(WebappSession.text(own)).contains("\"province\":\"31\"").doesNotContain("4201");
	}

}
