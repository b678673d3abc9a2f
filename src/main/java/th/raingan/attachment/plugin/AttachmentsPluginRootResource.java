package th.raingan.attachment.plugin;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

import th.raingan.attachment.AttachmentAccess;
import th.raingan.attachment.AttachmentService;
import th.raingan.org.People;

/** {@code /camunda/api/tasklist/plugin/raingan-attachments/{engine}/...} */
@Path("plugin/" + AttachmentsTasklistPlugin.ID)
public class AttachmentsPluginRootResource extends AbstractTasklistPluginRootResource {

	public AttachmentsPluginRootResource() {
		super(AttachmentsTasklistPlugin.ID);
	}

	@Path("{engine}")
	public AttachmentsResource attachments(@PathParam("engine") String engine) {
		var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
		return subResource(new AttachmentsResource(engine, spring.getBean(AttachmentService.class),
				spring.getBean(AttachmentAccess.class), spring.getBean(People.class)), engine);
	}

}
