package th.raingan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the project relies on in the engine's password handling (application.yaml's
 * {@code enable-password-policy}, {@code login-*}): a weak password is refused in
 * {@code saveUser} with the words web.PasswordGuard turns into Thai; the demo's accounts
 * are saved without the policy ({@link PolicyExempt}); with the per-user delay switched
 * off a correct password passes after any number of wrong ones, where Camunda's default
 * locks the account (the reason it is off).
 */
class PolicyExemptTest {

	static ProcessEngine engine;

	static ProcessEngineConfigurationImpl configuration;

	@BeforeAll
	static void engineWithThePolicy() {
		configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:raingan-password-policy;DB_CLOSE_DELAY=1000")
			.setProcessEngineName("raingan-password-policy")
			.setJobExecutorActivate(false);
		configuration.setEnforceHistoryTimeToLive(false);
		configuration.setEnablePasswordPolicy(true);
		// as application.yaml
		configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
		configuration.setLoginDelayBase(0);
		configuration.setLoginDelayMaxTime(0);
		engine = configuration.buildProcessEngine();
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@Test
	void aWeakPasswordIsRefusedInSaveUserWithTheWordsTheGuardLooksFor() {
		IdentityService identity = engine.getIdentityService();
		User user = identity.newUser("weak01");
		user.setPassword("test4201");
		assertThatThrownBy(() -> identity.saveUser(user)).isInstanceOf(ProcessEngineException.class)
			.hasMessage("Password does not match policy");
		assertThat(identity.createUserQuery().userId("weak01").count()).isZero();
		assertThat(identity.checkPasswordAgainstPolicy("test4201").isValid()).isFalse();
		assertThat(identity.checkPasswordAgainstPolicy("Raingan-2569!").isValid()).isTrue();
	}

	@Test
	void theDemosAccountsAreSavedWithoutThePolicy() {
		IdentityService identity = engine.getIdentityService();
		User user = identity.newUser("str9901");
		user.setPassword("test9901");
		PolicyExempt.saveDemoUser(identity, user);
		assertThat(identity.checkPassword("str9901", "test9901")).isTrue();
	}

	@Test
	void aCorrectPasswordPassesAfterAnyNumberOfWrongOnesOnlyWithTheDelayOff() {
		IdentityService identity = engine.getIdentityService();
		User user = identity.newUser("owner01");
		user.setPassword("Owner-2569!x");
		identity.saveUser(user);
		for (int i = 0; i < 12; i++) {
			assertThat(identity.checkPassword("owner01", "wrong" + i)).isFalse();
		}
		assertThat(identity.checkPassword("owner01", "Owner-2569!x")).as("the owner still signs in").isTrue();

		// Camunda's defaults: one wrong password locks the account for a while, ten for
		// good
		int base = configuration.getLoginDelayBase();
		int max = configuration.getLoginMaxAttempts();
		int maxTime = configuration.getLoginDelayMaxTime();
		configuration.setLoginDelayBase(3);
		configuration.setLoginMaxAttempts(10);
		configuration.setLoginDelayMaxTime(60);
		try {
			assertThat(identity.checkPassword("owner01", "wrong")).isFalse();
			assertThat(identity.checkPassword("owner01", "Owner-2569!x")).as("locked by a stranger's one try")
				.isFalse();
		}
		finally {
			configuration.setLoginDelayBase(base);
			configuration.setLoginMaxAttempts(max);
			configuration.setLoginDelayMaxTime(maxTime);
			identity.unlockUser("owner01");
		}
	}

}
