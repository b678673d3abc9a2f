package th.raingan.engine;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A user may read their own Camunda user, and change nothing of it but their password:
 * the name and e-mail others see are changed only by the administrator, a province
 * manager (บุคลากร) or, for the e-mail, the user through {@code /api/people/me}, which
 * checks it (all of them run as the engine).
 * <p>
 * Camunda gives every new user ALL on their own USER resource
 * ({@code DefaultAuthorizationProvider.newUser}): READ, UPDATE (their own name and
 * e-mail, {@code PUT /user/{id}/profile}) and DELETE. Three parts here:
 * <ul>
 * <li>the engine's resource authorization provider grants a new user READ on themselves
 * only ({@link ReadOwnUser});</li>
 * <li>the engine's identity provider lets a user save their own user without UPDATE when
 * the first name, last name and e-mail are those stored, that is when only the password
 * changes (Camunda Admin's "บัญชีผู้ใช้" tab, {@code PUT /user/{id}/credentials}, which
 * also asks for the current password) ({@link OwnPasswordOnly}); every other save keeps
 * the engine's UPDATE check;</li>
 * <li>at every start, the grants of users created before are narrowed to READ
 * ({@link #postProcessEngineBuild}).</li>
 * </ul>
 * {@code OwnUserPluginTest} checks each on a plain engine.
 */
@Component
class OwnUserPlugin extends AbstractProcessEnginePlugin {

	/** What a user may do with their own USER resource. */
	static final Permission[] OWN_USER = { Permissions.READ };

	private static final Logger log = LoggerFactory.getLogger(OwnUserPlugin.class);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new ReadOwnUser());
		configuration.setIdentityProviderSessionFactory(new OwnPasswordSessions());
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		int narrowed = narrowExisting(engine.getAuthorizationService());
		if (narrowed > 0) {
			log.info("Own-user grants narrowed to READ: {} users", narrowed);
		}
	}

	/**
	 * Users' grants on themselves that allow more than {@link #OWN_USER}, narrowed to it;
	 * the number changed.
	 */
	static int narrowExisting(AuthorizationService authorizations) {
		int narrowed = 0;
		for (Permission wider : List.of(Permissions.UPDATE, Permissions.DELETE)) {
			List<Authorization> grants = authorizations.createAuthorizationQuery()
				.resourceType(Resources.USER)
				.hasPermission(wider)
				.list();
			for (Authorization grant : grants) {
				if (grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && grant.getUserId() != null
						&& grant.getUserId().equals(grant.getResourceId())) {
					grant.setPermissions(OWN_USER);
					authorizations.saveAuthorization(grant);
					narrowed++;
				}
			}
		}
		return narrowed;
	}

	/** Camunda's default grants, but READ only on a new user's own USER resource. */
	static class ReadOwnUser extends DefaultAuthorizationProvider {

		@Override
		public AuthorizationEntity[] newUser(User user) {
			return new AuthorizationEntity[] {
					createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(), OWN_USER) };
		}

	}

	static class OwnPasswordSessions implements SessionFactory {

		@Override
		public Class<?> getSessionType() {
			return OwnPasswordOnly.class;
		}

		@Override
		public Session openSession() {
			return new OwnPasswordOnly();
		}

	}

	/**
	 * The engine's database identity provider; a user saving their own user with the
	 * stored name and e-mail (a password change) needs no UPDATE.
	 */
	static class OwnPasswordOnly extends DbIdentityServiceProvider {

		@Override
		public IdentityOperationResult saveUser(User user) {
			if (onlyOwnPassword(user)) {
				CommandContext command = Context.getCommandContext();
				return command.runWithoutAuthorization(() -> super.saveUser(user));
			}
			return super.saveUser(user);
		}

		private boolean onlyOwnPassword(User user) {
			Authentication signedIn = Context.getCommandContext().getAuthentication();
			if (signedIn == null || user.getId() == null || !user.getId().equals(signedIn.getUserId())
					|| !(user instanceof UserEntity entity) || entity.getRevision() == 0) {
				return false;
			}
			UserEntity stored = findUserById(user.getId());
			return stored != null && stored != user && Objects.equals(stored.getFirstName(), user.getFirstName())
					&& Objects.equals(stored.getLastName(), user.getLastName())
					&& Objects.equals(stored.getEmail(), user.getEmail());
		}

	}

}
