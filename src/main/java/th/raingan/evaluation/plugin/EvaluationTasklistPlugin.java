package th.raingan.evaluation.plugin;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * "แผนประเมินผล" in Tasklist's top bar (the province's plan: its strategy unit keeps it,
 * its offices read it) and the "สรุปผลการประเมิน (EA3/EA4)" tab of the province's summary
 * task. Page: {@code plugin-webapp/raingan-evaluation/app/plugin.js}; backend:
 * {@link EvaluationResource}.
 */
public class EvaluationTasklistPlugin extends AbstractTasklistPlugin {

	public static final String ID = "raingan-evaluation";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(EvaluationPluginRootResource.class);
	}

}
