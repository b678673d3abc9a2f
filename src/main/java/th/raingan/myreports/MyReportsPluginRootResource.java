package th.raingan.myreports;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

import th.raingan.attachment.AttachmentAccess;
import th.raingan.budget.BudgetOverview;

/** {@code /camunda/api/tasklist/plugin/raingan-my-reports/{engine}/...} */
@Path("plugin/" + MyReportsTasklistPlugin.ID)
public class MyReportsPluginRootResource extends AbstractTasklistPluginRootResource {

	public MyReportsPluginRootResource() {
		super(MyReportsTasklistPlugin.ID);
	}

	@Path("{engine}")
	public MyReportsResource myReports(@PathParam("engine") String engine) {
		var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
		return subResource(new MyReportsResource(engine, spring.getBean(OfficeScope.class),
				spring.getBean(MyReports.class), spring.getBean(ReportPrint.class),
				spring.getBean(BudgetOverview.class), spring.getBean(AttachmentAccess.class),
				spring.getBean(org.camunda.bpm.engine.TaskService.class)), engine);
	}

}
