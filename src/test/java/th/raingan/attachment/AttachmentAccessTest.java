package th.raingan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportDrafts;

/**
 * The attachments tab's backend as Tasklist calls it (signed-in session, CSRF token): who
 * may list, download and add a report's files, and when.
 */
@ApplicationTest
class AttachmentAccessTest {

	static final String BASE = "/camunda/api/tasklist/plugin/raingan-attachments/default";

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

	final ObjectMapper json = new ObjectMapper();

	String report;

	String draftTask;

	@BeforeEach
	void aReportOf4201() {
		var assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();
		report = "attach-" + UUID.randomUUID();
		String id = runtime
			.startProcessInstanceByKey(DistrictReportProcess.KEY, report, ReportDrafts.inputsFor4201(assignment))
			.getId();
		draftTask = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();
	}

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> files(WebappSession user, String taskId) throws Exception {
		var response = user.get(BASE + "/tasks/" + taskId + "/attachments");
		assertThat(response.statusCode()).isEqualTo(200);
		return (List<Map<String, Object>>) json.readValue(response.body(), Map.class).get("files");
	}

	@Test
	void theDistrictAddsFilesTheProvinceSeesThemAndOtherDistrictsCannot() throws Exception {
		WebappSession str4201 = WebappSession.login(port, "str4201", "test4201");
		WebappSession str4202 = WebappSession.login(port, "str4202", "test4202");

		var added = str4201.post(BASE + "/tasks/" + draftTask + "/attachments?name=%E0%B8%A3%E0%B8%B9%E0%B8%9B.png",
				Photos.smallPng());
		assertThat(added.statusCode()).isEqualTo(200);
		long fileId = ((Number) json.readValue(added.body(), Map.class).get("id")).longValue();
		assertThat(str4201.post(BASE + "/tasks/" + draftTask + "/attachments?name=report.pdf", Photos.pdf(5000))
			.statusCode()).isEqualTo(200);
		assertThat(files(str4201, draftTask)).extracting(f -> f.get("name")).containsExactly("รูป.png", "report.pdf");

		// another district: cannot list, download or add
		var list = str4202.get(BASE + "/tasks/" + draftTask + "/attachments");
		assertThat(list.statusCode()).isEqualTo(404);
		assertThat(WebappSession.text(list)).contains("ไม่มีสิทธิ์");
		assertThat(str4202.get(BASE + "/attachments/" + fileId).statusCode()).isEqualTo(404);
		assertThat(
				str4202.post(BASE + "/tasks/" + draftTask + "/attachments?name=x.png", Photos.smallPng()).statusCode())
			.isEqualTo(404);
		assertThat(str4201.get(BASE + "/attachments/" + fileId).body()).isEqualTo(Photos.smallPng());

		// a refused file says why, in Thai, naming it
		var refused = str4201.post(BASE + "/tasks/" + draftTask + "/attachments?name=photo.jpg",
				Photos.windowsProgram());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(WebappSession.text(refused)).contains("ไฟล์ \\\"photo.jpg\\\" ไม่ใช่ชนิดที่รับได้");

		// submitted: the files belong to the version; the province sees them but cannot
		// add
		identity.setAuthentication("str4201", List.of("district-4201"));
		Map<String, Object> draft = ReportDrafts.valid();
		tasks.complete(draftTask, draft);
		identity.clearAuthentication();
		String reviewTask = tasks.createTaskQuery().processInstanceBusinessKey(report).singleResult().getId();
		WebappSession review42 = WebappSession.login(port, "review42", "review42");
		assertThat(files(review42, reviewTask)).hasSize(2)
			.allSatisfy(f -> assertThat(f.get("submitted")).isEqualTo(true));
		assertThat(review42.get(BASE + "/attachments/" + fileId).statusCode()).isEqualTo(200);
		// the tab's viewer: a photo or a PDF asked with ?inline=true opens on screen, to
		// those who may see it
		assertThat(review42.get(BASE + "/attachments/" + fileId + "?inline=true")
			.headers()
			.firstValue("Content-Disposition")
			.orElseThrow()).startsWith("inline");
		assertThat(
				review42.get(BASE + "/attachments/" + fileId).headers().firstValue("Content-Disposition").orElseThrow())
			.startsWith("attachment");
		Object pdfId = files(review42, reviewTask).stream()
			.filter(f -> "report.pdf".equals(f.get("name")))
			.findFirst()
			.orElseThrow()
			.get("id");
		assertThat(review42.get(BASE + "/attachments/" + pdfId + "?inline=true")
			.headers()
			.firstValue("Content-Disposition")
			.orElseThrow()).startsWith("inline");
		assertThat(str4202.get(BASE + "/attachments/" + fileId + "?inline=true").statusCode()).isEqualTo(404);
		assertThat(
				review42.post(BASE + "/tasks/" + reviewTask + "/attachments?name=x.pdf", Photos.pdf(5000)).statusCode())
			.isEqualTo(403);
		assertThat(str4201.post(BASE + "/tasks/" + draftTask + "/attachments?name=late.pdf", Photos.pdf(5000))
			.statusCode()).as("the draft task is gone").isEqualTo(404);

		// approved: nothing can be added any more
		identity.setAuthentication("review42", List.of("province-42-review"));
		tasks.complete(reviewTask,
				Map.of(DistrictReportProcess.REVIEW_DECISION, DistrictReportProcess.DECISION_APPROVE));
		identity.clearAuthentication();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(report).count()).isZero();
		assertThat(str4201.post(BASE + "/tasks/" + draftTask + "/attachments?name=late.pdf", Photos.pdf(5000))
			.statusCode()).isEqualTo(404);
		assertThat(review42.post(BASE + "/tasks/" + reviewTask + "/attachments?name=late.pdf", Photos.pdf(5000))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void withoutTheCsrfTokenOrASessionNothingIsAccepted() throws Exception {
		WebappSession anonymous = new WebappSession(port);
		assertThat(anonymous.get(BASE + "/tasks/" + draftTask + "/attachments").statusCode()).isIn(401, 403, 404);
		assertThat(anonymous.post(BASE + "/tasks/" + draftTask + "/attachments?name=x.png", Photos.smallPng())
			.statusCode()).isIn(401, 403);
	}

}
