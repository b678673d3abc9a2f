package th.raingan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.project.ProjectCatalog;
import th.raingan.project.ProjectImport;
import th.raingan.report.ReportService;
import th.raingan.report.ReportTracker;
import th.raingan.thai.Clock;

/**
 * The round's monitor as Sa Kaeo's reviewer reads it on 20 February 2564, in round 1 of
 * fiscal 2564 (which belongs to this test alone), worked by hand:
 *
 * <pre>
 * 2701 A due 10 Feb  submitted on time      due so far, on time
 *      B due 15 Feb  submitted late         due so far, late
 *      C due 18 Feb  draft                  due so far, overdue
 *      D due 15 Mar  draft                  not yet due
 *      E due 15 Mar  submitted early        due so far (sent), on time
 *      F due 15 Mar  returned, sent on time not yet due, due so far (sent), on time
 * 2702 G due 20 Mar  draft                  not yet due
 *      H due  1 Feb  approved, on time      due so far, on time
 * </pre>
 *
 * 2701: 3 on time of 5 due so far = 60.00 % (counting the reports not yet due as not on
 * time would say 3 of 6 = 50 %); 2702: 1 of 1 = 100 %; the province: 4 of 6 = 66.67 %.
 */
@ApplicationTest
class RoundMonitorTest {

	static final String BASE = "/camunda/api/cockpit/plugin/raingan-dashboard/default";

	static final String CODE = "801-112-M0564-2021-0";

	@LocalServerPort
	int port;

	@Autowired
	ProjectImport importer;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	ReportTracker tracker;

	final ObjectMapper json = new ObjectMapper();

	static boolean made;

	@BeforeEach
	void round1Of2564InSaKaeo() throws Exception {
		clockAt(LocalDate.of(2021, 2, 20));
		if (made) {
			return;
		}
		importer.importProjects(new ByteArrayInputStream(("""
				budget_code,fiscal_year_be,province_code,name_th,budget_source
				%s1,2564,27,กิจกรรมติดตาม 1,B1
				%s2,2564,27,กิจกรรมติดตาม 2,B2
				%s3,2564,27,กิจกรรมติดตาม 3,B1
				%s4,2564,27,กิจกรรมติดตาม 4,B1
				%s5,2564,27,กิจกรรมติดตาม 5,B1
				%s6,2564,27,กิจกรรมติดตาม 6,B1
				""".formatted(CODE, CODE, CODE, CODE, CODE, CODE)).getBytes(StandardCharsets.UTF_8)));
		var assignments = importer.importAssignments(new ByteArrayInputStream(("""
				fiscal_year_be,province_code,budget_code,office_code,target,allocation_baht
				2564,27,%s1,2701,1,324000
				2564,27,%s2,2701,1,1500000
				2564,27,%s3,2701,1,1000
				2564,27,%s4,2701,1,1000
				2564,27,%s5,2701,1,1000
				2564,27,%s6,2701,1,1000
				2564,27,%s1,2702,1,2000
				2564,27,%s2,2702,1,3000
				""".formatted(CODE, CODE, CODE, CODE, CODE, CODE, CODE, CODE)).getBytes(StandardCharsets.UTF_8)));
		assertThat(assignments.rejected()).isEmpty();
		open("A", 1, "2701", LocalDate.of(2021, 2, 10), ReportService.STATUS_SUBMITTED, false);
		open("B", 2, "2701", LocalDate.of(2021, 2, 15), ReportService.STATUS_SUBMITTED, true);
		open("C", 3, "2701", LocalDate.of(2021, 2, 18), "draft", false);
		open("D", 4, "2701", LocalDate.of(2021, 3, 15), "draft", false);
		open("E", 5, "2701", LocalDate.of(2021, 3, 15), ReportService.STATUS_SUBMITTED, false);
		open("F", 6, "2701", LocalDate.of(2021, 3, 15), "returned", false);
		open("G", 1, "2702", LocalDate.of(2021, 3, 20), "draft", false);
		open("H", 2, "2702", LocalDate.of(2021, 2, 1), ReportService.STATUS_APPROVED, false);
		made = true;
	}

	@AfterEach
	void clockBack() {
		ClockUtil.reset();
	}

