package th.raingan.web;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The starter leaves {@code /engine-rest} open to anyone. Camunda's own authentication
 * filter makes every call carry HTTP Basic credentials of an engine user, and the engine
 * then applies that user's authorizations. The project's own endpoints ({@code /api}) are
 * behind the same filter and read the signed-in user from the engine.
 */
@Configuration
class RestApiSecurity {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("camunda-rest-authentication");
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*", "/api/*");
		return registration;
	}

}
