package th.raingan.dashboard.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

import th.raingan.engine.SignedIn;
import th.raingan.budget.BudgetOverview;
import th.raingan.dashboard.DashboardAccess;
import th.raingan.dashboard.DashboardService;
import th.raingan.dashboard.DashboardTables;
import th.raingan.dashboard.EvaluationPart;
import th.raingan.dashboard.Exports;
import th.raingan.dashboard.NationalBudget;
import th.raingan.dashboard.Scorecards;
import th.raingan.dashboard.WeeklyProgress;
import th.raingan.report.ReportRefused;
import th.raingan.round.RoundService;
import th.raingan.thai.BuddhistDates;

/**
 * The dashboard's figures and exports, for the signed-in Cockpit user's province only.
 */
public class DashboardResource extends AbstractCockpitPluginResource {

	private final DashboardService dashboard;

	private final DashboardTables tables;

	private final BudgetOverview budgets;

	private final DashboardAccess access;

	private final Scorecards scorecards;

	private final NationalBudget nationalBudget;

	private final WeeklyProgress weekly;

	private final EvaluationPart evaluation;

	DashboardResource(String engineName, DashboardService dashboard, DashboardTables tables, BudgetOverview budgets,
			DashboardAccess access, Scorecards scorecards, NationalBudget nationalBudget, WeeklyProgress weekly,
			EvaluationPart evaluation) {
		super(engineName);
		this.dashboard = dashboard;
		this.tables = tables;
		this.budgets = budgets;
		this.access = access;
		this.scorecards = scorecards;
		this.nationalBudget = nationalBudget;
		this.weekly = weekly;
		this.evaluation = evaluation;
	}

	/**
	 * The province's kept evaluation results (EA3 per topic, recorded by its strategy
	 * unit) for a fiscal year: the province's people, the department and the
	 * administrator.
	 */
	@GET
	@Path("evaluation")
	@Produces(MediaType.APPLICATION_JSON)
	public Response evaluation(@QueryParam("fiscalYear") int fiscalYear, @QueryParam("province") String province) {
		String code = access.province(province).orElse(null);
		if (code == null) {
			return refused();
		}
		return Response.ok(evaluation.province(fiscalYear == 0 ? dashboard.currentRound(code)[0] : fiscalYear, code))
			.build();
	}

