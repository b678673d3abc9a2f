package th.raingan.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.round.ReportingRoundProcess;

/**
 * The department (group {@code department}, demo user {@code cdd01}) reads every
 * province: the budget overview and the Cockpit dashboard (its per-district rows carry
 * the KPI scores) for Loei and Sa Kaeo alike; it completes no task of a district or a
 * province and starts no round.
 */
@ApplicationTest
class DepartmentAccessTest {

	static final String DASHBOARD = "/camunda/api/cockpit/plugin/raingan-dashboard/default/summary?fiscalYear=2569&round=2";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	/**
	 * The probe's tasks (named in English, as ids) must not stay in the shared database:
	 * other tests read whole Tasklist pages for Latin words.
	 */
	@org.junit.jupiter.api.AfterEach
	void removeProbes() {
		repository.createProcessDefinitionQuery()
			.processDefinitionKey("access-probe")
			.list()
			.forEach(definition -> repository.deleteDeployment(definition.getDeploymentId(), true));
	}

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theDepartmentReadsEveryProvincesBudgetAndDashboard() throws Exception {
		for (String province : new String[] { "42", "27" }) {
			var budget = call("GET", "/api/budget?fiscalYear=2569&office=" + province, null);
			assertThat(budget.statusCode()).as(budget.body()).isEqualTo(200);
			assertThat(budget.body()).contains("\"" + province + "01\"");
			assertThat(call("GET", "/api/budget/export.csv?fiscalYear=2569&office=" + province, null).statusCode())
				.isEqualTo(200);
		}
		WebappSession cockpit = WebappSession.login(port, "cockpit", "cdd01", "cdd01");
		for (String province : new String[] { "42", "27" }) {
			var summary = cockpit.get(DASHBOARD + "&province=" + province);
			assertThat(summary.statusCode()).as(WebappSession.text(summary)).isEqualTo(200);
			assertThat(WebappSession.text(summary)).contains("\"province\":\"" + province + "\"")
				.contains("2569-2/" + province)
				.contains("\"districts\"")
				.contains("\"officeCode\":\"" + province + "01\"");
		}
	}

	@Test
	void theDepartmentCompletesNoTaskAndStartsNoRound() throws Exception {
		repository.createDeployment()
			.addModelInstance("access-probe.bpmn",
					Bpmn.createExecutableProcess("access-probe")
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.userTask("Task_Probe")
						.camundaCandidateGroups("${office}")
						.endEvent()
						.done())
			.deploy();
		for (String group : new String[] { "district-4201", "province-42-review", "province-27-manager" }) {
			String pi = runtime.startProcessInstanceByKey("access-probe", Map.of("office", group)).getId();
			Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
			var complete = call("POST", "/engine-rest/task/" + task.getId() + "/complete",
					Map.of("variables", Map.of()));
			assertThat(complete.statusCode()).as(group + ": " + complete.body()).isEqualTo(403);
			var claim = call("POST", "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "cdd01"));
			assertThat(claim.statusCode()).as(group).isEqualTo(403);
			assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
		}
		var round = call("POST", "/engine-rest/process-definition/key/" + ReportingRoundProcess.KEY + "/submit-form",
				Map.of("variables",
						Map.of(ReportingRoundProcess.FISCAL_YEAR, Map.of("value", "2569"),
								ReportingRoundProcess.ROUND_NO, Map.of("value", "2"),
								ReportingRoundProcess.REPORTING_DEADLINE, Map.of("value", "15/09/2569"))));
		assertThat(round.statusCode()).as(round.body()).isEqualTo(403);
		var start = call("POST", "/engine-rest/process-definition/key/" + ReportingRoundProcess.KEY + "/start",
				Map.of("variables", Map.of()));
		assertThat(start.statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> call(String method, String path, Object body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("cdd01:cdd01".getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json");
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers
			.ofString(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
