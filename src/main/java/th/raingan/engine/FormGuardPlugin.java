package th.raingan.engine;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts {@link FormGuard} among the command interceptors of the engine's usual executor,
 * after the engine's own ({@code customPostCommandInterceptorsTxRequired}): the command
 * context, and with it the signed-in user, exists when it looks at a command. The Spring
 * Boot starter applies every {@code ProcessEnginePlugin} bean.
 */
@Component
class FormGuardPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPostCommandInterceptorsTxRequired().add(new FormGuard());
	}

}
