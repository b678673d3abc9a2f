package th.raingan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.project.ProjectCatalog;
import th.raingan.project.ProjectImport;
import th.raingan.report.ReportTracker;
import th.raingan.thai.Clock;

/**
 * The national page's budget by level and a province's progress over the round's weeks,
 * in fiscal 2561 (this test's own year; ScorecardTest's KPI rounds of 2561 do not touch
 * budgets or reports). Worked by hand:
 *
 * <pre>
 * province level (the assignments of every province, fiscal 2561): B1 Loei 4201 300,000 + 4202 173,500 = 473,500,
 *   spent 10,000 (4201's approved report A); B2 Sa Kaeo 2701 381,700, nothing spent
 * central (recorded): B1 815,000,000 (plan 800,000,000), spent 129,964; B2 2,144,000,000, spent 247,754,141.27
 * training centre (recorded): B1 1,000,000, spent 500,000
 * nation B1: 815,000,000 + 473,500 + 1,000,000 = 816,473,500; spent 129,964 + 10,000 + 500,000 = 639,964 = 0.08 %
 * nation B2: 2,144,000,000 + 381,700 = 2,144,381,700; spent 247,754,141.27 = 11.55 %
 * nation B1+B2: 2,960,855,200; spent 248,394,105.27 = 8.39 %
 * </pre>
 *
 * Weeks of round 1/2561 (from 1 October 2560) seen on 20 October 2560: week 1 ends 7 Oct,
 * 2 ends 14 Oct, 3 ends 21 Oct. Mueang Loei: A first sent 3 Oct and approved 10 Oct; B
 * first sent 12 Oct (returned, sent again 16 Oct); C never sent. Sent by week's end 1, 2,
 * 2 of 3 = 33.33 %, 66.67 %, 66.67 %; approved 0, 1, 1.
 */
@ApplicationTest
class NationalPagesTest {

	static final String BASE = "/camunda/api/cockpit/plugin/raingan-dashboard/default";

	static final String CODE = "801-112-N0561-2018-0";

	@LocalServerPort
	int port;

	@Autowired
	ProjectImport importer;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	ReportTracker tracker;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	static boolean made;

	@BeforeEach
	void fiscal2561() throws Exception {
		clockAt(LocalDate.of(2017, 10, 20));
		if (made) {
			return;
		}
		// a database kept from an earlier run (PostgreSQL): these reports and figures are
		// this test's alone
		jdbc.update("delete from raingan.report_version where business_key like ?", "2561-1/" + CODE + "%");
		jdbc.update("delete from raingan.report where business_key like ?", "2561-1/" + CODE + "%");
		jdbc.update("delete from raingan.budget_level where fiscal_year_be = 2561");
		// ScorecardBrowserTest's reports of the same round
		jdbc.update("delete from raingan.report_version where business_key like 'browser-2561-%'");
		jdbc.update("delete from raingan.report where business_key like 'browser-2561-%'");
		importer.importProjects(new ByteArrayInputStream(("""
				budget_code,fiscal_year_be,province_code,name_th,budget_source
				%s1,2561,42,กิจกรรมระดับจังหวัดเลย,B1
				%s2,2561,27,ค่าใช้จ่ายในการบริหารสระแก้ว,B2
				""".formatted(CODE, CODE)).getBytes(StandardCharsets.UTF_8)));
		var assignments = importer.importAssignments(new ByteArrayInputStream(("""
				fiscal_year_be,province_code,budget_code,office_code,target,allocation_baht
				2561,42,%s1,4201,1,300000
				2561,42,%s1,4202,1,173500
				2561,27,%s2,2701,1,381700
				""".formatted(CODE, CODE, CODE)).getBytes(StandardCharsets.UTF_8)));
		assertThat(assignments.rejected()).isEmpty();
		long a4201 = catalog.assignment(2561, CODE + "1", "4201").orElseThrow().id();
		for (String letter : List.of("A", "B", "C")) {
			tracker.opened(key(letter), null, "2561-1/42", a4201, "4201", "42", LocalDate.of(2017, 10, 31));
		}
		version(key("A"), a4201, 1, "approved", at(2017, 10, 3), at(2017, 10, 10), "10000");
		version(key("B"), a4201, 1, "returned", at(2017, 10, 12), at(2017, 10, 13), "0");
		version(key("B"), a4201, 2, "submitted", at(2017, 10, 16), null, "0");
		tracker.status(key("A"), "approved");
		tracker.status(key("B"), "submitted");
		made = true;
	}

	@AfterEach
	void clockBack() {
		ClockUtil.reset();
	}

	private static String key(String letter) {
		return "2561-1/" + CODE + "1/4201/" + letter;
	}

	private static Timestamp at(int year, int month, int day) {
		return Timestamp.from(LocalDateTime.of(year, month, day, 12, 0).atZone(Clock.ZONE).toInstant());
	}

