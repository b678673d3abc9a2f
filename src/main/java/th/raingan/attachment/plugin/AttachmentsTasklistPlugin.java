package th.raingan.attachment.plugin;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * The "ไฟล์แนบ" tab on a report's task in Tasklist (Camunda Forms cannot upload files).
 * Its page is {@code plugin-webapp/raingan-attachments/app/plugin.js}; its backend is
 * {@link AttachmentsResource}, behind the webapp's own login and CSRF protection.
 */
public class AttachmentsTasklistPlugin extends AbstractTasklistPlugin {

	public static final String ID = "raingan-attachments";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(AttachmentsPluginRootResource.class);
	}

}
