package th.raingan.people.plugin;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

import org.camunda.bpm.engine.IdentityService;

import th.raingan.people.PeopleApi;

/** {@code /camunda/api/tasklist/plugin/raingan-people/{engine}/...} */
@Path("plugin/" + PeopleTasklistPlugin.ID)
public class PeoplePluginRootResource extends AbstractTasklistPluginRootResource {

	public PeoplePluginRootResource() {
		super(PeopleTasklistPlugin.ID);
	}

	@Path("{engine}")
	public PeopleResource people(@PathParam("engine") String engine) {
		var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
		return subResource(
				new PeopleResource(engine, spring.getBean(PeopleApi.class), spring.getBean(IdentityService.class)),
				engine);
	}

}
