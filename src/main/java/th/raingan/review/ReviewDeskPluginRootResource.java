package th.raingan.review;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

import th.raingan.org.OrgUnits;

/** {@code /camunda/api/tasklist/plugin/raingan-review-desk/{engine}/...} */
@Path("plugin/" + ReviewDeskTasklistPlugin.ID)
public class ReviewDeskPluginRootResource extends AbstractTasklistPluginRootResource {

	public ReviewDeskPluginRootResource() {
		super(ReviewDeskTasklistPlugin.ID);
	}

	@Path("{engine}")
	public ReviewDeskResource desk(@PathParam("engine") String engine) {
		var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
		return subResource(new ReviewDeskResource(engine, spring.getBean(ReviewDesk.class),
				spring.getBean(OrgUnits.class), spring.getBean(ReportChanges.class)), engine);
	}

}
