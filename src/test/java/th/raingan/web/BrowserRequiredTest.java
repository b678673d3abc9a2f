package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Where Chromium is missing a browser test is skipped, except in CI
 * (RAINGAN_REQUIRE_BROWSER=true): it fails.
 */
class BrowserRequiredTest {

	@Test
	void missingChromiumSkipsOnADevelopersMachineAndFailsInCi() {
		assertThatThrownBy(() -> Browser.checkInstalled(false, false)).isInstanceOf(TestAbortedException.class);
		assertThatThrownBy(() -> Browser.checkInstalled(false, true)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("RAINGAN_REQUIRE_BROWSER=true");
		assertThatCode(() -> Browser.checkInstalled(true, true)).doesNotThrowAnyException();
		assertThatCode(() -> Browser.checkInstalled(true, false)).doesNotThrowAnyException();
	}

}
