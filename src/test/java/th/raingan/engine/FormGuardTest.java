package th.raingan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The form guard on a plain engine of its own, with a form of every kind of field: what a
 * signed-in user may send with a completion or a start, what is dropped, what is refused
 * before anything is written, and that the server's own nested commands and the engine's
 * own work are not held to it.
 */
class FormGuardTest {

	static final String TASK_FORM = """
			{"id": "task-form", "type": "default", "components": [
			  {"type": "textfield", "key": "note"},
			  {"type": "text", "text": "heading"},
			  {"type": "textfield", "key": "shown", "readonly": true},
			  {"type": "textfield", "key": "off", "disabled": true},
			  {"type": "group", "components": [{"type": "textarea", "key": "inner"}]},
			  {"type": "dynamiclist", "path": "rows", "components": [
			    {"type": "textfield", "key": "a"}, {"type": "textfield", "key": "label", "readonly": true}]},
			  {"type": "dynamiclist", "path": "seen", "components": [{"type": "textfield", "key": "x", "readonly": true}]}
			]}""";

	static final String START_FORM = """
			{"id": "start-form", "type": "default", "components": [{"type": "textfield", "key": "fiscalYear"}]}""";

	static ProcessEngine engine;

	@BeforeAll
	static void engineWithTheGuard() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:raingan-form-guard;DB_CLOSE_DELAY=1000")
			.setProcessEngineName("raingan-form-guard")
			.setJobExecutorActivate(false);
		configuration.setEnforceHistoryTimeToLive(false);
		configuration.getProcessEnginePlugins().add(new FormGuardPlugin());
		configuration.setBeans(Map.of("startsAnother",
				(JavaDelegate) execution -> execution.getProcessEngineServices()
					.getRuntimeService()
					.startProcessInstanceByKey("plain", Map.of("reviewGroup", "set-by-the-server"))));
		engine = configuration.buildProcessEngine();
		engine.getRepositoryService()
			.createDeployment()
			.addString("task-form.form", TASK_FORM)
			.addString("start-form.form", START_FORM)
			.addModelInstance("guarded.bpmn",
					Bpmn.createExecutableProcess("guarded")
						.startEvent()
						.camundaFormRef("start-form")
						.camundaFormRefBinding("deployment")
						.camundaInitiator("initiator")
						.userTask("Task_Fill")
						.camundaFormRef("task-form")
						.camundaFormRefBinding("deployment")
						.serviceTask("Task_StartAnother")
						.camundaDelegateExpression("${startsAnother}")
						.userTask("Task_NoForm")
						.endEvent()
						.done())
			.addModelInstance("plain.bpmn",
					Bpmn.createExecutableProcess("plain").startEvent().userTask("Task_Plain").endEvent().done())
			.deploy();
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@AfterEach
	void signOut() {
		engine.getIdentityService().clearAuthentication();
	}

	/** An instance at Task_Fill with server-owned variables, started by the engine. */
	ProcessInstance atFill() {
		return engine.getRuntimeService()
			.startProcessInstanceByKey("guarded", Map.of("reviewGroup", "province-42-review", "shown", "server"));
	}

	String task(ProcessInstance instance) {
		return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
	}

	void signIn() {
		engine.getIdentityService().setAuthentication("str4207", List.of("district-4207"));
	}