	private void version(String key, long assignment, int revision, String status, Timestamp submitted,
			Timestamp decided, String spent) {
		jdbc.update(
				"""
						insert into raingan.report_version (business_key, assignment_id, round_key, revision, status, due_date,
						submitted_at, submitted_by, on_time, officer_name, officer_phone, start_date, end_date, target_value,
						result_value, progress_percent, spent_baht, decided_by, decided_at)
						values (?, ?, '2561-1/42', ?, ?, ?, ?, 'str4201', true, 'สมชาย ใจดี', '042811111', ?, ?, 1, 1, 100, ?, ?, ?)""",
				key, assignment, revision, status, java.sql.Date.valueOf(LocalDate.of(2017, 10, 31)), submitted,
				java.sql.Date.valueOf(LocalDate.of(2017, 10, 2)), java.sql.Date.valueOf(LocalDate.of(2017, 10, 2)),
				new BigDecimal(spent), decided == null ? null : "review42", decided);
	}

	static void clockAt(LocalDate day) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(Clock.ZONE).toInstant()));
	}

	private void recordLevels(WebappSession admin) throws Exception {
		var answer = admin.send("PUT", BASE + "/nation/budget-levels?fiscalYear=2561", "text/csv", """
				level,budget_source,allocation_baht,plan_baht,result_baht
				central,B1,"815,000,000.00",800000000,129964
				central,B2,2144000000,,247754141.27
				training_centre,B1,1000000,,500000
				""".getBytes(StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).as(WebappSession.text(answer)).isEqualTo(200);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theNationSeesTheBudgetByLevelWithNationalTotals() throws Exception {
		recordLevels(WebappSession.login(port, "cockpit", "admin", "admin"));
		WebappSession cdd01 = WebappSession.login(port, "cockpit", "cdd01", "cdd01");
		Map<String, Object> nation = json.readValue(cdd01.get(BASE + "/nation?fiscalYear=2561&round=1").body(),
				Map.class);
		Map<String, Object> levels = (Map<String, Object>) nation.get("budgetByLevel");
		assertThat(levels).containsEntry("recorded", true);
		List<Map<String, Object>> sources = (List<Map<String, Object>>) levels.get("sources");
		Map<String, Object> b1 = sources.get(0);
		assertThat(b1).containsEntry("source", "B1");
		Map<String, Map<String, Object>> b1Levels = (Map<String, Map<String, Object>>) b1.get("byLevel");
		assertThat(b1Levels.get("central")).containsEntry("allocation", 815000000.0)
			.containsEntry("plan", 800000000.0)
			.containsEntry("result", 129964.0);
		assertThat(b1Levels.get("province")).containsEntry("allocation", 473500.0).containsEntry("result", 10000.0);
		assertThat(b1Levels.get("training_centre")).containsEntry("allocation", 1000000.0)
			.containsEntry("result", 500000.0);
		assertThat((Map<String, Object>) b1.get("total")).containsEntry("allocation", 816473500.0)
			.containsEntry("result", 639964.0)
			.containsEntry("percent", 0.08);
		Map<String, Object> b2 = sources.get(1);
		assertThat(((Map<String, Map<String, Object>>) b2.get("byLevel")).get("province")).containsEntry("allocation",
				381700.0);
		assertThat((Map<String, Object>) b2.get("total")).containsEntry("allocation", 2144381700.0)
			.containsEntry("result", 247754141.27)
			.containsEntry("percent", 11.55);
		assertThat((Map<String, Object>) ((Map<String, Object>) levels.get("b1b2")).get("total"))
			.containsEntry("allocation", 2960855200.0)
			.containsEntry("result", 248394105.27)
			.containsEntry("percent", 8.39);

		var xlsx = cdd01.get(BASE + "/nation/export?table=levels&format=xlsx&fiscalYear=2561");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("งบประมาณตามระดับ ปีงบประมาณ 2561 ทั้งประเทศ (ส่งออกเมื่อ 20/10/2560 09:00 น.)");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("ส่วนกลาง ได้รับจัดสรร");
			assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("ศูนย์ศึกษา ได้รับจัดสรร");
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
			Row totals = sheet.getRow(sheet.getLastRowNum());
			assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("B1+B2");
			assertThat(totals.getCell(8).getNumericCellValue()).isEqualTo(2960855200.0);
			assertThat(totals.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(totals.getCell(11).getNumericCellValue()).isEqualTo(8.39);
		}
		var national = cdd01.get(BASE + "/nation/export?table=nation&format=xlsx&fiscalYear=2561&round=1");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(national.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
				.startsWith("ภาพรวมทั้งประเทศ รอบที่ 1 ปีงบประมาณ 2561 กรมการพัฒนาชุมชน (ส่งออกเมื่อ 20/10/2560");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("27");
			Row loei = sheet.getRow(3);
			assertThat(loei.getCell(0).getStringCellValue()).isEqualTo("42");
			assertThat(loei.getCell(2).getNumericCellValue()).as("assigned").isEqualTo(3.0);
			assertThat(loei.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertThat(loei.getCell(12).getNumericCellValue()).as("B1+B2 allocation").isEqualTo(473500.0);
			Row totals = sheet.getRow(sheet.getLastRowNum());
			assertThat(totals.getCell(1).getStringCellValue()).isEqualTo("รวมทั้งประเทศ");
			assertThat(totals.getCell(12).getNumericCellValue()).isEqualTo(855200.0);
			assertThat(totals.getCell(12).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
		}
	}

	@Test
	void onlyTheAdministratorRecordsTheLevelsAndABadFileWritesNothing() throws Exception {
		WebappSession admin = WebappSession.login(port, "cockpit", "admin", "admin");
		Integer before = jdbc.queryForObject("select count(*) from raingan.budget_level", Integer.class);
		var refused = admin.send("PUT", BASE + "/nation/budget-levels?fiscalYear=2562", "text/csv", """
				level,budget_source,allocation_baht,plan_baht,result_baht
				central,B1,1000,,0
				regional,B9,abc,,
				""".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(WebappSession.text(refused)).contains("บรรทัดที่ 3 level: ต้องเป็น central")
			.contains("บรรทัดที่ 3 budget_source: ต้องเป็น B1 ถึง B7")
			.contains("บรรทัดที่ 3 allocation_baht")
			.contains("บรรทัดที่ 3 result_baht: ต้องกรอกจำนวนเงิน");
		assertThat(jdbc.queryForObject("select count(*) from raingan.budget_level", Integer.class)).isEqualTo(before);
		for (String[] user : List.of(new String[] { "cdd01", "cdd01" }, new String[] { "manager42", "manager42" })) {
			WebappSession s = WebappSession.login(port, "cockpit", user[0], user[1]);
			assertThat(s
				.send("PUT", BASE + "/nation/budget-levels?fiscalYear=2562", "text/csv",
						"level,budget_source,allocation_baht,plan_baht,result_baht\ncentral,B1,1,,0\n"
							.getBytes(StandardCharsets.UTF_8))
				.statusCode()).as(user[0]).isEqualTo(403);
		}
		WebappSession manager42 = WebappSession.login(port, "cockpit", "manager42", "manager42");
		assertThat(manager42.get(BASE + "/nation/export?table=nation&format=xlsx&fiscalYear=2561&round=1").statusCode())
			.isEqualTo(403);
		assertThat(jdbc.queryForObject("select count(*) from raingan.budget_level", Integer.class)).isEqualTo(before);
	}

	@Test
	@SuppressWarnings("unchecked")
	void progressOverTheRoundsWeeksFromTheReportsHistory() throws Exception {
		WebappSession manager42 = WebappSession.login(port, "cockpit", "manager42", "manager42");
		Map<String, Object> progress = json.readValue(manager42.get(BASE + "/progress?fiscalYear=2561&round=1").body(),
				Map.class);
		assertThat((List<Map<String, Object>>) progress.get("weeks")).extracting(w -> w.get("endTh"))
			.containsExactly("07/10/2560", "14/10/2560", "21/10/2560");
		Map<String, Object> muang = ((List<Map<String, Object>>) progress.get("districts")).get(0);
		assertThat(muang).containsEntry("officeCode", "4201")
			.containsEntry("assigned", 3)
			.containsEntry("sent", List.of(1, 2, 2))
			.containsEntry("approved", List.of(0, 1, 1))
			.containsEntry("sentPercent", List.of(33.33, 66.67, 66.67));
		WebappSession manager27 = WebappSession.login(port, "cockpit", "manager27", "manager27");
		assertThat(manager27.get(BASE + "/progress?fiscalYear=2561&round=1&province=42").statusCode()).isEqualTo(403);
	}

	@Test
	void theListBehindACountExportsWithTitleAndTotal() throws Exception {
		WebappSession manager42 = WebappSession.login(port, "cockpit", "manager42", "manager42");
		var xlsx = manager42
			.get(BASE + "/export?table=reports&category=assigned&office=4201&format=xlsx&fiscalYear=2561&round=1");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(
					"รายงานได้รับมอบหมาย สำนักงานพัฒนาชุมชนอำเภอเมืองเลย รอบที่ 1 ปีงบประมาณ 2561 สำนักงานพัฒนาชุมชนจังหวัดเลย (ส่งออกเมื่อ 20/10/2560 09:00 น.)");
			assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("กำหนดส่ง");
			assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).as("BE date").isEqualTo("31/10/2560");
			assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("อนุมัติ");
			assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(1).getStringCellValue()).isEqualTo("รวม 3 รายงาน");
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
		}
		var csv = manager42.get(BASE + "/export?table=reports&category=draft&format=csv&fiscalYear=2561&round=1");
		assertThat(WebappSession.text(csv)).startsWith("\uFEFF\"รหัส\"").contains("/4201/C").doesNotContain("/4201/A");
		assertThat(manager42.get(BASE + "/export?table=reports&category=nothing&format=xlsx&fiscalYear=2561&round=1")
			.statusCode()).isEqualTo(400);
	}

}
