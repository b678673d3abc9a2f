package th.raingan.myreports;

import static th.raingan.web.PluginAnswers.fileName;
import static th.raingan.web.PluginAnswers.refuse;
import static th.raingan.web.PluginAnswers.whole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;

import th.raingan.attachment.AttachmentAccess;
import th.raingan.budget.BudgetLine;
import th.raingan.budget.BudgetOverview;
import th.raingan.org.OrgUnit;
import th.raingan.thai.Clock;
import th.raingan.thai.FiscalYear;

/**
 * รายงานของฉัน's backend. Every answer first asks {@link OfficeScope} which offices the
 * signed-in user may read; anything outside them is refused with a Thai {@code message},
 * the same for a report, a version's PDF and a file.
 */
public class MyReportsResource extends AbstractTasklistPluginResource {

	static final String NOT_YOURS = "ท่านดูรายงานได้เฉพาะของหน่วยงานท่าน (อำเภอ: อำเภอของท่าน, จังหวัด: จังหวัดและอำเภอในจังหวัด)";

	private final OfficeScope scopes;

	private final MyReports reports;

	private final ReportPrint print;

	private final BudgetOverview budgets;

	private final AttachmentAccess taskAccess;

	private final TaskService tasks;

	MyReportsResource(String engineName, OfficeScope scopes, MyReports reports, ReportPrint print,
			BudgetOverview budgets, AttachmentAccess taskAccess, TaskService tasks) {
		super(engineName);
		this.scopes = scopes;
		this.reports = reports;
		this.print = print;
		this.budgets = budgets;
		this.taskAccess = taskAccess;
		this.tasks = tasks;
	}

	/**
	 * The office's reports of every round (or the filtered ones), each with its versions,
	 * and its budget table.
	 */
	@GET
	@Path("reports")
	@Produces(MediaType.APPLICATION_JSON)
	public Response reports(@QueryParam("office") String office, @QueryParam("fiscalYear") String fiscalYear,
			@QueryParam("round") String round, @QueryParam("status") String status) {
		OfficeScope.Scope scope = scopes.current().orElse(null);
		if (scope == null) {
			return refuse(Status.FORBIDDEN, "ท่านยังไม่ได้สังกัดหน่วยงานใด จึงไม่มีรายงานให้แสดง");
		}
		OrgUnit unit = scope.office(office).orElse(null);
		if (unit == null) {
			return refuse(Status.FORBIDDEN, NOT_YOURS);
		}
		List<String> problems = new ArrayList<>();
		Integer year = whole(fiscalYear, 2500, 2700, "ปีงบประมาณ: ต้องเป็นปี พ.ศ. 4 หลัก เช่น 2570", problems);
		Integer roundNo = whole(round, 1, 2, "รอบการประเมิน: ต้องเป็น 1 หรือ 2", problems);
		String wanted = status == null || status.isBlank() ? null : status;
		if (wanted != null && !ReportStatuses.known(wanted)) {
			problems.add("สถานะ: ไม่มีสถานะ \"" + wanted + "\"");
		}
		if (!problems.isEmpty()) {
			return refuse(Status.BAD_REQUEST, String.join(" / ", problems));
		}
		List<MyReports.Report> list = reports.ofOffice(unit.code(), new MyReports.Filter(year, roundNo, wanted));
		List<String> rounds = reports.roundsOf(unit.code());

		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("office", office(unit));
		answer.put("offices", scope.offices().stream().map(MyReportsResource::office).toList());
		answer.put("rounds", rounds);
		answer.put("statuses", ReportStatuses.THAI);
		Map<String, Task> open = openTasks(list);
		answer.put("reports", list.stream().map(r -> report(r, open)).toList());
		int budgetYear = year != null ? year : rounds.isEmpty() ? FiscalYear.containing(Clock.today()).yearBe()
				: Integer.parseInt(rounds.get(0).substring(0, 4));
		BudgetOverview.OfficeBudget table = budgets.ofOffice(budgetYear, unit.code());
		answer.put("budget", Map.of("fiscalYear", budgetYear, "officeName", table.officeName(), "lines",
				table.lines().stream().map(MyReportsResource::line).toList()));
		return Response.ok(answer).build();
	}

