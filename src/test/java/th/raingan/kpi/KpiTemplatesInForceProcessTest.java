package th.raingan.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.raingan.kpi.KpiRoundCloseProcess.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.Users;
import th.raingan.project.ProjectCatalog;
import th.raingan.project.ProjectImport;
import th.raingan.report.ReportRefused;

/**
 * The templates in force: Loei's own 2569 letter closes a Loei round (its one team
 * indicator T2 carries the whole weight, so a district's score is its T2 level); the
 * department's 2565 set is refused for a 2570 round; the start form offers every template
 * of the letters by its name.
 */
@ApplicationTest
class KpiTemplatesInForceProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectImport importer;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	KpiCatalog templates;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KpiRoundSetup setup;

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	private String startDefinition() {
		return repository.createProcessDefinitionQuery()
			.processDefinitionKey(KEY)
			.latestVersion()
			.singleResult()
			.getId();
	}

	@Test
	void aTemplateOfAnotherYearIsRefusedInThai() {
		Users.signIn(identity, "manager57");
		assertThatThrownBy(() -> forms.submitStartForm(startDefinition(),
				Map.of(FISCAL_YEAR, "2570", ROUND_NO, "1", TEMPLATE_ID, "department-province-2565-round1")))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining(
					"แม่แบบตัวชี้วัด: แม่แบบ \"กรมฯ กับจังหวัด รอบที่ 1/2565 (ทีม 40/40/20 บุคคล 7 ตัวชี้วัด)\" เป็นของปีงบประมาณ 2565 ใช้กับรอบปี 2570 ไม่ได้");
		assertThatThrownBy(() -> forms.submitStartForm(startDefinition(),
				Map.of(FISCAL_YEAR, "2565", ROUND_NO, "2", TEMPLATE_ID, "department-province-2565-round1")))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("ใช้กับรอบที่ 1 เท่านั้น ไม่ใช่รอบที่ 2");
		assertThat(templates.usable("57", 2570, 1)).extracting(KpiTemplate::id).containsExactly("test-department-2570");
		assertThat(templates.usable("42", 2569, 1)).extracting(KpiTemplate::id)
			.as("the province's own letter first")
			.startsWith("loei-2569-round1");
		assertThat(templates.usable("31", 2565, 2)).extracting(KpiTemplate::id)
			.containsExactly("department-province-2565-round2");
	}

	@Autowired
	KpiScores scores;

	/**
	 * The start form's template list is fed by the server ({@code templateChoices}, the
	 * form has no list of its own): the signed-in manager's province's own templates and
	 * the department's, by name; every template of the letters is offered to the
	 * province(s) it belongs to, so the form and the YAML cannot drift apart.
	 */
	@Test
	void theStartFormOffersOnlyTheProvincesTemplatesByName() throws Exception {
		JsonNode form = new ObjectMapper()
			.readTree(new ClassPathResource("forms/kpi-round-start.form").getInputStream());
		JsonNode field = null;
		for (JsonNode c : form.get("components")) {
			if ("templateId".equals(c.path("key").asText())) {
				field = c;
			}
		}
		assertThat(field).isNotNull();
		assertThat(field.path("valuesKey").asText()).isEqualTo("templateChoices");
		assertThat(field.has("values")).as("no static list: it would offer every province's templates").isFalse();
		Map<String, Map<String, String>> offered = new java.util.LinkedHashMap<>();
		for (String province : List.of("27", "31", "42", "57")) {
			Users.signIn(identity, "manager" + province);
			Map<String, String> choices = new java.util.LinkedHashMap<>();
			scores.templateChoices()
				.stream()
				.filter(c -> !c.get("value").startsWith("test-"))
				.forEach(c -> choices.put(c.get("value"), c.get("label")));
			offered.put(province, choices);
		}
		identity.clearAuthentication();
		Map<String, String> department = Map.of("department-province-2565-round1",
				"กรมฯ กับจังหวัด รอบที่ 1/2565 (ทีม 40/40/20 บุคคล 7 ตัวชี้วัด)", "department-province-2565-round2",
				"กรมฯ กับจังหวัด รอบที่ 2/2565 (ทีม 40/40/20 บุคคล 7 ตัวชี้วัด)");
		assertThat(offered.get("31")).containsAllEntriesOf(department)
			.containsEntry("buriram-2565-round1", "บุรีรัมย์ รอบที่ 1/2565 (ทีม 7 ตัวชี้วัด บุคคล 11 ตัวชี้วัด)")
			.doesNotContainKey("loei-2569-round1")
			.hasSize(3);
		assertThat(offered.get("42")).containsAllEntriesOf(department)
			.containsEntry("loei-2569-round1", "เลย รอบที่ 1/2569 (ทีม ตัวชี้วัดที่ 2)")
			.doesNotContainKey("buriram-2565-round1")
			.hasSize(3);
		assertThat(offered.get("27")).isEqualTo(department);
		assertThat(offered.get("57")).isEqualTo(department);
		Map<String, String> letters = new java.util.LinkedHashMap<>();
		templates.templates()
			.stream()
			.filter(t -> !t.id().startsWith("test-"))
			.forEach(t -> letters.put(t.id(), t.nameTh()));
		Map<String, String> anywhere = new java.util.LinkedHashMap<>();
		offered.values().forEach(anywhere::putAll);
		assertThat(anywhere).as("every template of the letters, by its name, to its province(s)")
			.containsExactlyInAnyOrderEntriesOf(letters);
		Users.signIn(identity, "str4201");
		assertThat(scores.templateChoices()).as("a district starts no round: nothing offered").isEmpty();
		// hidden in the form, and still refused at submit
		Users.signIn(identity, "manager42");
		assertThatThrownBy(() -> forms.submitStartForm(startDefinition(),
				Map.of(FISCAL_YEAR, "2565", ROUND_NO, "1", TEMPLATE_ID, "buriram-2565-round1")))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("เป็นของจังหวัดอื่น");
	}

	@Test
	void loeisOwn2569LetterClosesALoeiRound() throws Exception {
		String code = "801-112-S0569-2026-" + (10 + (int) (Math.random() * 80));
		setup.projects("%s,2569,42,กิจกรรมทดสอบตัวชี้วัดเลย,B1\n".formatted(code),
				"2569,42,%s,4201,10,10000\n".formatted(code));
		setup.approvedReport(2569, "42", "4201", code, "10", "3,000");
		BpmnAwareTests.init(engine);

		ProcessInstance round = setup.startRound("manager42", 2569, "loei-2569-round1");
		try {
			assertThat(round).hasBusinessKey("kpi/2569-1/42");
			// T2 is computed: each district has nothing to enter, and no individual part
			// (the letter has none)
			for (Task enter : tasks.createTaskQuery()
				.processInstanceId(round.getId())
				.taskDefinitionKey(TASK_ENTER_KPIS)
				.list()) {
				identity.clearAuthentication();
				assertThat(tasks.getVariable(enter.getId(), ENTRIES).toString()).isEqualTo("[]");
				String office = (String) tasks.getVariable(enter.getId(), OFFICE_CODE);
				Users.signIn(identity, "str" + office);
				tasks.complete(enter.getId(), Map.of(ENTRIES, List.of()));
			}
			Users.signIn(identity, "review42");
			for (Task verify : tasks.createTaskQuery()
				.processInstanceId(round.getId())
				.taskDefinitionKey(TASK_VERIFY_KPIS)
				.list()) {
				tasks.complete(verify.getId(), Map.of(VERIFY_DECISION, "verify"));
			}
			identity.clearAuthentication();
			assertThat(round).hasNotPassed(TASK_ASSIGN_INDICATORS).isWaitingAt(TASK_MANAGER_SIGN_OFF);
			Users.signIn(identity, "manager42");
			tasks.complete(tasks.createTaskQuery()
				.processInstanceId(round.getId())
				.taskDefinitionKey(TASK_MANAGER_SIGN_OFF)
				.singleResult()
				.getId(), Map.of(SIGN_OFF_CONFIRM, true));
			identity.clearAuthentication();

			BigDecimal t2 = jdbc.queryForObject(
					"select value_number from raingan.kpi_input where round_key = '2569-1/42' and office_code = '4201' and indicator_id = 'T2'",
					BigDecimal.class);
			int level = Scoring.level(templates.template("loei-2569-round1").orElseThrow().indicator("T2"),
					Measurement.empty().and("value", t2));
			Map<String, Object> snapshot = jdbc.queryForMap(
					"select score, detail_json from raingan.kpi_snapshot where round_key = '2569-1/42' and office_code = '4201'");
			// weight 100 on T2 alone: the score is T2's level
			assertThat((BigDecimal) snapshot.get("score")).isEqualByComparingTo(BigDecimal.valueOf(level));
			assertThat(snapshot.get("detail_json").toString()).contains("\"template\":\"loei-2569-round1\"",
					"\"T2\":" + level);
		}
		finally {
			identity.clearAuthentication();
			// other tests report in Loei's round 1/2569: it must not stay frozen
			runtime.deleteProcessInstance(round.getId(), "test done");
			for (String table : List.of("kpi_person_snapshot", "kpi_snapshot", "kpi_input",
					"kpi_agreement_confirmation", "kpi_agreement", "kpi_person_part", "kpi_round_office",
					"kpi_round")) {
				jdbc.update("delete from raingan." + table + " where round_key = '2569-1/42'");
			}
		}
	}

}
