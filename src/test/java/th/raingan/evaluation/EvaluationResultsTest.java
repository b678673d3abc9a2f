package th.raingan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.ApplicationTest;
import th.raingan.EvaluationRounds;
import th.raingan.WebappSession;
import th.raingan.report.ReportVersions;

/**
 * The kept province result on the dashboards and EA3 per topic on the report's PDF,
 * signed in as the users are: the three districts of EvaluationSummaryProcessTest report
 * item 7.2 (Wiang Chai with a topic of its own), are approved, and Chiang Rai's strategy
 * unit records the province's EA3 (topic 2's knowledge adjusted to 76.00 from the
 * weighted 75.00, with a reason). Chiang Rai's manager then finds it on the province's
 * page of the Cockpit dashboard and exports it (Excel, CSV); the department finds Chiang
 * Rai on the national page (evaluated activities, recorded, not yet) and exports every
 * province's figures; the district's PDF prints its EA3 per topic with counts and
 * percentages.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationResultsTest {

	static final String DASHBOARD = "/camunda/api/cockpit/plugin/raingan-dashboard/default";

	static final String MY_REPORTS = "/camunda/api/tasklist/plugin/raingan-my-reports/default";

	static final String OWN_TOPIC = "การใช้แอปพลิเคชันบันทึกข้อมูลหนี้ครัวเรือนของศูนย์ (ประเด็นของอำเภอ)";

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	EvaluationRounds rounds;

	@Autowired
	IdentityService identity;

	@Autowired
	ReportVersions versions;

	EvaluationFixture fixture;

	@BeforeAll
	void threeDistrictsReportAndTheProvinceRecords() throws Exception {
		fixture = rounds.recorded(OWN_TOPIC);
	}

	@AfterAll
	void signOut() {
		identity.clearAuthentication();
	}

	JsonNode mine(JsonNode activities) {
		for (JsonNode a : activities) {
			if (fixture.budgetCode.equals(a.path("budgetCode").asText())) {
				return a;
			}
		}
		throw new AssertionError("the activity " + fixture.budgetCode + " is not listed: " + activities);
	}

	@Test
	void theManagerFindsTheRecordedResultOnTheProvincesPageAndExportsIt() throws Exception {
		WebappSession manager = WebappSession.login(port, "cockpit", "manager57", "manager57");
		var response = manager.get(DASHBOARD + "/evaluation?fiscalYear=" + EvaluationFixture.YEAR);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("province").asText()).isEqualTo("57");
		JsonNode a = mine(body.path("activities"));
		assertThat(a.path("recorded").asBoolean()).isTrue();
		assertThat(a.path("assigned").asInt()).isEqualTo(3);
		assertThat(a.path("approved").asInt()).isEqualTo(3);
		assertThat(a.path("respondents").asInt()).isEqualTo(100);
		assertThat(a.path("recordedBy").asText()).isEqualTo("review57");
		assertThat(a.path("recordedAtTh").asText()).as("Buddhist Era").isEqualTo("10/07/2568");
		assertThat(a.path("topics")).hasSize(4);
		assertThat(a.path("topics").get(0).path("topic").asText()).startsWith("๑) ทบทวนระเบียบ");
		assertThat(a.path("topics").get(0).path("knowledge").decimalValue()).isEqualByComparingTo("84.00");
		assertThat(a.path("topics").get(1).path("knowledge").decimalValue()).isEqualByComparingTo("76.00");
		assertThat(a.path("topics").get(1).path("weightedKnowledge").decimalValue()).isEqualByComparingTo("75.00");
		assertThat(a.path("topics").get(3).path("satisfaction").decimalValue()).isEqualByComparingTo("82.00");
		assertThat(body.path("recorded").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(body.path("evaluated").asInt())
			.isEqualTo(body.path("recorded").asInt() + body.path("notYet").asInt());

		var xlsx = manager.get(DASHBOARD + "/evaluation/export?format=xlsx&fiscalYear=" + EvaluationFixture.YEAR);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		List<String> lines = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			for (Row row : book.getSheetAt(0)) {
				StringBuilder line = new StringBuilder();
				row.forEach(c -> line.append(c.toString()).append('|'));
				lines.add(line.toString());
			}
		}
		assertThat(lines.get(0)).contains("ผลการประเมินผลโครงการระดับจังหวัด (EA3) ปีงบประมาณ 2568")
			.contains("จังหวัดเชียงราย");
		assertThat(lines).filteredOn(l -> l.contains(fixture.budgetCode)).hasSize(4);
		assertThat(lines).anySatisfy(l -> assertThat(l).contains(fixture.budgetCode)
			.contains("๒)")
			.contains("|100.0|76.0|62.0|88.0|75.0|62.0|88.0|review57|10/07/2568|"));
		var csv = manager.get(DASHBOARD + "/evaluation/export?format=csv&fiscalYear=" + EvaluationFixture.YEAR);
		String text = new String(csv.body(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF\"ข้อ\"").contains("\"บันทึกแล้ว\"").contains(",100,76.00,62.00,88.00,");
		System.out.println("[evaluation] dashboard CSV:\n" + text.lines().limit(6).reduce("", (x, y) -> x + y + "\n"));
	}

	@Test
	void theDepartmentFindsTheProvinceOnTheNationalPage() throws Exception {
		WebappSession department = WebappSession.login(port, "cockpit", "cdd01", "cdd01");
		var response = department.get(DASHBOARD + "/nation/evaluation?fiscalYear=" + EvaluationFixture.YEAR);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode chiangRai = null;
		for (JsonNode p : JSON.readTree(response.body()).path("provinces")) {
			if ("57".equals(p.path("provinceCode").asText())) {
				chiangRai = p;
			}
		}
		assertThat(chiangRai).isNotNull();
		assertThat(chiangRai.path("provinceName").asText()).contains("เชียงราย");
		assertThat(chiangRai.path("recorded").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(chiangRai.path("evaluated").asInt())
			.isEqualTo(chiangRai.path("recorded").asInt() + chiangRai.path("notYet").asInt());
		var csv = department
			.get(DASHBOARD + "/nation/export?table=evaluation&format=csv&fiscalYear=" + EvaluationFixture.YEAR);
		assertThat(csv.statusCode()).isEqualTo(200);
		String text = new String(csv.body(), StandardCharsets.UTF_8);
		assertThat(text.lines().filter(l -> l.contains(fixture.budgetCode))).hasSize(4)
			.allSatisfy(l -> assertThat(l).startsWith("\"57\",\"สำนักงานพัฒนาชุมชนจังหวัดเชียงราย\""));
		// the department sees Chiang Rai's page too
		assertThat(
				department.get(DASHBOARD + "/evaluation?province=57&fiscalYear=" + EvaluationFixture.YEAR).statusCode())
			.isEqualTo(200);
	}

	@Test
	void theReportsPdfPrintsEa3PerTopic() throws Exception {
		WebappSession officer = WebappSession.login(port, "str5702", "test5702");
		long version = versions.ofReport(fixture.businessKey("5702")).get(0).id();
		var response = officer.get(MY_REPORTS + "/versions/" + version + "/report.pdf");
		assertThat(response.statusCode()).isEqualTo(200);
		try (PDDocument pdf = Loader.loadPDF(response.body())) {
			String text = new PDFTextStripper().getText(pdf);
			System.out.println("[evaluation] report PDF text:\n" + text);
			String flat = text.replaceAll("\\s+", "");
			assertThat(flat).contains("ผลการประเมินรายประเด็น(EA3)จากผู้ตอบแบบประเมิน25คน")
				.contains("ความรู้ความเข้าใจคน(ร้อยละ)")
				.contains("๑)ทบทวนระเบียบ")
				// topic 1: 20 of 25 knowledge (80%), 15 use (60%), 24 satisfied (96%)
				.contains("20(80)15(60)24(96)")
				// the office's own topic, marked (its text may wrap past the figures)
				.contains("(ประเด็นของหน่วยงาน)")
				.contains("10(40)8(32)20(80)")
				.contains("2568");
		}
		// another district's report is not printed for this officer
		long other = versions.ofReport(fixture.businessKey("5701")).get(0).id();
		assertThat(officer.get(MY_REPORTS + "/versions/" + other + "/report.pdf").statusCode()).isEqualTo(404);
	}

}
