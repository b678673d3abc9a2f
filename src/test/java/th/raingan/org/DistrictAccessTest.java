package th.raingan.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import th.raingan.ApplicationTest;

/**
 * Who sees and works on which task, through {@code /engine-rest} as the demo users log
 * in. A probe process with one task for an office's group stands in for any of the
 * project's processes.
 */
@ApplicationTest
class DistrictAccessTest {

	private static final String PROBE = "access-probe";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	/**
	 * The probe's tasks (named in English, as ids) must not stay in the shared database:
	 * other tests read whole Tasklist pages for Latin words.
	 */
	@org.junit.jupiter.api.AfterEach
	void removeProbes() {
		repository.createProcessDefinitionQuery()
			.processDefinitionKey(PROBE)
			.list()
			.forEach(definition -> repository.deleteDeployment(definition.getDeploymentId(), true));
	}

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	Task task4201;

	Task task4202;

	Task review42;

	@BeforeEach
	void officesHaveWork() {
		BpmnModelInstance probe = Bpmn.createExecutableProcess(PROBE)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task_Probe")
			.camundaCandidateGroups("${office}")
			.endEvent()
			.done();
		repository.createDeployment()
			.name(PROBE)
			.enableDuplicateFiltering(false)
			.addModelInstance(PROBE + ".bpmn", probe)
			.deploy();
		task4201 = startFor(Groups.district("4201"));
		task4202 = startFor(Groups.district("4202"));
		review42 = startFor(Groups.provinceReview("42"));
	}

	private Task startFor(String group) {
		String id = runtime.startProcessInstanceByKey(PROBE, Map.of("office", group)).getId();
		return tasks.createTaskQuery().processInstanceId(id).singleResult();
	}

	@Test
	void districtOfficerSeesOwnDistrictsTaskOnly() {
		assertThat(visibleTo("str4201", "test4201", task4201)).isTrue();
		assertThat(visibleTo("str4201", "test4201", task4202)).isFalse();
		assertThat(visibleTo("str4201", "test4201", review42)).isFalse();
		assertThat(visibleTo("str4202", "test4202", task4202)).isTrue();
		assertThat(visibleTo("str4202", "test4202", task4201)).isFalse();
	}

	@Test
	void provinceReviewerSeesOwnProvincesReviewAndNoDistrictDraft() {
		assertThat(visibleTo("review42", "review42", review42)).isTrue();
		assertThat(visibleTo("review42", "review42", task4201)).isFalse();
		assertThat(visibleTo("review27", "review27", review42)).isFalse();
		assertThat(visibleTo("manager31", "manager31", review42)).isFalse();
	}

	@Test
	void districtOfficerCannotClaimOrCompleteAnotherDistrictsTask() {
		var asStr4201 = rest.withBasicAuth("str4201", "test4201");

		ResponseEntity<String> claim = asStr4201.postForEntity("/engine-rest/task/{id}/claim",
				Map.of("userId", "str4201"), String.class, task4202.getId());
		assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<String> complete = asStr4201.postForEntity("/engine-rest/task/{id}/complete", Map.of(),
				String.class, task4202.getId());
		assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		Task still = tasks.createTaskQuery().taskId(task4202.getId()).singleResult();
		assertThat(still).isNotNull();
		assertThat(still.getAssignee()).isNull();
	}

	@Test
	void districtOfficerClaimsAndCompletesOwnDistrictsTask() {
		var asStr4201 = rest.withBasicAuth("str4201", "test4201");

		assertThat(asStr4201
			.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "str4201"), String.class, task4201.getId())
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(asStr4201.postForEntity("/engine-rest/task/{id}/complete", Map.of(), String.class, task4201.getId())
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(tasks.createTaskQuery().taskId(task4201.getId()).count()).isZero();
	}

	@Test
	void anonymousRestRequestsAreRefused() {
		assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.postForEntity("/engine-rest/process-definition/key/{key}/start", Map.of(), String.class, PROBE)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		// a wrong password (on an account no other test uses: the engine delays that
		// account's next login)
		assertThat(rest.withBasicAuth("str4214", "wrong-password")
			.getForEntity("/engine-rest/task", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void districtOfficerCannotStartProcessesNorReadOtherUsersAccounts() {
		var asStr4201 = rest.withBasicAuth("str4201", "test4201");
		ResponseEntity<String> start = asStr4201.postForEntity("/engine-rest/process-definition/key/{key}/start",
				Map.of(), String.class, PROBE);
		assertThat(start.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<String> newUser = asStr4201.postForEntity("/engine-rest/user/create",
				// a password that passes the policy (the engine checks that before the
				// authorization): the refusal is the authorization's
				Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "Break-in-2569!")),
				String.class);
		assertThat(newUser.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@SuppressWarnings("rawtypes")
	private boolean visibleTo(String user, String password, Task task) {
		ResponseEntity<List> response = rest.withBasicAuth(user, password)
			.exchange("/engine-rest/task?processInstanceId={pi}", HttpMethod.GET, HttpEntity.EMPTY, List.class,
					task.getProcessInstanceId());
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return !response.getBody().isEmpty();
	}

}
