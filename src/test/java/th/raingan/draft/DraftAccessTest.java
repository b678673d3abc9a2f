package th.raingan.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * Saving a draft over the webapp's own session, as Tasklist's page does: the engine's
 * task authorizations decide who may, only the form's own editable fields are written,
 * every refusal is Thai and writes nothing.
 */
@ApplicationTest
class DraftAccessTest {

	static final String BASE = "/camunda/api/tasklist/plugin/raingan-forms/default";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ProjectCatalog catalog;

	String processId;

	String taskId;

	@BeforeEach
	void reportOf4201() {
		var assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();
		processId = runtime
			.startProcessInstanceByKey(DistrictReportProcess.KEY, "draft-access-" + UUID.randomUUID(),
					ReportDrafts.inputsFor4201(assignment))
			.getId();
		taskId = tasks.createTaskQuery().processInstanceId(processId).singleResult().getId();
	}

	@Test
	void theDistrictHoldingTheTaskSavesItsDraftAsTheFormsVariables() throws Exception {
		tasks.claim(taskId, "str4201");
		WebappSession str4201 = WebappSession.login(port, "str4201", "test4201");

		var saved = str4201.put(BASE + "/tasks/" + taskId + "/draft",
				"{\"values\": {\"officerName\": \"นางบิ่งอร จันทร์ศรี\", \"progressPercent\": \"150\","
						+ " \"areas\": [{\"place\": \"ตำบลกุดป่อง\", \"people\": \"๒๕\"}]}}");

		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(WebappSession.text(saved)).contains("\"savedBy\":\"str4201\"", "savedAt");
		assertThat(tasks.getVariable(taskId, DistrictReportProcess.OFFICER_NAME)).isEqualTo("นางบิ่งอร จันทร์ศรี");
		assertThat(tasks.getVariable(taskId, DistrictReportProcess.PROGRESS_PERCENT))
			.as("kept as typed, checked on submission")
			.isEqualTo("150");
		assertThat(tasks.getVariable(taskId, DistrictReportProcess.AREAS).toString()).contains("ตำบลกุดป่อง", "๒๕");
		assertThat(tasks.getVariable(taskId, Drafts.SAVED_BY)).isEqualTo("str4201");
		var stamp = str4201.get(BASE + "/tasks/" + taskId + "/draft");
		assertThat(WebappSession.text(stamp)).contains("\"editable\":true", "savedByName");
	}

	@Test
	void anotherDistrictNeitherSeesNorSavesTheDraft() throws Exception {
		tasks.claim(taskId, "str4201");
		WebappSession str4202 = WebappSession.login(port, "str4202", "test4202");

		var refused = str4202.put(BASE + "/tasks/" + taskId + "/draft", "{\"values\": {\"officerName\": \"ผู้อื่น\"}}");

		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(WebappSession.text(refused)).contains("ไม่พบงานนี้ หรือท่านไม่มีสิทธิ์");
		assertThat(str4202.get(BASE + "/tasks/" + taskId + "/draft").statusCode()).isEqualTo(404);
		assertThat(tasks.getVariable(taskId, DistrictReportProcess.OFFICER_NAME)).isNull();
	}

	@Test
	void aDraftIsSavedOnlyByWhoeverHoldsTheTask() throws Exception {
		WebappSession str4201 = WebappSession.login(port, "str4201", "test4201");

		var unclaimed = str4201.put(BASE + "/tasks/" + taskId + "/draft", "{\"values\": {\"officerName\": \"ก\"}}");

		assertThat(unclaimed.statusCode()).isEqualTo(409);
		assertThat(WebappSession.text(unclaimed)).contains("กรุณากดรับงานก่อนกรอกข้อมูล");
		assertThat(tasks.getVariable(taskId, DistrictReportProcess.OFFICER_NAME)).isNull();
	}

	@Test
	void onlyTheFormsOwnFieldsAreWrittenNeverWhatRoutesTheProcess() throws Exception {
		tasks.claim(taskId, "str4201");
		WebappSession str4201 = WebappSession.login(port, "str4201", "test4201");

		var refused = str4201.put(BASE + "/tasks/" + taskId + "/draft",
				"{\"values\": {\"officerName\": \"ก\", \"officeGroup\": \"district-4202\"}}");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(WebappSession.text(refused)).contains("officeGroup", "ไม่อยู่ในแบบฟอร์ม");
		assertThat(tasks.getVariable(taskId, "officeGroup")).as("not written").isNull();
		assertThat(tasks.getVariable(taskId, DistrictReportProcess.OFFICER_NAME)).as("nothing partial").isNull();
	}

	@Test
	void theReviewersDraftNeverRewritesWhatTheDistrictReported() throws Exception {
		tasks.complete(taskId, ReportDrafts.valid());
		String reviewId = tasks.createTaskQuery()
			.processInstanceId(processId)
			.taskDefinitionKey(DistrictReportProcess.TASK_PROVINCE_REVIEW)
			.singleResult()
			.getId();
		tasks.claim(reviewId, "review42");
		WebappSession review42 = WebappSession.login(port, "review42", "review42");

		var saved = review42.put(BASE + "/tasks/" + reviewId + "/draft",
				"{\"values\": {\"officerName\": \"แก้แทน\", \"returnReason\": \"กรุณาแนบภาพเพิ่ม\"}}");

		assertThat(saved.statusCode()).as("the review form's own field is saved").isEqualTo(200);
		assertThat(tasks.getVariable(reviewId, DistrictReportProcess.OFFICER_NAME)).isEqualTo("นางบิ่งอร จันทร์ศรี");
		assertThat(tasks.getVariable(reviewId, DistrictReportProcess.RETURN_REASON)).isEqualTo("กรุณาแนบภาพเพิ่ม");
	}

}
