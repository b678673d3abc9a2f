package th.raingan.engine;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Makes the engine use {@link UnfilteredGroupsAuthorizationManager} as its authorization
 * session: a session factory for the session type {@link AuthorizationManager} among the
 * configuration's custom session factories, which the engine registers after its own
 * (replacing the default one). The Spring Boot starter applies every
 * {@code ProcessEnginePlugin} bean.
 */
@Component
class AuthorizationCostPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomSessionFactories() == null) {
			configuration.setCustomSessionFactories(new ArrayList<>());
		}
		configuration.getCustomSessionFactories().add(new AuthorizationSessions());
	}

	/** One manager per command, as the engine's own factory does. */
	static class AuthorizationSessions implements SessionFactory {

		@Override
		public Class<?> getSessionType() {
			return AuthorizationManager.class;
		}

		@Override
		public Session openSession() {
			return new UnfilteredGroupsAuthorizationManager();
		}

	}

}
