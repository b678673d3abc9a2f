package th.raingan.assignment;

import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;

import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.org.People;
import th.raingan.project.DeadlineRule;
import th.raingan.project.ProjectCatalog;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;
import th.raingan.thai.ThaiNumbers;

/**
 * The assignments page's backend. Every request names the fiscal year and the province
 * (or an assignment, whose province is checked); a province the user may not maintain is
 * refused with 403 and a Thai message, a refused value with 400 and every error naming
 * its row and field.
 */
public class AssignmentsResource extends AbstractTasklistPluginResource {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final AssignmentService service;

	private final AssignmentRecords records;

	private final AssignmentAccess access;

	private final ProjectCatalog catalog;

	private final OrgUnits orgUnits;

	private final People people;

	AssignmentsResource(String engineName, AssignmentService service, AssignmentRecords records,
			AssignmentAccess access, ProjectCatalog catalog, OrgUnits orgUnits, People people) {
		super(engineName);
		this.service = service;
		this.records = records;
		this.access = access;
		this.catalog = catalog;
		this.orgUnits = orgUnits;
		this.people = people;
	}

	/** The provinces the signed-in user may maintain (empty: the page shows no link). */
	@GET
	@Path("provinces")
	@Produces(MediaType.APPLICATION_JSON)
	public Response provinces() {
		return Response
			.ok(Map.of("provinces",
					access.provinces().stream().map(p -> Map.of("code", p.code(), "name", p.nameTh())).toList()))
			.build();
	}

