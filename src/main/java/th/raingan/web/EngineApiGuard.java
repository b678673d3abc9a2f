package th.raingan.web;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link EngineApiFilter} where the user is known:
 * <ul>
 * <li>on {@code /engine-rest/*} after the filters Spring registers before the
 * application's own ({@code matchAfter}), among them Camunda's HTTP Basic authentication
 * ({@link RestApiSecurity});</li>
 * <li>on the webapps' engine API by its servlet's name ({@value #WEBAPP_ENGINE_SERVLET},
 * as the Camunda webapp starter registers it): a servlet container applies the filters
 * mapped by servlet name after every filter mapped by path, so after Camunda's
 * authentication, security and CSRF filters, which put the session's user on the
 * engine.</li>
 * </ul>
 * The application does not start if the webapps' servlet is missing (a renamed servlet
 * would leave the webapps' engine API unguarded).
 */
@Configuration
class EngineApiGuard {

	static final String WEBAPP_ENGINE_SERVLET = "Engine Api";

	@Bean
	FilterRegistrationBean<EngineApiFilter> engineApiSurface(IdentityService identity,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
		FilterRegistrationBean<EngineApiFilter> registration = new FilterRegistrationBean<>(
				new EngineApiFilter(identity, webappPath + "/api/engine"));
		registration.setName("raingan-engine-api-surface");
		registration.setMatchAfter(true);
		registration.addUrlPatterns("/engine-rest/*");
		registration.addServletNames(WEBAPP_ENGINE_SERVLET);
		return registration;
	}

}
