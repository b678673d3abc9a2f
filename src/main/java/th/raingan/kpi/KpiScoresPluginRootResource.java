package th.raingan.kpi;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** {@code /camunda/api/tasklist/plugin/raingan-kpi-scores/{engine}/...} */
@Path("plugin/" + KpiScoresTasklistPlugin.ID)
public class KpiScoresPluginRootResource extends AbstractTasklistPluginRootResource {

	public KpiScoresPluginRootResource() {
		super(KpiScoresTasklistPlugin.ID);
	}

	@Path("{engine}")
	public KpiScoresResource kpiScores(@PathParam("engine") String engine) {
		var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
		return subResource(new KpiScoresResource(engine, spring.getBean(KpiScores.class)), engine);
	}

}
