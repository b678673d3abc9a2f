package th.raingan.draft.plugin;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * Tasklist forms that keep what is typed: the page part is loaded by Tasklist's own
 * custom script ({@code tasklist/scripts/raingan-tasklist.js}); this plugin serves its
 * backend, {@link FormsResource}, behind the webapp's login and CSRF protection, and has
 * no page of its own ({@code plugin-webapp/raingan-forms/app/plugin.js} only registers
 * nothing).
 */
public class FormsTasklistPlugin extends AbstractTasklistPlugin {

	public static final String ID = "raingan-forms";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(FormsPluginRootResource.class);
	}

}
