package th.raingan.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * The only accounts saved without the engine's password policy
 * ({@code enable-password-policy}): the demo's accounts with the passwords the
 * department's letters hand out ({@code str4201} / {@code test4201}, docs/requirements),
 * created on the embedded demo database only ({@code org.DemoMode}). Camunda checks the
 * policy in {@code SaveUserCmd} unless {@code IdentityServiceImpl.saveUser(user, true)}
 * skips it (engine internals: PolicyExemptTest fails if that changes).
 */
public final class PolicyExempt {

	private PolicyExempt() {
	}

	public static void saveDemoUser(IdentityService identity, User user) {
		((IdentityServiceImpl) identity).saveUser(user, true);
	}

}
