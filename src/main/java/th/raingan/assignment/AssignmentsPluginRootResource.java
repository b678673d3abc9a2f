package th.raingan.assignment;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

import th.raingan.org.OrgUnits;
import th.raingan.project.ProjectCatalog;
import th.raingan.org.People;

/** {@code /camunda/api/tasklist/plugin/raingan-assignments/{engine}/...} */
@Path("plugin/" + AssignmentsTasklistPlugin.ID)
public class AssignmentsPluginRootResource extends AbstractTasklistPluginRootResource {

	public AssignmentsPluginRootResource() {
		super(AssignmentsTasklistPlugin.ID);
	}

	@Path("{engine}")
	public AssignmentsResource assignments(@PathParam("engine") String engine) {
		var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
		return subResource(new AssignmentsResource(engine, spring.getBean(AssignmentService.class),
				spring.getBean(AssignmentRecords.class), spring.getBean(AssignmentAccess.class),
				spring.getBean(ProjectCatalog.class), spring.getBean(OrgUnits.class), spring.getBean(People.class)),
				engine);
	}

}
