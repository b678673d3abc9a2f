package th.raingan;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * Acting as a demo user in process tests: signed in with their groups, as Tasklist and
 * REST sign them in.
 */
public final class Users {

	private Users() {
	}

	public static void signIn(IdentityService identity, String user) {
		identity.clearAuthentication();
		identity.setAuthentication(user,
				identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
	}

}
