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

	/**
	 * Runs the work from inside an engine command, as the server's own code runs (a
	 * delegate, a listener): the engine's form guard
	 * ({@code th.raingan.engine.FormGuard}) looks only at a signed-in user's top-level
	 * commands, so this is how a test shows that the second wall (server facts, decision
	 * checks) holds where the first has a gap.
	 */
	public static <T> T pastTheFormGuard(org.camunda.bpm.engine.ProcessEngine engine,
			java.util.function.Supplier<T> work) {
		return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getCommandExecutorTxRequired()
			.execute(context -> work.get());
	}

}