	/** A submitted version laid out as a Thai government form, to print or file. */
	@GET
	@Path("versions/{id}/report.pdf")
	public Response pdf(@PathParam("id") long id) {
		Optional<OfficeScope.Scope> scope = scopes.current();
		MyReports.Version version = reports.version(id).orElse(null);
		MyReports.Heading heading = version == null ? null : reports.heading(version.businessKey()).orElse(null);
		if (scope.isEmpty() || heading == null || !scope.get().covers(heading.officeCode())) {
			return refuse(Status.NOT_FOUND, "ไม่พบรายงานฉบับนี้ หรือ" + NOT_YOURS);
		}
		String sourceName = budgets.ofOffice(heading.fiscalYear(), heading.officeCode())
			.lines()
			.stream()
			.filter(l -> l.source().equals(heading.budgetSource()))
			.map(BudgetLine::nameTh)
			.findFirst()
			.orElse("");
		byte[] pdf = print.pdf(new ReportPrint.Printable(heading, sourceName, version));
		String name = "รายงาน-" + heading.budgetCode() + "-" + heading.officeCode() + "-ฉบับที่" + version.revision()
				+ ".pdf";
		return Response.ok(pdf, "application/pdf")
			.header("Content-Disposition", "inline; filename*=UTF-8''" + fileName(name))
			.header("X-Content-Type-Options", "nosniff")
			.build();
	}

	/**
	 * A file of a submitted version: photos shown in the browser ({@code ?inline=true}),
	 * other files downloaded.
	 */
	@GET
	@Path("files/{id}")
	public Response file(@PathParam("id") long id, @QueryParam("inline") boolean inline) {
		Optional<OfficeScope.Scope> scope = scopes.current();
		MyReports.SubmittedFile submitted = reports.submittedFile(id).orElse(null);
		if (scope.isEmpty() || submitted == null
				|| !scope.get().covers(reports.officeOf(submitted.businessKey()).orElse(null))) {
			return refuse(Status.NOT_FOUND, "ไม่พบไฟล์นี้ หรือ" + NOT_YOURS);
		}
		MyReports.File file = submitted.file();
		String disposition = inline && file.photo() ? "inline" : "attachment";
		return Response.ok(reports.content(id), file.mediaType())
			.header("Content-Disposition", disposition + "; filename*=UTF-8''" + fileName(file.name()))
			.header("X-Content-Type-Options", "nosniff")
			.build();
	}

	/**
	 * The versions of the report behind a task the user can see, for the task's
	 * "พิมพ์รายงาน" tab.
	 */
	@GET
	@Path("tasks/{taskId}/versions")
	@Produces(MediaType.APPLICATION_JSON)
	public Response versionsOfTask(@PathParam("taskId") String taskId) {
		AttachmentAccess.ReportTask task = taskAccess.task(taskId).orElse(null);
		if (task == null) {
			return refuse(Status.NOT_FOUND, "ไม่พบงานนี้ หรือท่านไม่มีสิทธิ์ดูรายงานนี้");
		}
		List<Map<String, Object>> versions = reports.versionsOf(task.businessKey())
			.stream()
			.map(v -> Map.<String, Object>of("id", v.id(), "revision", v.revision(), "statusTh", v.statusTh(),
					"submittedAtTh", v.submittedAtTh(), "submittedByName", v.submittedByName()))
			.toList();
		return Response.ok(Map.of("businessKey", task.businessKey(), "versions", versions)).build();
	}

	/**
	 * The open task of each report the user may open in Tasklist (the engine's
	 * authorizations decide).
	 */
	private Map<String, Task> openTasks(List<MyReports.Report> list) {
		Map<String, Task> open = new HashMap<>();
		List<String> ids = list.stream().map(MyReports.Report::processInstanceId).filter(x -> x != null).toList();
		for (int from = 0; from < ids.size(); from += 500) {
			tasks.createTaskQuery()
				.processInstanceIdIn(ids.subList(from, Math.min(ids.size(), from + 500)).toArray(String[]::new))
				.list()
				.forEach(t -> open.putIfAbsent(t.getProcessInstanceId(), t));
		}
		return open;
	}

	private static Map<String, Object> report(MyReports.Report r, Map<String, Task> open) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("businessKey", r.businessKey());
		json.put("roundKey", r.roundKey());
		json.put("fiscalYear", r.fiscalYear());
		json.put("roundNo", r.roundNo());
		json.put("budgetCode", r.budgetCode());
		json.put("projectName", r.projectName());
		json.put("budgetSource", r.budgetSource());
		json.put("status", r.status());
		json.put("statusTh", r.statusTh());
		json.put("dueDateTh", r.dueDateTh());
		json.put("late", r.late());
		Task task = r.processInstanceId() == null ? null : open.get(r.processInstanceId());
		json.put("taskId", task == null ? null : task.getId());
		json.put("taskName", task == null ? null : task.getName());
		json.put("versions", r.versions());
		return json;
	}

	private static Map<String, Object> office(OrgUnit unit) {
		return Map.of("code", unit.code(), "name", unit.nameTh(), "level", unit.isProvince() ? "province" : "district");
	}

	private static Map<String, Object> line(BudgetLine l) {
		return Map.of("source", l.source(), "nameTh", l.nameTh(), "allocation", l.allocation(), "plan", l.plan(),
				"result", l.result(), "percent", l.percent());
	}

}
