package th.raingan.myreports;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * รายงานของฉัน in Tasklist: a navigation bar entry opening the office's reports of every
 * round, and a "พิมพ์รายงาน" tab on each report's task with its versions as PDF. Its page
 * is {@code plugin-webapp/raingan-my-reports/app/plugin.js}; its backend is
 * {@link MyReportsResource}, behind the webapp's own login.
 */
public class MyReportsTasklistPlugin extends AbstractTasklistPlugin {

	public static final String ID = "raingan-my-reports";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(MyReportsPluginRootResource.class);
	}

}
