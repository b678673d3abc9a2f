package th.raingan.engine;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * For the benchmark's before-and-after in one run: puts the engine's own authorization
 * manager and revoke check ({@code auto}) back while {@link #run} runs, then Raingan's
 * again. Not for use beside other work on the engine.
 */
public final class StockAuthorization {

	private StockAuthorization() {
	}

	public static void run(ProcessEngine engine, Runnable work) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		Map<Class<?>, SessionFactory> factories = configuration.getSessionFactories();
		SessionFactory raingans = factories.get(AuthorizationManager.class);
		String revokes = configuration.getAuthorizationCheckRevokes();
		factories.put(AuthorizationManager.class, new GenericManagerFactory(AuthorizationManager.class));
		configuration.setAuthorizationCheckRevokes(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_AUTO);
		try {
			work.run();
		}
		finally {
			factories.put(AuthorizationManager.class, raingans);
			configuration.setAuthorizationCheckRevokes(revokes);
		}
	}

}
