package th.raingan.assignment;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * "มอบหมายโครงการ" in Tasklist's top bar, for the province's strategy unit, its manager
 * and the administrator: the province's assignments for a fiscal year, to add, change,
 * withdraw, export and import. Page:
 * {@code plugin-webapp/raingan-assignments/app/plugin.js}; backend:
 * {@link AssignmentsResource}, behind the webapp's login and CSRF protection.
 */
public class AssignmentsTasklistPlugin extends AbstractTasklistPlugin {

	public static final String ID = "raingan-assignments";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(AssignmentsPluginRootResource.class);
	}

}
