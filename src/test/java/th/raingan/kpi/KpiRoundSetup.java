package th.raingan.kpi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import th.raingan.Users;
import th.raingan.project.ProjectCatalog;
import th.raingan.project.ProjectImport;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportDrafts;

/**
 * What the KPI round's application tests set up before the round: the year's projects and
 * their assignments imported as the province's CSV files, each report approved as the
 * district and the province do it (the round scores approved reports), and the round
 * started from its start form by the province's manager. A bean of the test classpath
 * (the application's component scan finds it), so the tests autowire it.
 */
@Component
public class KpiRoundSetup {

	private final ProjectImport importer;

	private final ProjectCatalog catalog;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final IdentityService identity;

	private final FormService forms;

	private final RepositoryService repository;

	KpiRoundSetup(ProjectImport importer, ProjectCatalog catalog, RuntimeService runtime, TaskService tasks,
			IdentityService identity, FormService forms, RepositoryService repository) {
		this.importer = importer;
		this.catalog = catalog;
		this.runtime = runtime;
		this.tasks = tasks;
		this.identity = identity;
		this.forms = forms;
		this.repository = repository;
	}

	/**
	 * Imports the projects ({@code budget_code,fiscal_year_be,province_code,name_th,
	 * budget_source} rows) and their assignments ({@code fiscal_year_be,province_code,
	 * budget_code,office_code,target,allocation_baht} rows), each without its header.
	 */
	public void projects(String projectRows, String assignmentRows) throws Exception {
		importer.importProjects(csv("budget_code,fiscal_year_be,province_code,name_th,budget_source\n" + projectRows));
		importer.importAssignments(
				csv("fiscal_year_be,province_code,budget_code,office_code,target,allocation_baht\n" + assignmentRows));
	}

	private static ByteArrayInputStream csv(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The assignment's report of the round {@code <year>-1/<province>} submitted by
	 * {@code str<office>} (the demo draft, its activity in January of that year, target
	 * 10) and approved by {@code review<province>}.
	 */
	public void approvedReport(int fiscalYear, String province, String office, String budgetCode, String result,
			String spent) {
		var assignment = catalog.assignment(fiscalYear, budgetCode, office).orElseThrow();
		Map<String, Object> inputs = ReportDrafts.inputsFor4201(assignment);
		inputs.put(DistrictReportProcess.ROUND_KEY, fiscalYear + "-1/" + province);
		inputs.put(DistrictReportProcess.OFFICE_CODE, office);
		String id = runtime.startProcessInstanceByKey(DistrictReportProcess.KEY, "kpi-" + UUID.randomUUID(), inputs)
			.getId();
		Map<String, Object> draft = ReportDrafts.valid();
		draft.put(DistrictReportProcess.START_DATE, "05/01/" + fiscalYear);
		draft.put(DistrictReportProcess.END_DATE, "20/01/" + fiscalYear);
		draft.put(DistrictReportProcess.TARGET_VALUE, "10");
		draft.put(DistrictReportProcess.RESULT_VALUE, result);
		draft.put(DistrictReportProcess.SPENT_BAHT, spent);
		try {
			Users.signIn(identity, "str" + office);
			tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId(), draft);
			Users.signIn(identity, "review" + province);
			tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId(),
					Map.of(DistrictReportProcess.REVIEW_DECISION, DistrictReportProcess.DECISION_APPROVE));
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/** The latest {@code kpi-round-close}, whose start form the manager submits. */
	public String startDefinition() {
		return repository.createProcessDefinitionQuery()
			.processDefinitionKey(KpiRoundCloseProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
	}

	/** The manager starts the round's close from the start form with the template. */
	public ProcessInstance startRound(String manager, int fiscalYear, String templateId) {
		try {
			Users.signIn(identity, manager);
			return forms.submitStartForm(startDefinition(),
					Map.of(KpiRoundCloseProcess.FISCAL_YEAR, String.valueOf(fiscalYear), KpiRoundCloseProcess.ROUND_NO,
							"1", KpiRoundCloseProcess.TEMPLATE_ID, templateId));
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
