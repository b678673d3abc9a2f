package th.raingan.draft.plugin;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

import th.raingan.draft.Drafts;
import th.raingan.round.RoundOpened;

/** {@code /camunda/api/tasklist/plugin/raingan-forms/{engine}/...} */
@Path("plugin/" + FormsTasklistPlugin.ID)
public class FormsPluginRootResource extends AbstractTasklistPluginRootResource {

	public FormsPluginRootResource() {
		super(FormsTasklistPlugin.ID);
	}

	@Path("{engine}")
	public FormsResource forms(@PathParam("engine") String engine) {
		var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
		return subResource(new FormsResource(engine, spring.getBean(Drafts.class), spring.getBean(RoundOpened.class)),
				engine);
	}

}
