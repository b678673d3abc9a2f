package th.raingan.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Work done as the engine itself: with no user on the thread, the engine's authorization
 * checks do not filter it. For what the application has already decided the user may do
 * (reading the identity directory, a manager's own round's history, correlating a message
 * the user was allowed to send). The signed-in user is put back afterwards, also when the
 * work fails.
 */
public final class AsEngine {

	private AsEngine() {
	}

	public static <T> T call(IdentityService identity, Supplier<T> work) {
		Authentication signedIn = identity.getCurrentAuthentication();
		if (signedIn == null) {
			return work.get();
		}
		identity.clearAuthentication();
		try {
			return work.get();
		}
		finally {
			identity.setAuthentication(signedIn);
		}
	}

	public static void run(IdentityService identity, Runnable work) {
		call(identity, () -> {
			work.run();
			return null;
		});
	}

}
