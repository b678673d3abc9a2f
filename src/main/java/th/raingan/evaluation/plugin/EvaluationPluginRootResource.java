package th.raingan.evaluation.plugin;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

import th.raingan.evaluation.EvaluationApi;

/** {@code /camunda/api/tasklist/plugin/raingan-evaluation/{engine}/...} */
@Path("plugin/" + EvaluationTasklistPlugin.ID)
public class EvaluationPluginRootResource extends AbstractTasklistPluginRootResource {

	public EvaluationPluginRootResource() {
		super(EvaluationTasklistPlugin.ID);
	}

	@Path("{engine}")
	public EvaluationResource evaluation(@PathParam("engine") String engine) {
		var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
		return subResource(new EvaluationResource(engine, spring.getBean(EvaluationApi.class)), engine);
	}

}
