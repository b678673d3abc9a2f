package th.raingan.dashboard.plugin;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The managers' dashboard in Cockpit: per district the round's reports, overdue reports,
 * KPI scores and budget, with exports. Page:
 * {@code plugin-webapp/raingan-dashboard/app/plugin.js}; backend:
 * {@link DashboardResource}.
 */
public class DashboardCockpitPlugin extends AbstractCockpitPlugin {

	public static final String ID = "raingan-dashboard";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(DashboardPluginRootResource.class);
	}

}
