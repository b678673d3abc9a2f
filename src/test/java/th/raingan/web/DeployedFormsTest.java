package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.raingan.ApplicationTest;

/**
 * Every user task and start event of every deployed process resolves its Camunda Form
 * from the deployment, the way Tasklist asks for it. A form missing from the deployment
 * fails here, not in front of an officer.
 */
@ApplicationTest
class DeployedFormsTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	th.raingan.project.ProjectCatalog catalog;

	@Autowired
	th.raingan.report.ReportTracker tracker;

	/**
	 * What each process's groups, due dates and people are read from (issue 29: never a
	 * variable): a business key per process and the rows it names, made here and removed
	 * afterwards.
	 */
	static final Map<String, String> BUSINESS_KEYS = Map.of("district-report", "forms-check/801/4201",
			"deadline-escalation", "2569-1/42/4201", "evaluation-summary", "eval/2569/42/1", "kpi-target-plan",
			"plan/2599/4201/forms-check", "kpi-round-close", "kpi/2599-1/42");

	private void rows() {
		long assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow().id();
		tracker.opened(BUSINESS_KEYS.get("district-report"), null, "2569-1/42", assignment, "4201", "42",
				java.time.LocalDate.of(2026, 3, 17));
		java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
		jdbc.update(
				"""
						insert into raingan.kpi_plan (business_key, fiscal_year_be, office_code, kpi_code, kpi_name, unit_th,
						kpi_type, status, values_json, updated_by, updated_at)
						values (?, 2599, '4201', 'forms-check', 'ตรวจแบบฟอร์ม', 'ร้อยละ', 'quantity', 'draft', '{}', 'test', ?)""",
				BUSINESS_KEYS.get("kpi-target-plan"), now);
		jdbc.update("""
				insert into raingan.kpi_round (round_key, fiscal_year_be, round_no, province_code, template_id, status,
				frozen_at) values ('2599-1/42', 2599, 1, '42', 'forms-check', 'collecting', ?)""", now);
		jdbc.update("insert into raingan.kpi_round_office (round_key, office_code) values ('2599-1/42', '4201')");
		jdbc.update("""
				insert into raingan.kpi_person_part (round_key, office_code, person_id, status)
				values ('2599-1/42', '4201', 'cdo4201a', 'agreed')""");
	}

	private void removeRows() {
		jdbc.update("delete from raingan.report where business_key = ?", BUSINESS_KEYS.get("district-report"));
		jdbc.update("delete from raingan.kpi_plan where business_key = ?", BUSINESS_KEYS.get("kpi-target-plan"));
		for (String table : List.of("kpi_person_part", "kpi_round_office", "kpi_round")) {
			jdbc.update("delete from raingan." + table + " where round_key = '2599-1/42'");
		}
	}

	@Test
	void everyUserTaskAndStartFormResolvesItsForm() throws Exception {
		List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
			.latestVersion()
			.list()
			.stream()
			.filter(d -> !d.getKey().equals("access-probe"))
			.toList();
		assertThat(definitions).extracting(ProcessDefinition::getKey).contains("district-report", "reporting-round");
		List<String> resolved = new ArrayList<>();
		rows();
		try {
			resolveEach(definitions, resolved);
		}
		finally {
			removeRows();
		}
		assertThat(resolved).contains("district-report/Task_DistrictDraft", "district-report/Task_ProvinceReview",
				"reporting-round/StartEvent_RoundRequested", "deadline-escalation/Task_HandleOverdue");
	}

	private void resolveEach(List<ProcessDefinition> definitions, List<String> resolved) throws Exception {
		for (ProcessDefinition definition : definitions) {
			var model = repository.getBpmnModelInstance(definition.getId());
			for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
				if (start.getCamundaFormRef() != null) {
					assertThat(json(forms.getDeployedStartForm(definition.getId())))
						.contains("\"id\": \"" + start.getCamundaFormRef() + "\"");
					resolved.add(definition.getKey() + "/" + start.getId());
				}
			}
			for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
				assertThat(userTask.getCamundaFormRef()).as(userTask.getId() + " has a form").isNotNull();
				assertThat(userTask.getCamundaFormRefBinding()).isEqualTo("deployment");
				ProcessInstance instance = runtime.createProcessInstanceById(definition.getId())
					.businessKey(BUSINESS_KEYS.get(definition.getKey()))
					.startBeforeActivity(userTask.getId())
					.setVariables(anyOffice())
					.execute(true, true);
				Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
				assertThat(json(forms.getDeployedTaskForm(task.getId())))
					.contains("\"id\": \"" + userTask.getCamundaFormRef() + "\"");
				runtime.deleteProcessInstance(instance.getId(), "form check", true, true);
				resolved.add(definition.getKey() + "/" + userTask.getId());
			}
		}
	}

	private static Map<String, Object> anyOffice() {
		Map<String, Object> variables = new HashMap<>();
		// a KPI part's office and officer: accepted only as the round's own (the rows
		// above)
		variables.put("officeCode", "4201");
		variables.put("officerId", "cdo4201a");
		return variables;
	}

	private static String json(InputStream form) throws Exception {
		try (form) {
			return new String(form.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
