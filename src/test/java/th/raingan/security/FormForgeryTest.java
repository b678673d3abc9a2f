package th.raingan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.ApplicationTest;
import th.raingan.Users;
import th.raingan.deadline.EscalationService;
import th.raingan.evaluation.EvaluationFixture;
import th.raingan.evaluation.EvaluationPlanService;
import th.raingan.evaluation.EvaluationSummaries;
import th.raingan.kpi.KpiRoundCloseProcess;
import th.raingan.kpi.KpiRoundSetup;
import th.raingan.plan.IndicatorCatalogue;
import th.raingan.plan.Indicators;
import th.raingan.plan.KpiTargetPlanProcess;
import th.raingan.plan.PlanFixtures;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.JsonRows;
import th.raingan.report.ReportDrafts;
import th.raingan.security.RestCalls.Answer;
import th.raingan.security.RestCalls.Login;
import th.raingan.thai.Clock;

/**
 * Every forgery on every task and start form, generated from what is deployed: every user
 * task and every start event with a form of every deployed process is reached through the
 * real flows (the existing fixtures: a district report drafted and reviewed, Loei's KPI
 * round of 1/2565 with Mueang Loei's head and officers, a KPI target plan, a province's
 * evaluation summary, an overdue escalation), and while each task is open its rightful
 * candidate, signed in over {@code /engine-rest}, completes it and submits its form with,
 * one at a time: each variable the instance holds that is not a field of the task's form,
 * an unknown key, and a row of each dynamic list with a key the list does not have. Each
 * must be refused with 400 and a Thai message naming the key, the task still open and the
 * instance's variables as they were. The start forms are submitted with {@code initiator}
 * and an unknown key: 400, no instance. A user task or start form deployed later and not
 * reached by any fixture fails the test by name.
 * <p>
 * Fields a form shows read-only are dropped from a submission, not refused (the engine's
 * FormGuardTest shows they have no effect); they are not sent here, where a dropped key
 * would complete the task.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormForgeryTest {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String FORGED = "raingan_forged";

	static final String REFUSED = "ส่งข้อมูลนี้กับแบบฟอร์มไม่ได้";

	/** Who may start each process from its start form. */
	static final Map<String, Login> STARTERS = Map.of("reporting-round", login("manager42"), "kpi-round-close",
			login("manager42"), KpiTargetPlanProcess.KEY, login("str4201"));

	static final int PLAN_YEAR = 2577;

	static final String BUDGET_CODE = "801-112-S0565-2022-42";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	EvaluationPlanService plans;

	@Autowired
	EvaluationSummaries summaries;

	@Autowired
	EscalationService escalation;

	@Autowired
	KpiRoundSetup kpi;

	@Autowired
	IndicatorCatalogue catalogue;

	@Autowired
	ApplicationContext spring;

	RestCalls rest;

	/** {@code process:activity} of each task and start form probed. */
	final Set<String> reached = new TreeSet<>();

	/** Each forgery that was not refused as it must be. */
	final List<String> notRefused = new ArrayList<>();

	int attempts;

	/** A fixture that failed half-way (with the guard removed, a forgery ends a task). */
	final List<String> fixtureFailures = new ArrayList<>();

	interface Fixture {

		void run() throws Exception;

	}

	/** The district draft the BPMN error and escalation are tried on. */
	String draftTask;

	String draftInstance;

	static Login login(String user) {
		return new Login(user, user.startsWith("str") ? "test" + user.substring(3) : user);
	}

	@BeforeAll
	void everyTaskReachedAndForged() throws Exception {
		rest = new RestCalls(port);
		for (Map.Entry<String, Fixture> fixture : Map
			.<String, Fixture>of("district report and KPI round", this::districtReportAndLoeisKpiRound,
					"KPI target plan", this::targetPlan, "evaluation summary", this::evaluationSummary,
					"overdue escalation", this::overdueEscalation)
			.entrySet()) {
			try {
				fixture.getValue().run();
			}
			catch (Exception | AssertionError ex) {
				// what it did not reach is named by the coverage test
				fixtureFailures.add(fixture.getKey() + ": " + ex);
			}
			finally {
				ClockUtil.reset();
				identity.clearAuthentication();
			}
		}
		for (Map.Entry<String, Login> starter : STARTERS.entrySet()) {
			forgeStart(starter.getKey(), starter.getValue());
		}
		System.out.println("FormForgeryTest: " + attempts + " forgeries on " + reached.size()
				+ " tasks and start forms: " + reached);
	}

	@AfterAll
	void realTime() {
		ClockUtil.reset();
	}

	/**
	 * A 2565 report of Mueang Loei drafted and approved, then Loei's KPI round of 1/2565
	 * under the department's template: the team's entry and the province's check, the
	 * head's assignment to cdo4201a, both confirmations, the officer's entry, the head's
	 * check and the manager's sign-off.
	 */
	private void districtReportAndLoeisKpiRound() throws Exception {
		kpi.projects(BUDGET_CODE + ",2565,42,กิจกรรมทดสอบการปลอมแบบฟอร์มเลย,B1\n",
				"2565,42," + BUDGET_CODE + ",4201,10,10000\n");
		var assignment = catalog.assignment(2565, BUDGET_CODE, "4201").orElseThrow();
		Map<String, Object> inputs = ReportDrafts.inputsFor4201(assignment);
		inputs.put(DistrictReportProcess.ROUND_KEY, "2565-1/42");
		draftInstance = runtime
			.startProcessInstanceByKey(DistrictReportProcess.KEY, "forgery-" + System.nanoTime(), inputs)
			.getId();
		Task draft = only(draftInstance, DistrictReportProcess.TASK_DISTRICT_DRAFT);
		draftTask = draft.getId();
		forge(draft, "str4201");
		endsNotByBpmnErrorOrEscalation();
		Map<String, Object> filled = ReportDrafts.valid();
		filled.put(DistrictReportProcess.START_DATE, "05/01/2565");
		filled.put(DistrictReportProcess.END_DATE, "20/01/2565");
		filled.put(DistrictReportProcess.TARGET_VALUE, "10");
		filled.put(DistrictReportProcess.RESULT_VALUE, "10");
		filled.put(DistrictReportProcess.SPENT_BAHT, "9,000");
		completeAs("str4201", draft, filled);
		Task review = only(draftInstance, DistrictReportProcess.TASK_PROVINCE_REVIEW);
		forge(review, "review42");
		completeAs("review42", review,
				Map.of(DistrictReportProcess.REVIEW_DECISION, DistrictReportProcess.DECISION_APPROVE));

		String round = kpi.startRound("manager42", 2565, "department-province-2565-round1").getId();
		Task enter = only(round, KpiRoundCloseProcess.TASK_ENTER_KPIS);
		forge(enter, "str4201");
		completeAs("str4201", enter, Map.of(KpiRoundCloseProcess.ENTRIES,
				asTheFormSends(enter, KpiRoundCloseProcess.ENTRIES, (i, row) -> filledIn(i, row))));
		Task verify = only(round, KpiRoundCloseProcess.TASK_VERIFY_KPIS);
		forge(verify, "review42");
		completeAs("review42", verify, Map.of(KpiRoundCloseProcess.VERIFY_DECISION, "verify"));

		Task assign = only(round, KpiRoundCloseProcess.TASK_ASSIGN_INDICATORS);
		forge(assign, "head4201");
		completeAs("head4201", assign, Map.of(KpiRoundCloseProcess.ASSIGNMENTS,
				asTheFormSends(assign, KpiRoundCloseProcess.ASSIGNMENTS, (i, row) -> {
					row.put("personId", i == 0 ? "cdo4201a" : "");
					row.put("target", i == 0 ? "ร้อยละ 85 ของครัวเรือนเป้าหมาย" : "");
					return row;
				})));
		Task officerConfirms = only(round, KpiRoundCloseProcess.TASK_OFFICER_CONFIRMS);
		forge(officerConfirms, "cdo4201a");
		completeAs("cdo4201a", officerConfirms, Map.of(KpiRoundCloseProcess.OFFICER_CONFIRM, true));
		Task headConfirms = only(round, KpiRoundCloseProcess.TASK_HEAD_CONFIRMS);
		forge(headConfirms, "head4201");
		completeAs("head4201", headConfirms, Map.of(KpiRoundCloseProcess.HEAD_CONFIRM, true));
		Task enterOwn = only(round, KpiRoundCloseProcess.TASK_ENTER_INDIVIDUAL);
		forge(enterOwn, "cdo4201a");
		completeAs("cdo4201a", enterOwn, Map.of(KpiRoundCloseProcess.PERSON_ENTRIES,
				asTheFormSends(enterOwn, KpiRoundCloseProcess.PERSON_ENTRIES, (i, row) -> filledIn(i, row))));
		Task headVerifies = only(round, KpiRoundCloseProcess.TASK_HEAD_VERIFIES);
		forge(headVerifies, "head4201");
		completeAs("head4201", headVerifies, Map.of(KpiRoundCloseProcess.PERSON_DECISION, "verify"));
		Task signOff = only(round, KpiRoundCloseProcess.TASK_MANAGER_SIGN_OFF);
		forge(signOff, "manager42");
		completeAs("manager42", signOff, Map.of(KpiRoundCloseProcess.SIGN_OFF_CONFIRM, true));
	}

	/** An entered row: the prepared value (the staff count) or 1, a date, evidence. */
	private static Map<String, Object> filledIn(int i, Map<String, Object> row) {
		if (row.get("value") == null || row.get("value").toString().isBlank()) {
			row.put("value", "1");
		}
		if (row.containsKey("doneOn")) {
			row.put("doneOn", String.format("%02d/01/2565", 10 + i));
		}
		row.put("evidence", "หนังสืออำเภอที่ ลย 0019.1/" + (100 + i));
		return row;
	}

	/** Mueang Loei's KPI target plan, started, signed off, checked by the province. */
	private void targetPlan() throws Exception {
		String code = Indicators.add(catalogue, "ร้อยละของครัวเรือนที่ทดสอบการปลอมแบบฟอร์ม", "ร้อยละ",
				IndicatorCatalogue.QUANTITY, "*");
		PlanFixtures plan = new PlanFixtures(spring);
		String key = plan.start("str4201", PLAN_YEAR, code);
		Task edit = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
		forge(edit, "str4201");
		plan.bureauExample("str4201", key, KpiTargetPlanProcess.ACTION_SIGN_OFF);
		forge(tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult(), "review42");
	}

	/** Chiang Rai's summary of an evaluated activity, started by its first approval. */
	private void evaluationSummary() throws Exception {
		ClockUtil.setCurrentTime(Date.from(LocalDate.of(2025, 7, 10).atTime(10, 0).atZone(Clock.ZONE).toInstant()));
		EvaluationFixture fixture = new EvaluationFixture(catalog, plans, List.of("5702"));
		summaries
			.reportApproved(catalog.assignment(EvaluationFixture.YEAR, fixture.budgetCode, "5702").orElseThrow().id());
		// its recording window closes (the timer fires as the job executor would fire it)
		String summary = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(fixture.summaryKey())
			.singleResult()
			.getId();
		management.createJobQuery()
			.processInstanceId(summary)
			.timers()
			.list()
			.forEach(job -> management.executeJob(job.getId()));
		forge(tasks.createTaskQuery().processInstanceId(summary).singleResult(), "review57");
		ClockUtil.reset();
	}

	/** A district's overdue reports, handed to its province's manager. */
	private void overdueEscalation() throws Exception {
		escalation.escalate("2565-1/42", "4201");
		forge(tasks.createTaskQuery().processInstanceBusinessKey("2565-1/42/4201").singleResult(), "manager42");
	}

	private Task only(String processInstanceId, String activity) {
		List<Task> open = tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(activity)
			.list();
		assertThat(open).as("open %s", activity).hasSize(1);
		return open.get(0);
	}

	private void completeAs(String user, Task task, Map<String, Object> values) {
		Users.signIn(identity, user);
		try {
			tasks.complete(task.getId(), values);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * The rows the server prepared for the task's list, as the form sends them back: the
	 * list's fields only, filled in.
	 */
	private List<Map<String, Object>> asTheFormSends(Task task, String list,
			BiFunction<Integer, Map<String, Object>, Map<String, Object>> fill) {
		Form form = Form.of(deployed(task));
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Map<String, Object>> prepared = JsonRows.of(tasks.getVariable(task.getId(), list), list, list);
		for (int i = 0; i < prepared.size(); i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			for (String key : form.lists().get(list)) {
				if (prepared.get(i).containsKey(key)) {
					row.put(key, prepared.get(i).get(key));
				}
			}
			rows.add(fill.apply(i, row));
		}
		return rows;
	}

	/** The task's deployed form, or {@code null} for none. */
	private byte[] deployed(Task task) {
		try (InputStream in = forms.getDeployedTaskForm(task.getId())) {
			return in.readAllBytes();
		}
		catch (ProcessEngineException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What a form asks: its editable keys, its read-only ones, each dynamic list with the
	 * keys of its rows.
	 */
	record Form(Set<String> editable, Set<String> display, Map<String, Set<String>> lists) {

		static Form of(byte[] json) {
			Form form = new Form(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashMap<>());
			if (json != null) {
				try {
					form.walk(JSON.readTree(json).path("components"));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return form;
		}

		private void walk(JsonNode components) {
			for (JsonNode c : components) {
				boolean readonly = c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false);
				if (c.path("type").asText().equals("dynamiclist")) {
					Form rows = new Form(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashMap<>());
					rows.walk(c.path("components"));
					Set<String> keys = new LinkedHashSet<>(rows.editable());
					keys.addAll(rows.display());
					lists.put(c.path("path").asText(), keys);
					(rows.editable().isEmpty() ? display : editable).add(c.path("path").asText());
				}
				else if (c.has("components")) {
					walk(c.path("components"));
				}
				else if (c.hasNonNull("key")) {
					(readonly ? display : editable).add(c.get("key").asText());
				}
			}
		}

	}

	/**
	 * The candidate tries every forgery on the open task, by complete and by submit-form.
	 */
	private void forge(Task task, String candidate) {
		assertThat(task).as("a task for %s", candidate).isNotNull();
		ProcessDefinition definition = repository.getProcessDefinition(task.getProcessDefinitionId());
		String where = definition.getKey() + ":" + task.getTaskDefinitionKey();
		reached.add(where);
		Form form = Form.of(deployed(task));
		Map<String, String> before = variables(task.getProcessInstanceId());
		Map<String, Object> forgeries = new LinkedHashMap<>();
		for (String held : before.keySet()) {
			if (!form.editable().contains(held) && !form.display().contains(held)) {
				forgeries.put(held, Map.of("value", "raingan-forged", "type", "String"));
			}
		}
		forgeries.put(FORGED, Map.of("value", "raingan-forged", "type", "String"));
		assertThat(forgeries).as("%s: the instance's server-owned variables", where).hasSizeGreaterThan(1);
		Map<String, String> named = new LinkedHashMap<>();
		forgeries.keySet().forEach(key -> named.put(key, key));
		for (String list : form.lists().keySet()) {
			if (form.editable().contains(list)) {
				forgeries.put(list, Map.of("value", "[{\"" + FORGED + "\": \"x\"}]", "type", "Json"));
				named.put(list, list + "[0]." + FORGED);
			}
		}
		Login login = login(candidate);
		for (Map.Entry<String, Object> forgery : forgeries.entrySet()) {
			for (String endpoint : List.of("complete", "submit-form")) {
				attempts++;
				Answer answer = rest.call(login, "POST", "/engine-rest/task/" + task.getId() + "/" + endpoint,
						Map.of("variables", Map.of(forgery.getKey(), forgery.getValue())));
				String key = named.get(forgery.getKey());
				if (answer.status() != 400 || !answer.body().contains(REFUSED) || !answer.body().contains(key)) {
					notRefused.add(where + " " + endpoint + " " + key + " as " + candidate + ": " + answer.status()
							+ " " + answer.body());
				}
			}
		}
		if (tasks.createTaskQuery().taskId(task.getId()).count() != 1) {
			notRefused.add(where + ": the task was ended by a forgery");
		}
		else if (!variables(task.getProcessInstanceId()).equals(before)) {
			notRefused.add(where + ": the instance's variables changed: " + before + " -> "
					+ variables(task.getProcessInstanceId()));
		}
	}

	private Map<String, String> variables(String processInstanceId) {
		Map<String, String> values = new TreeMap<>();
		runtime.getVariables(processInstanceId).forEach((k, v) -> values.put(k, String.valueOf(v)));
		return values;
	}

	/**
	 * The starter submits the start form with a forged initiator, then an unknown key.
	 */
	private void forgeStart(String processKey, Login starter) {
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
		startEventsWithAForm(definition).forEach(start -> reached.add(processKey + ":" + start));
		long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
		for (String key : List.of("initiator", FORGED)) {
			for (String endpoint : List.of("submit-form", "start")) {
				attempts++;
				Answer answer = rest.call(starter, "POST",
						"/engine-rest/process-definition/key/" + processKey + "/" + endpoint,
						Map.of("variables", Map.of(key, Map.of("value", "manager57", "type", "String"))));
				boolean refused = endpoint.equals("start") ? answer.status() == 400 || answer.status() == 403
						: answer.status() == 400;
				if (!refused || (answer.status() == 400
						&& !(answer.body().contains(REFUSED) && answer.body().contains(key)))) {
					notRefused.add(processKey + " " + endpoint + " " + key + " as " + starter.user() + ": "
							+ answer.status() + " " + answer.body());
				}
			}
		}
		if (history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count() != before) {
			notRefused.add(processKey + ": a forged start started an instance");
		}
	}

	private List<String> startEventsWithAForm(ProcessDefinition definition) {
		BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
		return model.getModelElementsByType(StartEvent.class)
			.stream()
			.filter(s -> s.getCamundaFormRef() != null || s.getCamundaFormKey() != null)
			.map(StartEvent::getId)
			.toList();
	}

	/** Every user task and start form of every deployed process, as process:activity. */
	private Set<String> deployed() {
		Set<String> all = new TreeSet<>();
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
			BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
			model.getModelElementsByType(UserTask.class)
				.forEach(task -> all.add(definition.getKey() + ":" + task.getId()));
			startEventsWithAForm(definition).forEach(start -> all.add(definition.getKey() + ":" + start));
		}
		return all;
	}

	@Test
	void everyDeployedUserTaskAndStartFormIsReachedByAFixture() {
		Set<String> missing = new TreeSet<>(deployed());
		missing.removeAll(reached);
		assertThat(missing)
			.as("user tasks and start forms no fixture of FormForgeryTest reaches: add a fixture that reaches "
					+ "each (and its rightful candidate), so that its forgeries are tried (fixtures failed: "
					+ fixtureFailures + ")")
			.isEmpty();
		assertThat(fixtureFailures).as("fixtures that failed half-way").isEmpty();
	}

	@Test
	void everyForgeryOnEveryTaskAndStartFormIsRefusedAndChangesNothing() {
		assertThat(attempts).as("forgeries tried").isGreaterThan(100);
		assertThat(notRefused).as("forgeries not refused with 400 and a Thai message naming the key").isEmpty();
	}

	/**
	 * The district may not end its report silently: a BPMN error or escalation from its
	 * draft is refused, and the report still waits at the draft; nor resolve it with a
	 * forged variable.
	 */
	private void endsNotByBpmnErrorOrEscalation() {
		for (String[] call : List.of(new String[] { "bpmnError", "errorCode" },
				new String[] { "bpmnEscalation", "escalationCode" })) {
			Answer answer = rest.call(login("str4201"), "POST", "/engine-rest/task/" + draftTask + "/" + call[0],
					Map.of(call[1], "REPORT_WITHDRAWN"));
			bpmnEndings.put(call[0], answer);
		}
		resolve = rest.call(login("str4201"), "POST", "/engine-rest/task/" + draftTask + "/resolve",
				Map.of("variables", Map.of("reviewGroup", Map.of("value", "district-4201", "type", "String"))));
		waitingAtDraft = runtime.createProcessInstanceQuery().processInstanceId(draftInstance).count() == 0
				? List.of("the report's process has ended") : runtime.getActiveActivityIds(draftInstance);
	}

	final Map<String, Answer> bpmnEndings = new TreeMap<>();

	/** The district resolving its draft with a forged review group. */
	Answer resolve;

	List<String> waitingAtDraft;

	@Test
	void aDistrictCannotEndItsReportWithABpmnErrorOrEscalation() {
		assertThat(bpmnEndings).as("tried on the draft (fixtures failed: " + fixtureFailures + ")")
			.containsOnlyKeys("bpmnError", "bpmnEscalation");
		bpmnEndings.forEach((call, answer) -> {
			assertThat(answer.status()).as(call + ": " + answer.body()).isIn(400, 403);
			assertThat(answer.body()).as(call).containsPattern("[ก-๙]");
		});
		assertThat(waitingAtDraft).containsExactly(DistrictReportProcess.TASK_DISTRICT_DRAFT);
		assertThat(resolve.status()).as("resolve: " + resolve.body()).isIn(400, 403);
		if (resolve.status() == 400) {
			assertThat(resolve.body()).contains(REFUSED).contains("reviewGroup");
		}
	}

}
