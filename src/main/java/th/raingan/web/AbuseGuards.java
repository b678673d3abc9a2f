package th.raingan.web;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import th.raingan.org.Passwords;

/**
 * The guards in front of the engine's and the webapps' endpoints against a hostile
 * client: sign-in throttling by address ({@link SignInThrottle}, outermost, so that it
 * sees every refused sign-in) and the password policy on every password set over HTTP
 * ({@link PasswordGuard}). Limits and why: RELIABILITY.md.
 */
@Configuration
class AbuseGuards {

	@Bean
	FilterRegistrationBean<SignInThrottle> signInThrottle(@Value("${raingan.sign-in.failures:10}") int failures,
			@Value("${raingan.sign-in.window-seconds:600}") long windowSeconds,
			@Value("${raingan.sign-in.trusted-proxies:}") String trustedProxies) {
		FilterRegistrationBean<SignInThrottle> registration = new FilterRegistrationBean<>(
				new SignInThrottle(failures, windowSeconds * 1000, trustedProxies, System::currentTimeMillis));
		registration.setName("raingan-sign-in-throttle");
		registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<PasswordGuard> passwordGuard(Passwords passwords, IdentityService identity) {
		FilterRegistrationBean<PasswordGuard> registration = new FilterRegistrationBean<>(
				new PasswordGuard(passwords, identity));
		registration.setName("raingan-password-guard");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		// inside FailureAnswers (HIGHEST_PRECEDENCE + 20): the engine's policy refusal is
		// made a Thai 400 here before that filter would answer its 500 generically
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

}
