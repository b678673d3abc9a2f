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
		assertThat(resolved).contains("district-report/Task_DistrictDraft", "district-report/Task_ProvinceReview",
				"reporting-round/StartEvent_RoundRequested", "deadline-escalation/Task_HandleOverdue");
	}

	private static Map<String, Object> anyOffice() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("officeGroup", "district-4201");
		variables.put("reviewGroup", "province-42-review");
		variables.put("dueDate", new java.util.Date());
		variables.put("managerGroup", "province-42-manager");
		variables.put("officeGroup", "district-4201");
		// the KPI round's individual part is assigned to the district head and each
		// officer
		variables.put("headId", "head4201");
		variables.put("officerId", "cdo4201a");
		return variables;
	}

	private static String json(InputStream form) throws Exception {
		try (form) {
			return new String(form.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
