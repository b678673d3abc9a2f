package th.raingan.dashboard.plugin;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

import th.raingan.dashboard.DashboardAccess;
import th.raingan.dashboard.DashboardService;
import th.raingan.dashboard.DashboardTables;
import th.raingan.budget.BudgetOverview;

/** {@code /camunda/api/cockpit/plugin/raingan-dashboard/{engine}/...} */
@Path("plugin/" + DashboardCockpitPlugin.ID)
public class DashboardPluginRootResource extends AbstractCockpitPluginRootResource {

	public DashboardPluginRootResource() {
		super(DashboardCockpitPlugin.ID);
	}

	@Path("{engine}")
	public DashboardResource dashboard(@PathParam("engine") String engine) {
		var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
		return subResource(new DashboardResource(engine, spring.getBean(DashboardService.class),
				spring.getBean(DashboardTables.class), spring.getBean(BudgetOverview.class),
				spring.getBean(DashboardAccess.class), spring.getBean(th.raingan.dashboard.Scorecards.class),
				spring.getBean(th.raingan.dashboard.NationalBudget.class),
				spring.getBean(th.raingan.dashboard.WeeklyProgress.class),
				spring.getBean(th.raingan.dashboard.EvaluationPart.class)), engine);
	}

}
