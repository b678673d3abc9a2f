package th.raingan.plan;

import static th.raingan.web.PluginAnswers.fileName;
import static th.raingan.web.PluginAnswers.refuse;
import static th.raingan.web.PluginAnswers.whole;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;

import th.raingan.engine.SignedIn;
import th.raingan.dashboard.Exports;
import th.raingan.myreports.OfficeScope;
import th.raingan.org.Groups;
import th.raingan.org.Officers;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/**
 * แผนตัวชี้วัด's backend. Every plan answer first asks {@link OfficeScope} which offices
 * the signed-in user may read (an office its own, a province its office and districts,
 * the department and the administrator all); the catalogue is changed by the department
 * and the administrator only. Which action a row offers follows the engine: แก้ไข when
 * the reader can see the plan's open edit task, ตรวจ for the province's check, ดู once
 * signed off.
 */
public class KpiPlansResource extends AbstractTasklistPluginResource {

	static final String NOT_YOURS = "ท่านดูแผนตัวชี้วัดได้เฉพาะของหน่วยงานท่าน (อำเภอ: อำเภอของท่าน, จังหวัด: จังหวัดและอำเภอในจังหวัด, กรม: ทุกหน่วยงาน)";

	static final int MAX_PAGE_SIZE = 100;

	private final OfficeScope scopes;

	private final PlanList plans;

	private final IndicatorCatalogue catalogue;

	private final Officers officers;

	private final OrgUnits orgUnits;

	private final TaskService tasks;

	private final IdentityService identity;

	KpiPlansResource(String engineName, OfficeScope scopes, PlanList plans, IndicatorCatalogue catalogue,
			Officers officers, OrgUnits orgUnits, TaskService tasks, IdentityService identity) {
		super(engineName);
		this.scopes = scopes;
		this.plans = plans;
		this.catalogue = catalogue;
		this.officers = officers;
		this.orgUnits = orgUnits;
		this.tasks = tasks;
		this.identity = identity;
	}

	/**
	 * The budget bureau's program's search: the plans the reader may see, filtered and
	 * paged, with what to fill the filters with.
	 */
	@GET
	@Path("plans")
	@Produces(MediaType.APPLICATION_JSON)
	public Response plans(@QueryParam("fiscalYear") String fiscalYear, @QueryParam("level") String level,
			@QueryParam("office") String office, @QueryParam("serviceTarget") String serviceTarget,
			@QueryParam("page") String page, @QueryParam("size") String size) {
		OfficeScope.Scope scope = scopes.current().orElse(null);
		if (scope == null) {
			return refuse(Status.FORBIDDEN, "ท่านยังไม่ได้สังกัดหน่วยงานใด จึงไม่มีแผนตัวชี้วัดให้แสดง");
		}
		List<String> problems = new ArrayList<>();
		PlanList.Filter filter = filter(scope, fiscalYear, level, office, serviceTarget, problems);
		int pageNo = Objects.requireNonNullElse(whole(page, 0, 100_000, "หน้า: ต้องเป็นตัวเลข", problems), 0);
		int pageSize = Objects
			.requireNonNullElse(whole(size, 1, MAX_PAGE_SIZE, "จำนวนแถว: ต้องเป็น 1-" + MAX_PAGE_SIZE, problems), 15);
		if (filter == null) {
			return refuse(Status.FORBIDDEN, NOT_YOURS);
		}
		if (!problems.isEmpty()) {
			return refuse(Status.BAD_REQUEST, String.join(" / ", problems));
		}
		PlanList.Page found = plans.find(filter, pageNo, pageSize);
		Map<String, Task> open = openTasks(found.rows());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("rows", found.rows().stream().map(r -> row(r, open.get(r.businessKey()))).toList());
		answer.put("count", found.count());
		answer.put("page", found.page());
		answer.put("size", found.size());
		answer.put("offices", scope.offices().stream().map(KpiPlansResource::office).toList());
		answer.put("years", plans.years(scope.anyOffice() ? null : codes(scope)));
		List<IndicatorCatalogue.Indicator> indicators = catalogue.all();
		answer.put("levels",
				indicators.stream().map(IndicatorCatalogue.Indicator::levelTh).distinct().sorted().toList());
		Map<String, String> targets = new TreeMap<>();
		indicators.forEach(i -> targets.put(i.serviceTargetCode(), i.serviceTargetTh()));
		answer.put("serviceTargets",
				targets.entrySet().stream().map(e -> Map.of("code", e.getKey(), "name", e.getValue())).toList());
		answer.put("canEditCatalogue", keepsCatalogue());
		return Response.ok(answer).build();
	}

