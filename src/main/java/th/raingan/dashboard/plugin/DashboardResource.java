package th.raingan.dashboard.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

import th.raingan.budget.BudgetOverview;
import th.raingan.dashboard.DashboardAccess;
import th.raingan.dashboard.DashboardService;
import th.raingan.dashboard.DashboardTables;
import th.raingan.dashboard.Exports;
import th.raingan.round.RoundService;

/** The dashboard's figures and exports, for the signed-in Cockpit user's province only. */
public class DashboardResource extends AbstractCockpitPluginResource {

	private final DashboardService dashboard;

	private final DashboardTables tables;

	private final BudgetOverview budgets;

	private final DashboardAccess access;

	DashboardResource(String engineName, DashboardService dashboard, DashboardTables tables, BudgetOverview budgets,
			DashboardAccess access) {
		super(engineName);
		this.dashboard = dashboard;
		this.tables = tables;
		this.budgets = budgets;
		this.access = access;
	}

	@GET
	@Path("summary")
	@Produces(MediaType.APPLICATION_JSON)
	public Response summary(@QueryParam("fiscalYear") int fiscalYear, @QueryParam("round") int round,
			@QueryParam("province") String province) {
		String code = access.province(province).orElse(null);
		if (code == null) {
			return refused();
		}
		String roundKey = RoundService.roundKey(fiscalYear, round, code);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("province", code);
		body.put("roundKey", roundKey);
		body.put("districts", dashboard.districts(roundKey, code));
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
			row.put("plannedDate", n.plannedDate() == null ? "" : th.raingan.thai.BuddhistDates.format(n.plannedDate()));
			row.put("dueDate", n.dueDate() == null ? "" : th.raingan.thai.BuddhistDates.format(n.dueDate()));
			row.put("processInstanceId", n.processInstanceId());
			return row;
		}).toList());
		body.put("budget", budgets.ofProvince(fiscalYear, code));
		return Response.ok(body).build();
	}

	@GET
	@Path("export")
	public Response export(@QueryParam("table") String table, @QueryParam("format") String format,
			@QueryParam("fiscalYear") int fiscalYear, @QueryParam("round") int round,
			@QueryParam("province") String province) throws IOException {
		String code = access.province(province).orElse(null);
		if (code == null) {
			return refused();
		}
		Exports.Table data;
		try {
			data = tables.table(table == null ? "" : table, fiscalYear, round, code);
		}
		catch (IllegalArgumentException ex) {
			return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
				.entity(Map.of("message", ex.getMessage())).build();
		}
		String file = table + "-" + fiscalYear + "-" + round + "-" + code;
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
		return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
			.entity(Map.of("message", "ท่านดูได้เฉพาะข้อมูลของจังหวัดของท่าน")).build();
	}

}
