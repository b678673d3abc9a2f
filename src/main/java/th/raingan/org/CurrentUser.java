package th.raingan.org;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting, as the engine knows it: the signed-in user, or "system" for the engine's own jobs. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static String id(IdentityService identity) {
		Authentication authentication = identity.getCurrentAuthentication();
		return authentication == null ? "system" : authentication.getUserId();
	}

}
