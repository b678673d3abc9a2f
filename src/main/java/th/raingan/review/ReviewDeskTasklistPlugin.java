package th.raingan.review;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * "รายงานรอพิจารณา" in Tasklist's top bar, for the province's reviewers: the province's
 * submitted reports with checkboxes, approved several at once. Page:
 * {@code plugin-webapp/raingan-review-desk/app/plugin.js}; backend:
 * {@link ReviewDeskResource}, behind the webapp's login and CSRF protection.
 */
public class ReviewDeskTasklistPlugin extends AbstractTasklistPlugin {

	public static final String ID = "raingan-review-desk";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(ReviewDeskPluginRootResource.class);
	}

}