	/** The same search as an Excel workbook, every page. */
	@GET
	@Path("plans/export")
	public Response export(@QueryParam("fiscalYear") String fiscalYear, @QueryParam("level") String level,
			@QueryParam("office") String office, @QueryParam("serviceTarget") String serviceTarget) throws IOException {
		OfficeScope.Scope scope = scopes.current().orElse(null);
		List<String> problems = new ArrayList<>();
		PlanList.Filter filter = scope == null ? null
				: filter(scope, fiscalYear, level, office, serviceTarget, problems);
		if (filter == null) {
			return refuse(Status.FORBIDDEN, NOT_YOURS);
		}
		if (!problems.isEmpty()) {
			return refuse(Status.BAD_REQUEST, String.join(" / ", problems));
		}
		List<PlanList.Row> rows = plans.all(filter);
		List<List<Object>> cells = new ArrayList<>();
		Map<String, Integer> byStatus = new LinkedHashMap<>();
		PlanService.STATUS_TH.values().forEach(s -> byStatus.put(s, 0));
		for (PlanList.Row r : rows) {
			List<Object> line = new ArrayList<>(List.of(r.fiscalYear(), r.officeCode() + " " + r.officeName(),
					r.serviceTargetCode(), r.kpiCode(), r.kpiName(), r.unitTh(), r.kpiType()));
			line.add(PlanList.cell(r.total()));
			r.quarters().forEach(q -> line.add(PlanList.cell(q)));
			line.add(r.statusTh());
			line.add(r.warnings().replace("\n", " | "));
			cells.add(line);
			byStatus.merge(r.statusTh(), 1, Integer::sum);
		}
		List<Object> totals = new ArrayList<>(List.of("รวม", rows.size() + " ตัวชี้วัด"));
		byStatus.forEach((status, n) -> totals.add(status + " " + n));
		String heading = "แผนค่าเป้าหมายตัวชี้วัด"
				+ (filter.fiscalYear() == null ? "" : " ปีงบประมาณ " + filter.fiscalYear())
				+ (filter.officeCode() == null ? ""
						: " " + orgUnits.find(filter.officeCode()).map(OrgUnit::nameTh).orElse(""))
				+ " (ส่งออกเมื่อ " + BuddhistDates.formatLong(Clock.today()) + ")";
		byte[] xlsx = Exports.xlsx(new Exports.Table("แผนค่าเป้าหมายตัวชี้วัด", heading,
				List.of("ปีงบประมาณ", "หน่วยงาน", "เป้าหมายการให้บริการ", "รหัส", "ชื่อตัวชี้วัด", "หน่วยนับ",
						"ประเภทตัวชี้วัด", "ค่าเป้าหมายรวม", "ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4", "สถานะ",
						"คำเตือน"),
				cells, totals));
		String name = "แผนตัวชี้วัด" + (filter.fiscalYear() == null ? "" : "-" + filter.fiscalYear()) + ".xlsx";
		return Response.ok(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.header("Content-Disposition", "attachment; filename*=UTF-8''" + fileName(name))
			.build();
	}

	/**
	 * One plan read-only (ดู): the indicator, the values with their labels, the status
	 * and warnings.
	 */
	@GET
	@Path("plan")
	@Produces(MediaType.APPLICATION_JSON)
	public Response plan(@QueryParam("key") String key) {
		OfficeScope.Scope scope = scopes.current().orElse(null);
		String[] parts = key == null ? new String[0] : key.split("/");
		if (scope == null || parts.length != 4 || !scope.covers(parts[2])) {
			return refuse(Status.NOT_FOUND, "ไม่พบแผนนี้ หรือ" + NOT_YOURS);
		}
		PlanList.Filter filter = new PlanList.Filter(null, null, parts[2], null, null);
		PlanList.Row row = plans.all(filter).stream().filter(r -> r.businessKey().equals(key)).findFirst().orElse(null);
		if (row == null) {
			return refuse(Status.NOT_FOUND, "ไม่พบแผนนี้ หรือ" + NOT_YOURS);
		}
		Map<String, String> values = plans.values(key);
		List<Map<String, String>> fields = new ArrayList<>();
		PlanValidator.labels(row.fiscalYear())
			.forEach((field, label) -> fields
				.add(Map.of("field", field, "label", label, "value", values.getOrDefault(field, ""))));
		fields.add(Map.of("field", KpiTargetPlanProcess.SUCCESS_FACTOR, "label", "Success Factor", "value",
				values.getOrDefault(KpiTargetPlanProcess.SUCCESS_FACTOR, "")));
		return Response.ok(Map.of("plan", row(row, null), "fields", fields)).build();
	}

	/**
	 * The indicator catalogue; {@code canEdit} for the department and the administrator.
	 */
	@GET
	@Path("catalogue")
	@Produces(MediaType.APPLICATION_JSON)
	public Response catalogue() {
		if (scopes.current().isEmpty() && !keepsCatalogue()) {
			return refuse(Status.FORBIDDEN, "ท่านยังไม่ได้สังกัดหน่วยงานใด");
		}
		return Response.ok(Map.of("indicators", catalogue.all(), "canEdit", keepsCatalogue())).build();
	}

	@GET
	@Path("catalogue/export")
	public Response catalogueCsv() {
		if (scopes.current().isEmpty() && !keepsCatalogue()) {
			return refuse(Status.FORBIDDEN, "ท่านยังไม่ได้สังกัดหน่วยงานใด");
		}
		return Response.ok(catalogue.csv(), "text/csv; charset=UTF-8")
			.header("Content-Disposition", "attachment; filename*=UTF-8''" + fileName("บัญชีตัวชี้วัด.csv"))
			.build();
	}

	/**
	 * The department's CSV: every row valid, or nothing is written and each refused row
	 * is listed.
	 */
	@POST
	@Path("catalogue/import")
	@Consumes(MediaType.WILDCARD)
	@Produces(MediaType.APPLICATION_JSON)
	public Response importCatalogue(byte[] body) {
		if (!keepsCatalogue()) {
			return refuse(Status.FORBIDDEN, "บัญชีตัวชี้วัดกำหนดโดยกรม: เฉพาะกรมการพัฒนาชุมชนและผู้ดูแลระบบนำเข้าได้");
		}
		String userId = SignedIn.current(identity).map(SignedIn::userId).orElseThrow();
		IndicatorCatalogue.ImportResult result = catalogue.importCsv(body == null ? new byte[0] : body, userId);
		Map<String, Object> answer = Map.of("message", result.message(), "imported", result.imported(), "errors",
				result.errors());
		return Response.status(result.errors().isEmpty() ? Status.OK : Status.BAD_REQUEST)
			.type(MediaType.APPLICATION_JSON)
			.entity(answer)
			.build();
	}

	/**
	 * The start form's indicator list: the catalogue's indicators the signed-in officer's
	 * office plans.
	 */
	@GET
	@Path("choices")
	@Produces(MediaType.APPLICATION_JSON)
	public Response choices() {
		Optional<SignedIn> user = SignedIn.current(identity);
		OrgUnit office = user.isEmpty() ? null
				: officers.find(user.get().userId())
					.filter(o -> Officers.DISTRICT.equals(o.role()) || Officers.REVIEWER.equals(o.role()))
					.flatMap(o -> orgUnits.find(o.officeCode()))
					.orElse(null);
		if (office == null) {
			return Response.ok(Map.of("office", "", "choices", List.of())).build();
		}
		List<Map<String, String>> choices = catalogue.plannedBy(office)
			.stream()
			.map(i -> Map.of("value", i.code(), "label",
					i.code() + " " + i.nameTh() + " (" + i.unitTh() + ", " + i.type() + ")"))
			.toList();
		return Response.ok(Map.of("office", office.nameTh(), "choices", choices)).build();
	}

	private PlanList.Filter filter(OfficeScope.Scope scope, String fiscalYear, String level, String office,
			String serviceTarget, List<String> problems) {
		String officeCode = blank(office);
		if (officeCode != null && !scope.covers(officeCode)) {
			return null;
		}
		Integer year = null;
		if (blank(fiscalYear) != null) {
			year = Objects.requireNonNullElse(
					whole(fiscalYear, 2500, 2700, "ปีงบประมาณ: ต้องเป็นปี พ.ศ. 4 หลัก เช่น 2570", problems), -1);
			year = year < 0 ? null : year;
		}
		return new PlanList.Filter(year, blank(level), officeCode, blank(serviceTarget),
				scope.anyOffice() ? null : codes(scope));
	}

	private static List<String> codes(OfficeScope.Scope scope) {
		return scope.offices().stream().map(OrgUnit::code).toList();
	}

	private boolean keepsCatalogue() {
		List<String> groups = SignedIn.current(identity).map(SignedIn::groupIds).orElse(List.of());
		return groups.contains(Groups.ADMIN) || groups.contains(Groups.DEPARTMENT);
	}

	/**
	 * The open task of each plan on the page that the reader may work on (the engine's
	 * authorizations decide).
	 */
	private Map<String, Task> openTasks(List<PlanList.Row> rows) {
		Map<String, Task> open = new HashMap<>();
		for (PlanList.Row row : rows) {
			tasks.createTaskQuery()
				.processDefinitionKey(KpiTargetPlanProcess.KEY)
				.processInstanceBusinessKey(row.businessKey())
				.list()
				.stream()
				.findFirst()
				.ifPresent(t -> open.put(row.businessKey(), t));
		}
		return open;
	}

	private static Map<String, Object> row(PlanList.Row r, Task task) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("businessKey", r.businessKey());
		json.put("fiscalYear", r.fiscalYear());
		json.put("officeCode", r.officeCode());
		json.put("officeName", r.officeName());
		json.put("kpiCode", r.kpiCode());
		json.put("kpiName", r.kpiName());
		json.put("unitTh", r.unitTh());
		json.put("kpiType", r.kpiType());
		json.put("levelTh", r.levelTh());
		json.put("serviceTargetCode", r.serviceTargetCode());
		json.put("serviceTargetTh", r.serviceTargetTh());
		json.put("total", r.total());
		json.put("quarters", r.quarters());
		json.put("status", r.status());
		json.put("statusTh", r.statusTh());
		json.put("warnings", r.warnings().isEmpty() ? List.of() : List.of(r.warnings().split("\n")));
		String action = null;
		if (task != null && KpiTargetPlanProcess.TASK_EDIT_PLAN.equals(task.getTaskDefinitionKey())
				&& PlanService.open(r.status())) {
			action = "edit";
		}
		else if (task != null && KpiTargetPlanProcess.TASK_PROVINCE_CHECK.equals(task.getTaskDefinitionKey())) {
			action = "review";
		}
		else if (!PlanService.open(r.status())) {
			action = "view";
		}
		json.put("action", action);
		json.put("taskId", action == null || "view".equals(action) ? null : task.getId());
		return json;
	}

	private static Map<String, Object> office(OrgUnit unit) {
		return Map.of("code", unit.code(), "name", unit.nameTh(), "level", unit.isProvince() ? "province" : "district");
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
