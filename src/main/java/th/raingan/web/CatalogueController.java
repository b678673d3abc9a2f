package th.raingan.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.raingan.org.OfficeAccess;
import th.raingan.project.ImportReport;
import th.raingan.project.ProjectImport;

/**
 * Imports of the project catalogue, for the administrator: POST a CSV file (UTF-8), get
 * back what was imported and every rejected row with its line, field and reason.
 */
@RestController
@RequestMapping("/api/catalogue")
class CatalogueController {

	private final ProjectImport importer;

	private final OfficeAccess access;

	CatalogueController(ProjectImport importer, OfficeAccess access) {
		this.importer = importer;
		this.access = access;
	}

	@PostMapping(path = "/projects", consumes = { "text/csv", "text/plain" })
	ResponseEntity<Map<String, Object>> projects(@RequestBody byte[] csv) throws IOException {
		return adminOnly(() -> importer.importProjects(new ByteArrayInputStream(csv)));
	}

	@PostMapping(path = "/assignments", consumes = { "text/csv", "text/plain" })
	ResponseEntity<Map<String, Object>> assignments(@RequestBody byte[] csv) throws IOException {
		return adminOnly(() -> importer.importAssignments(new ByteArrayInputStream(csv)));
	}

	@PostMapping(path = "/evaluation-plan", consumes = { "text/csv", "text/plain" })
	ResponseEntity<Map<String, Object>> evaluationPlan(@RequestParam int fiscalYear, @RequestParam String province,
			@RequestBody byte[] csv) throws IOException {
		return adminOnly(() -> importer.importEvaluationPlan(new ByteArrayInputStream(csv), fiscalYear, province));
	}

	private interface Import {

		ImportReport run() throws IOException;

	}

	private ResponseEntity<Map<String, Object>> adminOnly(Import work) throws IOException {
		if (!access.administrator()) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("message", "เฉพาะผู้ดูแลระบบนำเข้าบัญชีโครงการได้"));
		}
		ImportReport report;
		try {
			report = work.run();
		}
		catch (java.io.UncheckedIOException ex) {
			// commons-csv stops at a quote that never closes; nothing of the file is
			// imported (one transaction)
			return ResponseEntity.badRequest()
				.body(Map.of("message",
						"อ่านไฟล์ CSV ไม่ได้ ไม่ได้นำเข้าแถวใด: เครื่องหมายคำพูด (\") ไม่ครบคู่ หรือไฟล์ไม่ใช่ CSV (UTF-8) ("
								+ ex.getMessage() + ")"));
		}
		return ResponseEntity.ok(Map.of("imported", report.imported(), "rejected", report.rejected(), "warnings",
				report.warnings(), "message",
				"นำเข้า " + report.imported() + " แถว ไม่นำเข้า " + report.rejected().size() + " รายการ"
						+ (report.warnings().isEmpty() ? ""
								: " คำเตือน " + report.warnings().size() + " รายการ (กำหนดส่งเลยวันสิ้นสุดรอบ)")));
	}

}
