package th.raingan.plan;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * แผนตัวชี้วัด in Tasklist's navigation bar: the KPI target program manual's first screen
 * (the plans found by fiscal year, level, office and service target, read-only totals and
 * quarters, the action the reader may take, Excel) and the department's indicator
 * catalogue with its CSV import. The start form's indicator list is filled from here too.
 * Its page is {@code plugin-webapp/raingan-kpi-plans/app/plugin.js}; its backend is
 * {@link KpiPlansResource}.
 */
public class KpiPlansTasklistPlugin extends AbstractTasklistPlugin {

	public static final String ID = "raingan-kpi-plans";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(KpiPlansPluginRootResource.class);
	}

}
