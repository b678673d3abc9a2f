package th.raingan.people.plugin;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * "ข้อมูลของฉัน" in Tasklist's user menu (and the navbar), and for the administrator and
 * province managers the people of their offices with the CSV onboarding. Its page is
 * {@code plugin-webapp/raingan-people/app/plugin.js}; its backend is
 * {@link PeopleResource}, behind the webapp's own login and CSRF protection.
 */
public class PeopleTasklistPlugin extends AbstractTasklistPlugin {

	public static final String ID = "raingan-people";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(PeoplePluginRootResource.class);
	}

}
