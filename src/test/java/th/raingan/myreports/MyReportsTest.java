package th.raingan.myreports;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.myreports.ReportsOf4201.MY_REPORTS;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.org.People;

/**
 * รายงานของฉัน as the offices use it, signed in to Tasklist: str4201 sees its submitted,
 * returned and approved reports with their versions, area rows, files and the return
 * reason; str4202 sees none of them; a reviewer of another province is refused; the
 * approved report prints as a PDF whose text, read back with PDFBox, is intact Thai with
 * Buddhist-Era dates and no Christian-Era year.
 */
@ApplicationTest
class MyReportsTest {

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext spring;

	@Autowired
	People people;

	@BeforeEach
	void reportsOfMueangLoei() throws Exception {
		ReportsOf4201.ensure(spring, port);
	}

	@Test
	@SuppressWarnings("unchecked")
	void str4201SeesItsSubmittedReturnedAndApprovedReportsWithTheirVersions() throws Exception {
		WebappSession str4201 = WebappSession.login(port, "str4201", "test4201");
		Map<String, Object> page = json(str4201.get(MY_REPORTS + "/reports?fiscalYear=2574&round=1"), 200);

		assertThat((Map<String, Object>) page.get("office")).containsEntry("code", "4201");
		assertThat((List<Object>) page.get("offices")).hasSize(1);
		assertThat((List<String>) page.get("rounds")).contains("2574-1");
		List<Map<String, Object>> reports = (List<Map<String, Object>>) page.get("reports");
		assertThat(reports).extracting(r -> r.get("businessKey"))
			.containsExactlyInAnyOrderElementsOf(ReportsOf4201.ofRound());

		Map<String, Object> submitted = report(reports, ReportsOf4201.SUBMITTED);
		assertThat(submitted).containsEntry("statusTh", "ส่งแล้ว")
			.containsEntry("dueDateTh", "17 มีนาคม 2574")
			.containsEntry("taskId", null); // the province's review task is not the
											// district's to open
		assertThat(versions(submitted)).singleElement().satisfies(v -> {
			assertThat(v).containsEntry("revision", 1)
				.containsEntry("statusTh", "ส่งแล้ว")
				.containsEntry("submittedAtTh", "3 กุมภาพันธ์ 2574 เวลา 10:15 น.")
				.containsEntry("startDateTh", "5 มกราคม 2574");
			assertThat((List<Map<String, Object>>) v.get("areas")).extracting(a -> a.get("place"))
				.containsExactly("ตำบลกุดป่อง หมู่ 1", "ตำบลนาอาน หมู่ 3", "ตำบลนาโป่ง หมู่ 2");
		});

		Map<String, Object> returned = report(reports, ReportsOf4201.RETURNED);
		assertThat(returned).containsEntry("statusTh", "ส่งกลับแก้ไข");
		assertThat(returned.get("taskId")).as("the reopened draft, to open in Tasklist").isNotNull();
		assertThat(versions(returned)).singleElement()
			.satisfies(v -> assertThat(v).containsEntry("statusTh", "ส่งกลับแก้ไข")
				.containsEntry("returnReason", ReportsOf4201.RETURN_REASON)
				.containsEntry("decidedByName", people.displayName("review42"))
				.containsEntry("decidedAtTh", "5 กุมภาพันธ์ 2574 เวลา 14:00 น."));

		Map<String, Object> approved = report(reports, ReportsOf4201.APPROVED);
		assertThat(approved).containsEntry("statusTh", "อนุมัติ");
		Map<String, Object> version = versions(approved).get(0);
		assertThat((List<Map<String, Object>>) version.get("files")).extracting(f -> f.get("name"), f -> f.get("photo"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ReportsOf4201.PHOTO, true),
					org.assertj.core.groups.Tuple.tuple(ReportsOf4201.DOCUMENT, false));
		assertThat(version.get("evaluation") == null && version.get("respondents") != null).isTrue();

		// the photo opens on screen, the document downloads
		List<Map<String, Object>> files = (List<Map<String, Object>>) version.get("files");
		var photo = str4201.get(MY_REPORTS + "/files/" + files.get(0).get("id") + "?inline=true");
		assertThat(photo.statusCode()).isEqualTo(200);
		assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(photo.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
		var document = str4201.get(MY_REPORTS + "/files/" + files.get(1).get("id") + "?inline=true");
		assertThat(document.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");

		// the office's budget table: B1 ... B7 and B1+B2, with what the approved report
		// spent
		Map<String, Object> budget = (Map<String, Object>) page.get("budget");
		assertThat(budget).containsEntry("fiscalYear", 2574);
		List<Map<String, Object>> lines = (List<Map<String, Object>>) budget.get("lines");
		assertThat(lines).extracting(l -> l.get("source"))
			.containsExactly("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B1+B2");
		assertThat(lines.get(0)).containsEntry("allocation", 20000.0).containsEntry("result", 3000.0);

		// the filters
		assertThat(reportsOf(str4201, "/reports?fiscalYear=2574&status=returned"))
			.containsExactly(ReportsOf4201.RETURNED);
		assertThat(reportsOf(str4201, "/reports?fiscalYear=2574&round=2")).isEmpty();
		var badYear = str4201.get(MY_REPORTS + "/reports?fiscalYear=2031");
		assertThat(badYear.statusCode()).isEqualTo(400);
		assertThat(WebappSession.text(badYear)).contains("ปีงบประมาณ").contains("พ.ศ.");
	}

	@Test
	@SuppressWarnings("unchecked")
	void str4202SeesNoneOfThemAndAnotherProvincesReviewerIsRefused() throws Exception {
		WebappSession str4202 = WebappSession.login(port, "str4202", "test4202");
		List<String> own = reportsOf(str4202, "/reports");
		assertThat(own).contains(ReportsOf4201.DRAFT_4202).doesNotContainAnyElementsOf(ReportsOf4201.ofRound());
		assertThat(str4202.get(MY_REPORTS + "/reports?office=4201").statusCode()).isEqualTo(403);
		assertThat(WebappSession.text(str4202.get(MY_REPORTS + "/reports?office=4201")))
			.contains("เฉพาะของหน่วยงานท่าน");
		long approvedVersion = approvedVersionId();
		assertThat(str4202.get(MY_REPORTS + "/versions/" + approvedVersion + "/report.pdf").statusCode())
			.isEqualTo(404);

		WebappSession review27 = WebappSession.login(port, "review27", "review27");
		assertThat(review27.get(MY_REPORTS + "/reports?office=4201").statusCode()).isEqualTo(403);
		assertThat(review27.get(MY_REPORTS + "/reports?office=42").statusCode()).isEqualTo(403);
		assertThat(review27.get(MY_REPORTS + "/versions/" + approvedVersion + "/report.pdf").statusCode())
			.isEqualTo(404);
		Map<String, Object> sakaeo = json(review27.get(MY_REPORTS + "/reports"), 200);
		assertThat((List<Map<String, Object>>) sakaeo.get("offices")).extracting(o -> o.get("code"))
			.contains("27", "2701")
			.doesNotContain("42", "4201");

		// the province reviews its districts: review42 reads 4201's reports and prints
		// them
		WebappSession review42 = WebappSession.login(port, "review42", "review42");
		assertThat(reportsOf(review42, "/reports?office=4201&fiscalYear=2574"))
			.containsExactlyInAnyOrderElementsOf(ReportsOf4201.ofRound());
		assertThat(review42.get(MY_REPORTS + "/versions/" + approvedVersion + "/report.pdf").statusCode())
			.isEqualTo(200);
		assertThat(new WebappSession(port).get(MY_REPORTS + "/reports?office=4201").statusCode()).isEqualTo(401);
	}

	@Test
	void theApprovedReportPrintsAsAThaiGovernmentFormWithBuddhistEraDates() throws Exception {
		WebappSession str4201 = WebappSession.login(port, "str4201", "test4201");
		var response = str4201.get(MY_REPORTS + "/versions/" + approvedVersionId() + "/report.pdf");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");

		try (PDDocument pdf = Loader.loadPDF(response.body())) {
			String lines = new PDFTextStripper().getText(pdf);
			System.out.println("[my-reports] PDF text:\n" + lines);
			String text = lines.replaceAll("\\s+", " ");
			String compact = text.replace(" ", "");
			// a long value wraps at Thai word boundaries wherever its column ends:
			// compared without spaces
			assertThat(compact).contains(Stream
				.of("แบบรายงานผลการดำเนินงานกิจกรรม/โครงการ", "ปีงบประมาณ พ.ศ. 2574 รอบการประเมินที่ 1",
						"สำนักงานพัฒนาชุมชนอำเภอเมืองเลย", "801-112-S0570-2031-07",
						"สัมมนาการเรียนรู้วิถีชีวิตเศรษฐกิจพอเพียง", "กำหนดส่งรายงาน 17 มีนาคม 2574",
						"5 มกราคม 2574 ถึง 20 มกราคม 2574", "ตำบลกุดป่อง หมู่ 1", "ผู้นำชุมชนร่วมจัดทำแผนและนำแผนไปใช้",
						"ความพึงพอใจ ร้อยละ 90", ReportsOf4201.PHOTO, ReportsOf4201.DOCUMENT,
						"ส่งรายงานเมื่อ 12 มีนาคม 2574 เวลา 10:15 น.", "อนุมัติเมื่อ 16 มีนาคม 2574 เวลา 11:30 น.")
				.map(phrase -> phrase.replace(" ", ""))
				.toList());
			assertThat(compact).as("who submitted and who approved, by their Thai names")
				.contains("(" + people.displayName("str4201").replace(" ", "") + ")")
				.contains("ผู้อนุมัติ(" + people.displayName("review42").replace(" ", "") + ")");
			assertThat(text).as("no Christian-Era year: budget codes carry 2031, dates never do")
				.doesNotContainPattern("(?<![-\\d])20[0-9]{2}(?![-\\d])");
			List<String> fonts = new ArrayList<>();
			for (PDPage page : pdf.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : " not embedded"));
				}
			}
			assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("Laksaman") && f.endsWith(" embedded"));