	@GET
	@Path("assignments")
	@Produces(MediaType.APPLICATION_JSON)
	public Response list(@QueryParam("fiscalYear") String fiscalYear, @QueryParam("province") String province) {
		Integer year = year(fiscalYear);
		if (year == null) {
			return badYear(fiscalYear);
		}
		if (!access.mayMaintain(province)) {
			return refused();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("fiscalYear", year);
		body.put("province", province);
		body.put("provinceName", orgUnits.find(province).map(OrgUnit::nameTh).orElse(province));
		body.put("projects", catalog.projectsOf(year, province).stream().map(p -> {
			Map<String, Object> project = new LinkedHashMap<>();
			project.put("budgetCode", p.budgetCode());
			project.put("name", p.nameTh());
			project.put("unit", p.unitTh());
			project.put("rule", ruleText(p.deadlineRule()));
			project.put("evaluation", p.evaluationRequired());
			return project;
		}).toList());
		List<Map<String, String>> offices = new ArrayList<>();
		orgUnits.find(province).ifPresent(p -> offices.add(Map.of("code", p.code(), "name", p.nameTh())));
		orgUnits.districtsOf(province).forEach(d -> offices.add(Map.of("code", d.code(), "name", d.nameTh())));
		body.put("offices", offices);
		body.put("assignments", service.list(year, province).stream().map(this::json).toList());
		body.put("changes", service.changes(year, province).stream().map(this::json).toList());
		return Response.ok(body).build();
	}

	/** A new assignment from the screen's form. */
	@POST
	@Path("assignments")
	@Consumes(MediaType.APPLICATION_JSON)
	@Produces(MediaType.APPLICATION_JSON)
	public Response create(@QueryParam("fiscalYear") String fiscalYear, @QueryParam("province") String province,
			Map<String, Object> form) {
		Integer year = year(fiscalYear);
		if (year == null) {
			return badYear(fiscalYear);
		}
		if (!access.mayMaintain(province)) {
			return refused();
		}
		return saved(() -> service.save(user(), year, province, List.of(input(form)), AssignmentService.SCREEN, true));
	}

	@PUT
	@Path("assignments/{id}")
	@Consumes(MediaType.APPLICATION_JSON)
	@Produces(MediaType.APPLICATION_JSON)
	public Response update(@PathParam("id") long id, Map<String, Object> form) {
		AssignmentRow row = records.find(id).orElse(null);
		if (row == null || !access.mayMaintain(row.provinceCode())) {
			return row == null ? notFound() : refused();
		}
		return saved(() -> service.update(user(), row, input(form)));
	}

	@POST
	@Path("assignments/{id}/withdraw")
	@Consumes(MediaType.APPLICATION_JSON)
	@Produces(MediaType.APPLICATION_JSON)
	public Response withdraw(@PathParam("id") long id, Map<String, Object> form) {
		AssignmentRow row = records.find(id).orElse(null);
		if (row == null || !access.mayMaintain(row.provinceCode())) {
			return row == null ? notFound() : refused();
		}
		try {
			int closed = service.withdraw(user(), row, form == null ? null : text(form.get("reason")));
			return Response
				.ok(Map.of("message", "ยกเลิกการมอบหมายโครงการ " + row.budgetCode() + " ของ " + row.officeName()
						+ " แล้ว" + (closed > 0 ? " ปิดรายงานที่ยังไม่ได้ส่ง " + closed + " ฉบับ" : "")))
				.build();
		}
		catch (AssignmentRefused ex) {
			return refusal(ex);
		}
	}

	@GET
	@Path("export")
	public Response export(@QueryParam("fiscalYear") String fiscalYear, @QueryParam("province") String province) {
		Integer year = year(fiscalYear);
		if (year == null) {
			return badYear(fiscalYear);
		}
		if (!access.mayMaintain(province)) {
			return refused();
		}
		return Response.ok(AssignmentCsv.export(service.list(year, province)), "text/csv; charset=UTF-8")
			.header("Content-Disposition", "attachment; filename=\"assignments-" + year + "-" + province + ".csv\"")
			.build();
	}

	/**
	 * A CSV file (the export's columns): all rows saved, or none and every refusal
	 * listed.
	 */
	@POST
	@Path("import")
	@Consumes(MediaType.WILDCARD)
	@Produces(MediaType.APPLICATION_JSON)
	public Response importCsv(@QueryParam("fiscalYear") String fiscalYear, @QueryParam("province") String province,
			byte[] file) {
		Integer year = year(fiscalYear);
		if (year == null) {
			return badYear(fiscalYear);
		}
		if (!access.mayMaintain(province)) {
			return refused();
		}
		return saved(() -> service.save(user(), year, province, AssignmentCsv.parse(file == null ? new byte[0] : file),
				AssignmentService.CSV, false));
	}

	private interface Save {

		AssignmentService.Saved run();

	}

	private Response saved(Save save) {
		try {
			AssignmentService.Saved saved = save.run();
			return Response.ok(Map.of("message", saved.message(), "created", saved.created(), "changed",
					saved.changed(), "unchanged", saved.unchanged(), "reportsUpdated", saved.reportsUpdated(),
					"reportsStarted", saved.reportsStarted(), "warnings", fieldErrors(saved.warnings())))
				.build();
		}
		catch (AssignmentRefused ex) {
			return refusal(ex);
		}
	}

	private Response refusal(AssignmentRefused ex) {
		return Response.status(Status.BAD_REQUEST)
			.type(MediaType.APPLICATION_JSON)
			.entity(Map.of("message", ex.getMessage(), "errors", fieldErrors(ex.errors())))
			.build();
	}

	/**
	 * Refusals and warnings alike: row (CSV line; null on the screen), field, its label,
	 * the Thai message.
	 */
	private static List<Map<String, Object>> fieldErrors(List<FieldError> list) {
		return list.stream().map(e -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("row", e.row());
			error.put("field", e.field());
			error.put("label", e.label());
			error.put("message", e.message());
			error.put("text", e.toString());
			return error;
		}).toList();
	}

	private String user() {
		return access.userId().orElseThrow();
	}