	private void open(String letter, int project, String office, LocalDate due, String status, boolean late) {
		String key = "2564-1/" + CODE + project + "/" + office + "/" + letter;
		tracker.opened(key, null, "2564-1/27", catalog.assignment(2564, CODE + project, office).orElseThrow().id(),
				office, "27", due);
		tracker.status(key, status);
		if (late) {
			tracker.late(key);
		}
	}

	static void clockAt(LocalDate day) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(Clock.ZONE).toInstant()));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theOnTimeRateCountsOnlyTheReportsDueSoFar() throws Exception {
		WebappSession review27 = WebappSession.login(port, "cockpit", "review27", "review27");
		Map<String, Object> summary = json.readValue(review27.get(BASE + "/summary?fiscalYear=2564&round=1").body(),
				Map.class);
		List<Map<String, Object>> districts = (List<Map<String, Object>>) summary.get("districts");
		Map<String, Object> muang = districts.stream()
			.filter(d -> "2701".equals(d.get("officeCode")))
			.findFirst()
			.orElseThrow();
		assertThat(muang).containsEntry("assigned", 6)
			.containsEntry("notYetDue", 2)
			.containsEntry("draft", 2)
			.containsEntry("submitted", 3)
			.containsEntry("returned", 1)
			.containsEntry("approved", 0)
			.containsEntry("overdue", 1)
			.containsEntry("dueSoFar", 5)
			.containsEntry("onTime", 3);
		assertThat(muang.get("onTimeRate")).as("3 of the 5 due so far, not 3 of 6").isEqualTo(60.0);
		Map<String, Object> khlongHat = districts.stream()
			.filter(d -> "2702".equals(d.get("officeCode")))
			.findFirst()
			.orElseThrow();
		assertThat(khlongHat).containsEntry("notYetDue", 1).containsEntry("dueSoFar", 1);
		assertThat(khlongHat.get("onTimeRate")).isEqualTo(100.0);
		assertThat(summary.get("onTimeRate")).as("the province: 4 of 6").isEqualTo(66.67);
		assertThat((Map<String, Object>) summary.get("roundInfo")).containsEntry("roundEnd", "31 มีนาคม 2564")
			.containsEntry("deadline", null);
	}

	@Test
	@SuppressWarnings("unchecked")
	void eachCountOpensItsReports() throws Exception {
		WebappSession review27 = WebappSession.login(port, "cockpit", "review27", "review27");
		Map<String, Object> notYetDue = json.readValue(
				review27.get(BASE + "/reports?fiscalYear=2564&round=1&category=notYetDue&office=2701").body(),
				Map.class);
		assertThat(notYetDue).containsEntry("categoryTh", "ยังไม่ถึงกำหนดส่ง");
		assertThat((List<Map<String, Object>>) notYetDue.get("reports"))
			.extracting(r -> ((String) r.get("businessKey")).substring(((String) r.get("businessKey")).length() - 1)
					+ " " + r.get("statusTh") + " " + r.get("dueDate"))
			.containsExactly("D ร่าง 15/03/2564", "F ส่งกลับแก้ไข 15/03/2564");
		Map<String, Object> overdue = json
			.readValue(review27.get(BASE + "/reports?fiscalYear=2564&round=1&category=overdue").body(), Map.class);
		assertThat((List<Map<String, Object>>) overdue.get("reports")).extracting(r -> r.get("businessKey"))
			.containsExactly("2564-1/" + CODE + "3/2701/C");
		assertThat(review27.get(BASE + "/reports?fiscalYear=2564&round=1&category=everything").statusCode())
			.isEqualTo(400);
		WebappSession manager42 = WebappSession.login(port, "cockpit", "manager42", "manager42");
		assertThat(manager42.get(BASE + "/reports?fiscalYear=2564&round=1&category=overdue&province=27").statusCode())
			.isEqualTo(403);
	}

	@Test
	void theExcelExportHasATitleATotalsRowThousandsSeparatorsAndAFrozenHeader() throws Exception {
		WebappSession review27 = WebappSession.login(port, "cockpit", "review27", "review27");
		var xlsx = review27.get(BASE + "/export?table=districts&format=xlsx&fiscalYear=2564&round=1");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(
					"สรุปรายอำเภอ รอบที่ 1 ปีงบประมาณ 2564 สำนักงานพัฒนาชุมชนจังหวัดสระแก้ว (ส่งออกเมื่อ 20/02/2564 09:00 น.)");
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("ยังไม่ถึงกำหนดส่ง");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("title and headers stay")
				.isEqualTo((short) 2);
			Row total = sheet.getRow(sheet.getLastRowNum());
			assertThat(total.getCell(1).getStringCellValue()).isEqualTo("รวมทั้งจังหวัด");
			assertThat(total.getCell(2).getNumericCellValue()).as("assigned").isEqualTo(8.0);
			assertThat(total.getCell(10).getNumericCellValue()).as("on time, province").isEqualTo(66.67);
			assertThat(total.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertThat(total.getCell(10).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
		}

		var budget = review27.get(BASE + "/export?table=budget&format=xlsx&fiscalYear=2564&round=1");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(budget.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("งบประมาณ ปีงบประมาณ 2564 ");
			Row headers = sheet.getRow(1);
			assertThat(headers.getCell(2).getStringCellValue()).isEqualTo("B1 ได้รับจัดสรร");
			assertThat(headers.getCell(4).getStringCellValue()).isEqualTo("B2 ได้รับจัดสรร");
			Row muang = sheet.getRow(2);
			assertThat(muang.getCell(0).getStringCellValue()).isEqualTo("2701");
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).as("each office once").isEqualTo("2702");
			assertThat(muang.getCell(2).getNumericCellValue()).isEqualTo(328_000.0);
			assertThat(muang.getCell(4).getNumericCellValue()).isEqualTo(1_500_000.0);
			int b1b2 = headers.getLastCellNum() - 4;
			assertThat(headers.getCell(b1b2).getStringCellValue()).isEqualTo("B1+B2 ได้รับจัดสรร");
			assertThat(muang.getCell(b1b2).getNumericCellValue()).isEqualTo(1_828_000.0);
			assertThat(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(muang.getCell(b1b2)))
				.as("thousands separators")
				.isEqualTo("1,828,000.00");
			Row total = sheet.getRow(4);
			assertThat(total.getCell(1).getStringCellValue()).contains("รวมทั้งจังหวัด");
			assertThat(total.getCell(b1b2).getNumericCellValue()).isEqualTo(1_833_000.0);
		}

		var csv = review27.get(BASE + "/export?table=districts&format=csv&fiscalYear=2564&round=1");
		assertThat(WebappSession.text(csv)).as("CSV as before: headers first, no title")
			.startsWith("\uFEFF\"รหัส\",\"หน่วยงาน\"");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDepartmentSeesEveryProvinceAndDrillsDownToOne() throws Exception {
		WebappSession cdd01 = WebappSession.login(port, "cockpit", "cdd01", "cdd01");
		var nation = cdd01.get(BASE + "/nation?fiscalYear=2564&round=1");
		assertThat(nation.statusCode()).isEqualTo(200);
		List<Map<String, Object>> provinces = (List<Map<String, Object>>) json.readValue(nation.body(), Map.class)
			.get("provinces");
		Map<String, Object> saKaeo = provinces.stream()
			.filter(p -> "27".equals(p.get("provinceCode")))
			.findFirst()
			.orElseThrow();
		assertThat(saKaeo).containsEntry("provinceName", "สำนักงานพัฒนาชุมชนจังหวัดสระแก้ว")
			.containsEntry("assigned", 8)
			.containsEntry("notYetDue", 3)
			.containsEntry("overdue", 1)
			.containsEntry("dueSoFar", 6)
			.containsEntry("onTime", 4);
		assertThat(saKaeo.get("onTimeRate")).isEqualTo(66.67);
		assertThat(saKaeo.get("allocation")).isEqualTo(1_833_000.0);

		var drillDown = cdd01.get(BASE + "/summary?fiscalYear=2564&round=1&province=27");
		assertThat(drillDown.statusCode()).isEqualTo(200);
		assertThat(WebappSession.text(drillDown)).contains("\"roundKey\":\"2564-1/27\"", "\"officeCode\":\"2701\"");

		for (String[] user : new String[][] { { "manager42", "manager42" }, { "review27", "review27" } }) {
			var refused = WebappSession.login(port, "cockpit", user[0], user[1])
				.get(BASE + "/nation?fiscalYear=2564&round=1");
			assertThat(refused.statusCode()).as(user[0]).isEqualTo(403);
			assertThat(WebappSession.text(refused))
				.contains("ภาพรวมทั้งประเทศดูได้เฉพาะกรมการพัฒนาชุมชนและผู้ดูแลระบบ");
		}
	}

}
