package th.raingan.kpi;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * คะแนนของฉัน in Tasklist: a navigation bar entry opening the KPI scores the signed-in
 * user may read, per round (their own individual indicators and their district's team
 * score; a district head the district's; a province its districts'). Its page is
 * {@code plugin-webapp/raingan-kpi-scores/app/plugin.js}; its backend is
 * {@link KpiScoresResource}, behind the webapp's own login. It also gives the KPI round's
 * start form the templates the signed-in manager's province may use.
 */
public class KpiScoresTasklistPlugin extends AbstractTasklistPlugin {

	public static final String ID = "raingan-kpi-scores";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(KpiScoresPluginRootResource.class);
	}

}
