package th.raingan.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Accounts with known passwords exist on the embedded demo database only, unless asked
 * for on purpose.
 */
class DemoModeTest {

	@Test
	void postgresqlGetsNoDemoAccountsUnlessAskedFor() {
		assertThat(DemoMode.decide("auto", "jdbc:postgresql://db:5432/raingan")).isFalse();
		assertThat(DemoMode.decide("auto", "jdbc:h2:file:./data/raingan")).isTrue();
		assertThat(DemoMode.decide("false", "jdbc:h2:file:./data/raingan")).isFalse();
		assertThat(DemoMode.decide("true", "jdbc:postgresql://127.0.0.1:5432/raingan_ci")).isTrue();
	}

}
