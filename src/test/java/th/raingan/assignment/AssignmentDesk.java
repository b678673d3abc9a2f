package th.raingan.assignment;

import static th.raingan.report.DistrictReportProcess.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.WebappSession;
import th.raingan.project.Assignment;
import th.raingan.project.DeadlineRule;
import th.raingan.project.Project;
import th.raingan.project.ProjectCatalog;
import th.raingan.thai.Clock;

/**
 * The assignments page's backend as the page calls it (a signed-in Tasklist session with
 * its CSRF token), and a fiscal year of its own for these tests: 2572 (1 Oct 2571 - 30
 * Sep 2572 BE), with projects in Loei (42) and Sa Kaeo (27) that no other test touches.
 */
public final class AssignmentDesk {

	public static final String BASE = "/camunda/api/tasklist/plugin/raingan-assignments/default";

	public static final int YEAR = 2572;

	static final ObjectMapper JSON = new ObjectMapper();

	private AssignmentDesk() {
	}

	/** A project of the test year's catalogue, created once. */
	public static String project(ProjectCatalog catalog, String province, String budgetCode, String name, String rule) {
		if (catalog.findProject(YEAR, province, budgetCode).isEmpty()) {
			catalog.save(new Project(null, YEAR, province, budgetCode, name, "B1", "คน", null, false,
					DeadlineRule.parse(rule)));
		}
		return budgetCode;
	}

	public static Map<String, Object> values(String target, String allocation) {
		Map<String, Object> form = new HashMap<>();
		form.put("target", target);
		form.put("allocationBaht", allocation);
		form.put("planBaht", "");
		form.put("activityStart", "01/04/2572");
		form.put("activityEnd", "30/06/2572");
		form.put("deadlineRule", "");
		form.put("needsAreaData", "Y");
		form.put("evaluationRequired", "");
		return form;
	}

	public static Map<String, Object> newAssignment(String budgetCode, String office, String target,
			String allocation) {
		Map<String, Object> form = values(target, allocation);
		form.put("budgetCode", budgetCode);
		form.put("officeCode", office);
		return form;
	}

	public static java.net.http.HttpResponse<byte[]> post(WebappSession session, String path, Object body)
			throws Exception {
		return session.send("POST", path, "application/json", JSON.writeValueAsBytes(body));
	}

	public static java.net.http.HttpResponse<byte[]> put(WebappSession session, String path, Object body)
			throws Exception {
		return session.send("PUT", path, "application/json", JSON.writeValueAsBytes(body));
	}

	public static java.net.http.HttpResponse<byte[]> importCsv(WebappSession session, String province, String csv)
			throws Exception {
		return session.send("POST", BASE + "/import?fiscalYear=" + YEAR + "&province=" + province, "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
	}

	public static Map<?, ?> json(java.net.http.HttpResponse<byte[]> response) throws Exception {
		return JSON.readValue(response.body(), Map.class);
	}

	public static String query(String province) {
		return "?fiscalYear=" + YEAR + "&province=" + province;
	}

	/** The assignment's row in the page's list. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> row(WebappSession session, String province, String budgetCode, String office)
			throws Exception {
		var list = json(session.get(BASE + "/assignments" + query(province)));
		return ((List<Map<String, Object>>) list.get("assignments")).stream()
			.filter(a -> a.get("budgetCode").equals(budgetCode) && a.get("officeCode").equals(office))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The report of an assignment as the round starts it in round 2 of the test year (its
	 * deadline 15 September 2572); returns the process instance.
	 */
	public static String openReport(RuntimeService runtime, ProjectCatalog catalog, String budgetCode, String office,
			String officeName) {
		Assignment assignment = catalog.assignment(YEAR, budgetCode, office).orElseThrow();
		Map<String, Object> inputs = new HashMap<>();
		inputs.put(ROUND_KEY, YEAR + "-2/42");
		inputs.put(ASSIGNMENT_ID, assignment.id());
		inputs.put(OFFICE_CODE, office);
		inputs.put(OFFICE_NAME, officeName);
		inputs.put(PROJECT_NAME, assignment.project().nameTh());
		inputs.put(BUDGET_CODE, budgetCode);
		inputs.put(UNIT, assignment.project().unitTh());
		inputs.put(OFFICE_TARGET, assignment.target() == null ? null : assignment.target().toPlainString());
		inputs.put(ALLOCATION,
				assignment.allocationBaht() == null ? null : assignment.allocationBaht().toPlainString());
		inputs.put(EVALUATION_REQUIRED, false);
		LocalDate deadline = LocalDate.of(2029, 9, 15);
		inputs.put(ROUND_DEADLINE, Clock.endOfDay(deadline));
		inputs.put(DUE_DATE, Clock.endOfDay(deadline));
		inputs.put(DUE_DATE_TEXT, "15 กันยายน 2572");
		inputs.put(DEADLINE_RULE, "");
		inputs.put(REVISION, 1);
		return runtime.startProcessInstanceByKey(KEY, YEAR + "-2/" + budgetCode + "/" + office, inputs).getId();
	}

	public static String draftTask(TaskService tasks, String processInstanceId) {
		return tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(TASK_DISTRICT_DRAFT)
			.singleResult()
			.getId();
	}

}
