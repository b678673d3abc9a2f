package th.raingan.org;

import org.camunda.bpm.engine.IdentityService;

import th.raingan.engine.SignedIn;

/**
 * Who is acting, as the engine knows it: the signed-in user, or "system" for the engine's
 * own jobs.
 */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static String id(IdentityService identity) {
		return SignedIn.current(identity).map(SignedIn::userId).orElse("system");
	}

}
