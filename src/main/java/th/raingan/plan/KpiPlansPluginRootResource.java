package th.raingan.plan;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

import th.raingan.myreports.OfficeScope;
import th.raingan.org.Officers;
import th.raingan.org.OrgUnits;

/** {@code /camunda/api/tasklist/plugin/raingan-kpi-plans/{engine}/...} */
@Path("plugin/" + KpiPlansTasklistPlugin.ID)
public class KpiPlansPluginRootResource extends AbstractTasklistPluginRootResource {

	public KpiPlansPluginRootResource() {
		super(KpiPlansTasklistPlugin.ID);
	}

	@Path("{engine}")
	public KpiPlansResource kpiPlans(@PathParam("engine") String engine) {
		var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
		return subResource(new KpiPlansResource(engine, spring.getBean(OfficeScope.class),
				spring.getBean(PlanList.class), spring.getBean(IndicatorCatalogue.class),
				spring.getBean(Officers.class), spring.getBean(OrgUnits.class), spring.getBean(TaskService.class),
				spring.getBean(IdentityService.class)), engine);
	}

}