			Path shots = Path.of("target", "screenshots");
			Files.createDirectories(shots);
			BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
			ImageIO.write(image, "png", shots.resolve("report-pdf-approved-page1.png").toFile());
			System.out.println("[my-reports] PDF: " + pdf.getNumberOfPages() + " page(s), fonts " + fonts
					+ ", page 1 image in target/screenshots/report-pdf-approved-page1.png");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theReviewTaskLinksToItsVersionsAsPdf() throws Exception {
		var tasks = spring.getBean(org.camunda.bpm.engine.TaskService.class);
		String review = tasks.createTaskQuery()
			.processInstanceBusinessKey(ReportsOf4201.SUBMITTED)
			.singleResult()
			.getId();
		WebappSession review42 = WebappSession.login(port, "review42", "review42");
		Map<String, Object> answer = json(review42.get(MY_REPORTS + "/tasks/" + review + "/versions"), 200);
		assertThat((List<Map<String, Object>>) answer.get("versions")).singleElement()
			.satisfies(v -> assertThat(v).containsEntry("revision", 1).containsEntry("statusTh", "ส่งแล้ว"));
		long id = ((Number) ((List<Map<String, Object>>) answer.get("versions")).get(0).get("id")).longValue();
		assertThat(review42.get(MY_REPORTS + "/versions/" + id + "/report.pdf").statusCode()).isEqualTo(200);
		// another province's reviewer cannot see the task
		WebappSession review27 = WebappSession.login(port, "review27", "review27");
		assertThat(review27.get(MY_REPORTS + "/tasks/" + review + "/versions").statusCode()).isEqualTo(404);
	}

	long approvedVersionId() {
		return spring.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
			.queryForObject("select id from raingan.report_version where business_key = ? and status = 'approved'",
					Long.class, ReportsOf4201.APPROVED);
	}

	@SuppressWarnings("unchecked")
	private List<String> reportsOf(WebappSession session, String path) throws Exception {
		Map<String, Object> page = json(session.get(MY_REPORTS + path), 200);
		return ((List<Map<String, Object>>) page.get("reports")).stream()
			.map(r -> (String) r.get("businessKey"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(java.net.http.HttpResponse<byte[]> response, int status) throws Exception {
		assertThat(response.statusCode()).as(WebappSession.text(response)).isEqualTo(status);
		return JSON.readValue(response.body(), Map.class);
	}

	private static Map<String, Object> report(List<Map<String, Object>> reports, String key) {
		return reports.stream().filter(r -> key.equals(r.get("businessKey"))).findFirst().orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> versions(Map<String, Object> report) {
		return (List<Map<String, Object>>) report.get("versions");
	}

}