	/** The province's evaluation results as Excel or CSV, one row per topic. */
	@GET
	@Path("evaluation/export")
	public Response evaluationExport(@QueryParam("format") String format, @QueryParam("fiscalYear") int fiscalYear,
			@QueryParam("province") String province) throws IOException {
		String code = access.province(province).orElse(null);
		if (code == null) {
			return refused();
		}
		int year = fiscalYear == 0 ? dashboard.currentRound(code)[0] : fiscalYear;
		String file = "evaluation-" + year + "-" + code;
		Exports.Table data = evaluation.provinceTable(year, code);
		if ("csv".equals(format)) {
			return Response.ok(Exports.csv(data).getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
				.header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
				.build();
		}
		return xlsx(data, file);
	}

	/**
	 * The national page's evaluation part: per province with a plan, its evaluated
	 * activities, recorded and not yet; the department and the administrator.
	 */
	@GET
	@Path("nation/evaluation")
	@Produces(MediaType.APPLICATION_JSON)
	public Response nationEvaluation(@QueryParam("fiscalYear") int fiscalYear) {
		if (!access.nation()) {
			return nationRefused();
		}
		return Response
			.ok(evaluation.nation(fiscalYear == 0
					? th.raingan.thai.FiscalYear.containing(th.raingan.thai.Clock.today()).yearBe() : fiscalYear))
			.build();
	}

	/**
	 * The province's KPI scorecard for a round, beside the previous round: the province's
	 * managers and reviewers (their own province), the department and the administrator
	 * (any); nobody else.
	 */
	@GET
	@Path("scorecard")
	@Produces(MediaType.APPLICATION_JSON)
	public Response scorecard(@QueryParam("fiscalYear") int fiscalYear, @QueryParam("round") int round,
			@QueryParam("province") String province) {
		String code = access.province(province).orElse(null);
		if (code == null) {
			return refused();
		}
		if (fiscalYear == 0 || round == 0) {
			int[] current = dashboard.currentRound(code);
			fiscalYear = current[0];
			round = current[1];
		}
		return Response.ok(scorecards.of(fiscalYear, round, code)).build();
	}

	/**
	 * The scorecard as Excel ({@code format=xlsx}) or as a printed document
	 * ({@code format=pdf}).
	 */
	@GET
	@Path("scorecard/export")
	public Response scorecardExport(@QueryParam("format") String format, @QueryParam("fiscalYear") int fiscalYear,
			@QueryParam("round") int round, @QueryParam("province") String province) throws IOException {
		String code = access.province(province).orElse(null);
		if (code == null) {
			return refused();
		}
		Scorecards.Scorecard card = scorecards.of(fiscalYear, round, code);
		String file = "scorecard-" + fiscalYear + "-" + round + "-" + code;
		if ("pdf".equals(format)) {
			return Response.ok(scorecards.pdf(card), "application/pdf")
				.header("Content-Disposition", "inline; filename=\"" + file + ".pdf\"")
				.build();
		}
		Exports.Table table = scorecards.table(card);
		table = new Exports.Table(table.title(),
				tables.heading("ผลคะแนนตัวชี้วัด (KPI) รายอำเภอ รอบที่ " + round + " ปีงบประมาณ " + fiscalYear, code),
				table.headers(), table.rows(), table.totals());
		if ("csv".equals(format)) {
			return Response.ok(Exports.csv(table).getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
				.header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
				.build();
		}
		return xlsx(table, file);
	}

	/**
	 * Progress by district over the round's weeks (reports sent and approved by the end
	 * of each week).
	 */
	@GET
	@Path("progress")
	@Produces(MediaType.APPLICATION_JSON)
	public Response progress(@QueryParam("fiscalYear") int fiscalYear, @QueryParam("round") int round,
			@QueryParam("province") String province) {
		String code = access.province(province).orElse(null);
		if (code == null) {
			return refused();
		}
		if (fiscalYear == 0 || round == 0) {
			int[] current = dashboard.currentRound(code);
			fiscalYear = current[0];
			round = current[1];
		}
		return Response.ok(weekly.of(fiscalYear, round, code)).build();
	}

	/**
	 * The national page's tables as Excel or CSV: {@code table=nation} (per province) or
	 * {@code levels} (budget).
	 */
	@GET
	@Path("nation/export")
	public Response nationExport(@QueryParam("table") String table, @QueryParam("format") String format,
			@QueryParam("fiscalYear") int fiscalYear, @QueryParam("round") int round) throws IOException {
		if (!access.nation()) {
			return nationRefused();
		}
		Exports.Table data;
		if ("levels".equals(table)) {
			data = tables.budgetLevels(fiscalYear);
		}
		else if ("nation".equals(table)) {
			data = tables.nation(fiscalYear, round);
		}
		else if ("evaluation".equals(table)) {
			data = evaluation.nationTable(fiscalYear);
		}
		else {
			return Response.status(Response.Status.BAD_REQUEST)
				.type(MediaType.APPLICATION_JSON)
				.entity(Map.of("message", "ไม่รู้จักตาราง " + table))
				.build();
		}
		String file = table + "-" + fiscalYear + ("nation".equals(table) ? "-" + round : "");
		if ("csv".equals(format)) {
			return Response.ok(Exports.csv(data).getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
				.header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
				.build();
		}
		return xlsx(data, file);
	}

	/**
	 * Records the central and training-centre budget of a fiscal year (CSV body, see
	 * {@link NationalBudget#record}): the administrator only (the department reads, it
	 * does not write).
	 */
	@PUT
	@Path("nation/budget-levels")
	@Consumes({ "text/csv", MediaType.TEXT_PLAIN })
	@Produces(MediaType.APPLICATION_JSON)
	public Response recordBudgetLevels(@QueryParam("fiscalYear") int fiscalYear, String csv) {
		if (!access.administrator()) {
			return Response.status(Response.Status.FORBIDDEN)
				.type(MediaType.APPLICATION_JSON)
				.entity(Map.of("message", "งบประมาณส่วนกลางและศูนย์ศึกษาบันทึกได้เฉพาะผู้ดูแลระบบ"))
				.build();
		}
		try {
			int rows = nationalBudget.record(fiscalYear, csv,
					SignedIn.current(getProcessEngine().getIdentityService()).map(SignedIn::userId).orElseThrow());
			return Response.ok(Map.of("recorded", rows, "message", "บันทึกงบประมาณตามระดับแล้ว " + rows + " รายการ"))
				.build();
		}
		catch (ReportRefused ex) {
			return Response.status(Response.Status.BAD_REQUEST)
				.type(MediaType.APPLICATION_JSON)
				.entity(Map.of("message", ex.getMessage(), "problems", ex.problems()))
				.build();
		}
	}

	private static Response nationRefused() {
		return Response.status(Response.Status.FORBIDDEN)
			.type(MediaType.APPLICATION_JSON)
			.entity(Map.of("message", "ภาพรวมทั้งประเทศดูได้เฉพาะกรมการพัฒนาชุมชนและผู้ดูแลระบบ"))
			.build();
	}

	private static Response xlsx(Exports.Table table, String file) throws IOException {
		return Response.ok(Exports.xlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.header("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"")
			.build();
	}

	@GET
	@Path("summary")
	@Produces(MediaType.APPLICATION_JSON)
	public Response summary(@QueryParam("fiscalYear") int fiscalYear, @QueryParam("round") int round,
			@QueryParam("province") String province) {
		String code = access.province(province).orElse(null);
		if (code == null && access.nation() && (province == null || province.isBlank())) {
			// the department and the administrator: which province (or the nation)?
			Map<String, Object> choose = new LinkedHashMap<>();
			choose.put("administrator", access.administrator());
			choose.put("nation", true);
			choose.put("chooseProvince", true);
			return Response.ok(choose).build();
		}
		if (code == null) {
			return refused();
		}
		if (fiscalYear == 0 || round == 0) {
			// the page opens on the province's current round
			int[] current = dashboard.currentRound(code);
			fiscalYear = current[0];
			round = current[1];
		}
		String roundKey = RoundService.roundKey(fiscalYear, round, code);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("province", code);
		body.put("provinceName", tables.placeName(code));
		body.put("roundKey", roundKey);
		body.put("fiscalYear", fiscalYear);
		body.put("round", round);
		body.put("administrator", access.administrator());
		body.put("nation", access.nation());
		DashboardService.RoundInfo info = dashboard.round(fiscalYear, round, code);
		Map<String, Object> roundInfo = new LinkedHashMap<>();
		roundInfo.put("deadline", info.deadline() == null ? null : BuddhistDates.formatLong(info.deadline()));
		roundInfo.put("daysLeft", info.daysLeft());
		roundInfo.put("roundEnd", BuddhistDates.formatLong(info.roundEnd()));
		body.put("roundInfo", roundInfo);
		var districts = dashboard.districts(roundKey, code);
		body.put("districts", districts);
		body.put("onTimeRate", dashboard.onTimeRateOf(districts));
		body.put("overdue", dashboard.overdue(roundKey, code).stream().map(o -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("officeCode", o.officeCode());
			row.put("officeName", o.officeName());
			row.put("budgetCode", o.budgetCode());
			row.put("projectName", o.projectName());
			row.put("dueDate", th.raingan.thai.BuddhistDates.format(o.dueDate()));
			row.put("daysOverdue", o.daysOverdue());
			row.put("processInstanceId", o.processInstanceId());
			return row;
		}).toList());
		body.put("notHeld", dashboard.notHeld(roundKey, code).stream().map(n -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("officeCode", n.officeCode());
			row.put("officeName", n.officeName());
			row.put("budgetCode", n.budgetCode());
			row.put("projectName", n.projectName());
			row.put("reason", n.reason());
			row.put("plannedDate",
					n.plannedDate() == null ? "" : th.raingan.thai.BuddhistDates.format(n.plannedDate()));
			row.put("dueDate", n.dueDate() == null ? "" : th.raingan.thai.BuddhistDates.format(n.dueDate()));
			row.put("processInstanceId", n.processInstanceId());
			return row;
		}).toList());
		body.put("budget", tables.budgetMatrix(fiscalYear, code));
		return Response.ok(body).build();
	}

	/**
	 * The national page: per province the round's counts, rates, scores and budget; the
	 * department and the administrator.
	 */
	@GET
	@Path("nation")
	@Produces(MediaType.APPLICATION_JSON)
	public Response nation(@QueryParam("fiscalYear") int fiscalYear, @QueryParam("round") int round) {
		if (!access.nation()) {
			return nationRefused();
		}
		if (fiscalYear == 0 || round == 0) {
			var year = th.raingan.thai.FiscalYear.containing(th.raingan.thai.Clock.today());
			fiscalYear = year.yearBe();
			round = th.raingan.thai.Clock.today().isAfter(year.roundEnd(1)) ? 2 : 1;
		}
		var provinces = dashboard.provinces(fiscalYear, round);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("fiscalYear", fiscalYear);
		body.put("round", round);
		body.put("provinces", provinces);
		body.put("budgetByLevel", nationalBudget.of(fiscalYear));
		long due = provinces.stream().mapToLong(DashboardService.ProvinceRow::dueSoFar).sum();
		long onTime = provinces.stream().mapToLong(DashboardService.ProvinceRow::onTime).sum();
		body.put("onTimeRate", due == 0 ? null : java.math.BigDecimal.valueOf(onTime * 100)
			.divide(java.math.BigDecimal.valueOf(due), 2, java.math.RoundingMode.HALF_UP));
		return Response.ok(body).build();
	}

	/**
	 * The reports behind one count: {@code category} as
	 * {@link DashboardService.Category}, {@code office} optional.
	 */
	@GET
	@Path("reports")
	@Produces(MediaType.APPLICATION_JSON)
	public Response reports(@QueryParam("fiscalYear") int fiscalYear, @QueryParam("round") int round,
			@QueryParam("province") String province, @QueryParam("office") String office,
			@QueryParam("category") String category) {
		String code = access.province(province).orElse(null);
		if (code == null) {
			return refused();
		}
		DashboardService.Category which = DashboardService.Category.of(category == null ? "" : category).orElse(null);
		if (which == null) {
			return Response.status(Response.Status.BAD_REQUEST)
				.type(MediaType.APPLICATION_JSON)
				.entity(Map.of("message", "ไม่รู้จักกลุ่มรายงาน " + category))
				.build();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("category", which.id);
		body.put("categoryTh", which.nameTh);
		body.put("reports",
				dashboard.reports(RoundService.roundKey(fiscalYear, round, code), code, office, which)
					.stream()
					.map(r -> {
						Map<String, Object> row = new LinkedHashMap<>();
						row.put("officeCode", r.officeCode());
						row.put("officeName", r.officeName());
						row.put("businessKey", r.businessKey());
						row.put("budgetCode", r.budgetCode());
						row.put("projectName", r.projectName());
						row.put("status", r.status());
						row.put("statusTh", r.statusTh());
						row.put("dueDate", r.dueDate() == null ? "" : BuddhistDates.format(r.dueDate()));
						row.put("late", r.late());
						row.put("overdue", r.overdue());
						// only an overdue report's instance is open to the province's
						// people in Cockpit (the escalation)
						row.put("processInstanceId", r.overdue() ? r.processInstanceId() : null);
						return row;
					})
					.toList());
		return Response.ok(body).build();
	}

	@GET
	@Path("export")
	public Response export(@QueryParam("table") String table, @QueryParam("format") String format,
			@QueryParam("fiscalYear") int fiscalYear, @QueryParam("round") int round,
			@QueryParam("province") String province, @QueryParam("office") String office,
			@QueryParam("category") String category) throws IOException {
		String code = access.province(province).orElse(null);
		if (code == null) {
			return refused();
		}
		Exports.Table data;
		try {
			if ("reports".equals(table)) {
				// the list behind one count: category as DashboardService.Category,
				// office optional
				data = tables.reports(fiscalYear, round, code, office,
						DashboardService.Category.of(category == null ? "" : category)
							.orElseThrow(() -> new IllegalArgumentException("ไม่รู้จักกลุ่มรายงาน " + category)));
			}
			else {
				data = tables.table(table == null ? "" : table, fiscalYear, round, code);
			}
		}
		catch (IllegalArgumentException ex) {
			return Response.status(Response.Status.BAD_REQUEST)
				.type(MediaType.APPLICATION_JSON)
				.entity(Map.of("message", ex.getMessage()))
				.build();
		}
		String file = table + "-" + fiscalYear + "-" + round + "-" + code + ("reports".equals(table)
				? "-" + category + (office == null || office.isBlank() ? "" : "-" + office) : "");
		if ("csv".equals(format)) {
			return Response.ok(Exports.csv(data).getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
				.header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
				.build();
		}
		return Response.ok(Exports.xlsx(data), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.header("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"")
			.build();
	}

	private static Response refused() {
		return Response.status(Response.Status.FORBIDDEN)
			.type(MediaType.APPLICATION_JSON)
			.entity(Map.of("message", "ท่านดูได้เฉพาะข้อมูลของจังหวัดของท่าน"))
			.build();
	}

}