	private static AssignmentInput input(Map<String, Object> form) {
		Map<String, Object> f = form == null ? Map.of() : form;
		return new AssignmentInput(null, null, text(f.get("budgetCode")), text(f.get("officeCode")),
				text(f.get("target")), text(f.get("allocationBaht")), text(f.get("planBaht")), null,
				text(f.get("activityStart")), text(f.get("activityEnd")), text(f.get("deadlineRule")),
				text(f.get("needsAreaData")), text(f.get("evaluationRequired")));
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	private Map<String, Object> json(AssignmentRow row) {
		AssignmentValues v = row.values();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", row.id());
		json.put("budgetCode", row.budgetCode());
		json.put("projectName", row.projectName());
		json.put("unitTh", row.unitTh());
		json.put("officeCode", row.officeCode());
		json.put("officeName", row.officeName());
		json.put("target", plain(v.target()));
		json.put("allocationBaht", plain(v.allocationBaht()));
		json.put("planBaht", plain(v.planBaht()));
		json.put("activityStart", v.period() != null ? BuddhistDates.format(v.activityStart()) : "");
		json.put("activityEnd", v.period() != null ? BuddhistDates.format(v.activityEnd()) : "");
		json.put("activityPeriod", th.raingan.project.ActivityPeriod.text(v.period(), row.fiscalYearBe()));
		json.put("deadlineRule", ruleText(v.rule()));
		json.put("projectRule", ruleText(row.projectRule()));
		json.put("needsAreaData", v.needsAreaData());
		json.put("evaluationRequired", v.evaluationRequired());
		json.put("projectEvaluation", row.projectEvaluation());
		json.put("warnings", service.warnings(row));
		json.put("withdrawn", row.withdrawn());
		json.put("withdrawnReason", row.withdrawnReason());
		json.put("withdrawnAt", row.withdrawnAt() == null ? null : time(row.withdrawnAt()));
		json.put("withdrawnBy", row.withdrawnBy() == null ? null : people.displayName(row.withdrawnBy()));
		return json;
	}

	private Map<String, Object> json(AssignmentRecords.Change c) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("at", time(c.at()));
		json.put("by", people.displayName(c.by()));
		json.put("byId", c.by());
		json.put("action", switch (c.action()) {
			case "created" -> "เพิ่ม";
			case "withdrawn" -> "ยกเลิกการมอบหมาย";
			case "restored" -> "มอบหมายอีกครั้ง";
			default -> "แก้ไข";
		});
		json.put("budgetCode", c.budgetCode());
		json.put("officeCode", c.officeCode());
		json.put("field", c.field() == null ? ("withdrawn".equals(c.action()) ? "เหตุผล" : "")
				: AssignmentField.byId(c.field()).label);
		json.put("oldValue", c.oldValue() == null ? "" : c.oldValue());
		json.put("newValue", c.newValue() == null ? "" : c.newValue());
		json.put("source", AssignmentService.CSV.equals(c.source()) ? "นำเข้า CSV" : "หน้าจอ");
		return json;
	}

	private static String ruleText(DeadlineRule rule) {
		return rule.text();
	}

	private static String plain(java.math.BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

	private static String time(Timestamp at) {
		var local = at.toInstant().atZone(Clock.ZONE);
		return BuddhistDates.format(local.toLocalDate()) + " " + local.format(TIME) + " น.";
	}

	private static Integer year(String text) {
		try {
			int year = Integer.parseInt(ThaiNumbers.arabicDigits(text == null ? "" : text.strip()));
			return year >= 2500 && year <= 2700 ? year : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Response badYear(String text) {
		return Response.status(Status.BAD_REQUEST)
			.type(MediaType.APPLICATION_JSON)
			.entity(Map.of("message", "ปีงบประมาณ: ต้องเป็นปี พ.ศ. เช่น 2569 (ได้รับ \"" + text + "\")", "errors",
					List.of(Map.of("field", "fiscalYear", "label", "ปีงบประมาณ", "message",
							"ต้องเป็นปี พ.ศ. เช่น 2569"))))
			.build();
	}

	private static Response refused() {
		return Response.status(Status.FORBIDDEN)
			.type(MediaType.APPLICATION_JSON)
			.entity(Map.of("message",
					"ท่านไม่มีสิทธิ์จัดการการมอบหมายโครงการของจังหวัดนี้ (เฉพาะกลุ่มงานยุทธศาสตร์และพัฒนาการจังหวัดของจังหวัดนั้น หรือผู้ดูแลระบบ)"))
			.build();
	}

	private static Response notFound() {
		return Response.status(Status.NOT_FOUND)
			.type(MediaType.APPLICATION_JSON)
			.entity(Map.of("message", "ไม่พบการมอบหมายนี้"))
			.build();
	}

}
