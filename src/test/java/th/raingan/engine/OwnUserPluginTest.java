package th.raingan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link OwnUserPlugin} on a plain engine with authorization checks on: a user created
 * afterwards may read but not rename themselves, and still change their password; a user
 * created before the plugin (Camunda's ALL on themselves) is narrowed at the next start;
 * an administrator still renames anyone. Fails if Camunda changes the default grant's
 * shape, the identity provider's check or the configuration hooks this relies on.
 */
class OwnUserPluginTest {

	static final String DB = "jdbc:h2:mem:raingan-own-user;DB_CLOSE_DELAY=1000";

	static ProcessEngine engine;

	static ProcessEngine build(String name, boolean withPlugin) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl(DB)
			.setProcessEngineName(name)
			.setJobExecutorActivate(false);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setAuthorizationEnabled(true);
		configuration.setEnforceHistoryTimeToLive(false);
		if (withPlugin) {
			configuration.getProcessEnginePlugins().add(new OwnUserPlugin());
		}
		return configuration.buildProcessEngine();
	}

	@BeforeAll
	static void anEarlierUserThenThePlugin() {
		// a user made by Camunda's defaults, before the plugin was there
		ProcessEngine stock = build("raingan-own-user-stock", false);
		newUser(stock.getIdentityService(), "earlier", "ก่อน");
		assertThat(grant(stock.getAuthorizationService(), "earlier").isPermissionGranted(Permissions.UPDATE))
			.as("Camunda's default: a user may update themselves")
			.isTrue();
		stock.close();
		engine = build("raingan-own-user", true);
		IdentityService identity = engine.getIdentityService();
		newUser(identity, "str4201", "พัฒนากร");
		newUser(identity, "admin", "ผู้ดูแล");
		identity.saveGroup(identity.newGroup("camunda-admin"));
		identity.createMembership("admin", "camunda-admin");
		Authorization all = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		all.setGroupId("camunda-admin");
		all.setResource(Resources.USER);
		all.setResourceId(Authorization.ANY);
		all.addPermission(Permissions.ALL);
		engine.getAuthorizationService().saveAuthorization(all);
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@AfterEach
	void signOut() {
		engine.getIdentityService().clearAuthentication();
	}

	@Test
	void aNewUserMayReadButNotRenameThemself() {
		Authorization own = grant(engine.getAuthorizationService(), "str4201");
		assertThat(own.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(own.isPermissionGranted(Permissions.UPDATE)).isFalse();
		assertThat(own.isPermissionGranted(Permissions.DELETE)).isFalse();

		IdentityService identity = engine.getIdentityService();
		identity.setAuthentication("str4201", List.of("district-4201"));
		User me = identity.createUserQuery().userId("str4201").singleResult();
		assertThat(me).as("the user reads themself").isNotNull();
		me.setFirstName("พัฒนาการจังหวัดเลย");
		assertThatThrownBy(() -> identity.saveUser(me)).isInstanceOf(AuthorizationException.class);
		User again = identity.createUserQuery().userId("str4201").singleResult();
		again.setEmail("elsewhere@example.org");
		assertThatThrownBy(() -> identity.saveUser(again)).isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> identity.deleteUser("str4201")).isInstanceOf(AuthorizationException.class);
		identity.clearAuthentication();
		User stored = identity.createUserQuery().userId("str4201").singleResult();
		assertThat(stored.getFirstName()).isEqualTo("พัฒนากร");
		assertThat(stored.getEmail()).isEqualTo("str4201@raingan.invalid");
	}

	@Test
	void aUserChangesTheirOwnPasswordOnly() {
		IdentityService identity = engine.getIdentityService();
		identity.setAuthentication("str4201", List.of("district-4201"));
		User me = identity.createUserQuery().userId("str4201").singleResult();
		me.setPassword("a-new-password-4201");
		identity.saveUser(me);
		assertThat(identity.checkPassword("str4201", "a-new-password-4201")).isTrue();
		// not another user's
		identity.clearAuthentication();
		identity.setAuthentication("earlier", List.of());
		User other = identity.createUserQuery().userId("str4201").singleResult();
		assertThat(other).as("another user is not READ").isNull();
		User forged = identity.newUser("str4201");
		assertThatThrownBy(() -> identity.saveUser(forged)).isInstanceOf(AuthorizationException.class);
	}

	@Test
	void anEarlierUsersGrantIsNarrowedAtStart() {
		Authorization earlier = grant(engine.getAuthorizationService(), "earlier");
		assertThat(earlier.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(earlier.isPermissionGranted(Permissions.UPDATE)).isFalse();
		assertThat(earlier.isPermissionGranted(Permissions.DELETE)).isFalse();
		assertThat(OwnUserPlugin.narrowExisting(engine.getAuthorizationService())).as("once is enough").isZero();
	}

	@Test
	void theAdministratorStillRenamesAnyone() {
		IdentityService identity = engine.getIdentityService();
		identity.setAuthentication("admin", List.of("camunda-admin"));
		User user = identity.createUserQuery().userId("earlier").singleResult();
		user.setLastName("ชื่อใหม่");
		identity.saveUser(user);
		identity.clearAuthentication();
		assertThat(identity.createUserQuery().userId("earlier").singleResult().getLastName()).isEqualTo("ชื่อใหม่");
	}

	private static void newUser(IdentityService identity, String id, String firstName) {
		User user = identity.newUser(id);
		user.setFirstName(firstName);
		user.setLastName("ทดสอบ");
		user.setEmail(id + "@raingan.invalid");
		user.setPassword(id);
		identity.saveUser(user);
	}

	private static Authorization grant(AuthorizationService authorizations, String userId) {
		return authorizations.createAuthorizationQuery()
			.userIdIn(userId)
			.resourceType(Resources.USER)
			.resourceId(userId)
			.singleResult();
	}

}