	@Test
	void aKeyOutsideTheFormIsRefusedInThaiBeforeAnythingIsWritten() {
		ProcessInstance instance = atFill();
		String task = task(instance);
		signIn();
		Map<String, Object> forged = Map.of("note", "ok", "reviewGroup", "district-4207");
		assertThatThrownBy(() -> engine.getTaskService().complete(task, forged))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("ส่งข้อมูลนี้กับแบบฟอร์มไม่ได้: reviewGroup (แบบฟอร์ม task-form ไม่มีช่องนี้)");
		assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task, forged))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("reviewGroup");
		assertThatThrownBy(() -> engine.getTaskService().resolveTask(task, forged))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("reviewGroup");
		signOut();
		assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
		Map<String, Object> asStarted = new HashMap<>(Map.of("reviewGroup", "province-42-review", "shown", "server"));
		asStarted.put("initiator", null);
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).isEqualTo(asStarted);
	}

	@Test
	void aDynamicListsRowsHoldOnlyItsFields() {
		ProcessInstance instance = atFill();
		String task = task(instance);
		signIn();
		assertThatThrownBy(() -> engine.getTaskService()
			.complete(task, Map.of("rows", List.of(Map.of("a", "1"), Map.of("a", "2", "indicatorId", "I9")))))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("ส่งข้อมูลนี้กับแบบฟอร์มไม่ได้: rows[1].indicatorId (แบบฟอร์ม task-form ไม่มีช่องนี้)");
		// as /engine-rest hands a Json value over: serialized
		assertThatThrownBy(() -> engine.getTaskService()
			.complete(task,
					Variables.createVariables()
						.putValueTyped("rows",
								Variables.serializedObjectValue("[{\"a\": \"1\", \"raingan_forged\": true}]")
									.serializationDataFormat("application/json")
									.objectTypeName("java.util.ArrayList")
									.create())))
			.hasMessageContaining("rows[0].raingan_forged");
		// a value that is not a list of rows carries no keys: the application's
		// validators say what it should have been
		assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("rows", List.of("a text", 3), "x", 1)))
			.hasMessage("ส่งข้อมูลนี้กับแบบฟอร์มไม่ได้: x (แบบฟอร์ม task-form ไม่มีช่องนี้)");
		assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
	}

	@Test
	void readOnlyKeysAreDroppedTheRestKeptAndNestedServerCommandsAreTrusted() {
		ProcessInstance instance = atFill();
		String task = task(instance);
		signIn();
		Map<String, Object> sent = new HashMap<>();
		sent.put("note", "ok");
		sent.put("inner", "in a group");
		sent.put("shown", "changed by the district");
		sent.put("off", "changed");
		sent.put("seen", List.of(Map.of("x", "changed")));
		sent.put("rows", List.of(Map.of("a", "1", "label", "shown in the row")));
		engine.getTaskService().complete(task, sent);
		signOut();
		Map<String, Object> kept = engine.getRuntimeService().getVariables(instance.getId());
		assertThat(kept).containsEntry("note", "ok")
			.containsEntry("inner", "in a group")
			.containsEntry("shown", "server")
			.containsEntry("reviewGroup", "province-42-review")
			.doesNotContainKeys("off", "seen");
		assertThat(kept.get("rows")).isEqualTo(List.of(Map.of("a", "1", "label", "shown in the row")));
		// the delegate's start (a command inside the completion) set what the server
		// decided
		String plain = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("plain")
			.orderByProcessInstanceId()
			.desc()
			.list()
			.get(0)
			.getId();
		assertThat(engine.getRuntimeService().getVariable(plain, "reviewGroup")).isEqualTo("set-by-the-server");
	}

	@Test
	void aTaskWithoutAFormTakesNoKeysAndTheEngineItselfIsNotHeld() {
		ProcessInstance instance = atFill();
		engine.getTaskService().complete(task(instance), Map.of("reviewGroup", "the engine's own"));
		String noForm = task(instance);
		signIn();
		assertThatThrownBy(() -> engine.getTaskService().complete(noForm, Map.of("dueDate", "2099-01-01")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("ส่งข้อมูลนี้กับแบบฟอร์มไม่ได้: dueDate (งานนี้ไม่มีแบบฟอร์มให้กรอก)");
		engine.getTaskService().complete(noForm);
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
			.isZero();
	}

	@Test
	void aStartSetsOnlyItsStartFormsKeysAndTheInitiatorIsTheSignedInUser() {
		String definition = engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey("guarded")
			.singleResult()
			.getId();
		long before = engine.getRuntimeService().createProcessInstanceQuery().count();
		signIn();
		assertThatThrownBy(() -> engine.getFormService()
			.submitStartForm(definition, Map.of("fiscalYear", "2569", "initiator", "manager42")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("ส่งข้อมูลนี้กับแบบฟอร์มไม่ได้: initiator (แบบฟอร์ม start-form ไม่มีช่องนี้)");
		assertThatThrownBy(() -> engine.getRuntimeService()
			.startProcessInstanceByKey("guarded", Map.of("initiator", "manager42", "raingan_forged", 1)))
			.isInstanceOf(RestException.class)
			.hasMessage(
					"ส่งข้อมูลนี้กับแบบฟอร์มไม่ได้: initiator, raingan_forged (แบบฟอร์ม start-form ไม่มีช่องเหล่านี้)");
		assertThatThrownBy(() -> engine.getRuntimeService()
			.createProcessInstanceByKey("guarded")
			.startBeforeActivity("Task_NoForm")
			.setVariable("initiator", "manager42")
			.execute()).isInstanceOf(RestException.class).hasMessageContaining("initiator");
		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("plain", Map.of("x", 1)))
			.hasMessage("ส่งข้อมูลนี้กับแบบฟอร์มไม่ได้: x (การเริ่มกระบวนการนี้ไม่มีแบบฟอร์มให้กรอก)");
		signOut();
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);

		signIn();
		ProcessInstance started = engine.getFormService().submitStartForm(definition, Map.of("fiscalYear", "2569"));
		signOut();
		assertThat(engine.getRuntimeService().getVariables(started.getId()))
			.isEqualTo(Map.of("fiscalYear", "2569", "initiator", "str4207"));
	}

	@Test
	void aCandidateEndsNoTaskWithABpmnErrorOrEscalationAndSendsNoPayload() {
		ProcessInstance instance = atFill();
		String task = task(instance);
		signIn();
		assertThatThrownBy(() -> engine.getTaskService().handleBpmnError(task, "REPORT_ENDED"))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageStartingWith("จบงานด้วย bpmnError ไม่ได้");
		assertThatThrownBy(() -> engine.getTaskService().handleEscalation(task, "LATE"))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageStartingWith("จบงานด้วย bpmnEscalation ไม่ได้");
		assertThatThrownBy(() -> engine.getRuntimeService()
			.createMessageCorrelation("anything")
			.setVariable("reviewGroup", "district-4207")
			.correlateAll()).isInstanceOf(BadUserRequestException.class)
			.hasMessage("ส่งข้อมูลนี้ไม่ได้: reviewGroup (message anything ไม่มีแบบฟอร์มให้กรอก)");
		assertThatThrownBy(
				() -> engine.getRuntimeService().createSignalEvent("alert").setVariables(Map.of("dueDate", "x")).send())
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("dueDate");
		signOut();
		assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
	}

}
