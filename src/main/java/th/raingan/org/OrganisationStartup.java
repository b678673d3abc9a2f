package th.raingan.org;

import java.io.InputStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At start-up: the organisation from {@code org/org-units.csv}, its groups and grants,
 * the Tasklist filters, the administrator and, on the embedded demo database only, the
 * demo accounts. Every step is idempotent, so a restart changes nothing.
 */
@Component
@Order(0)
class OrganisationStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OrganisationStartup.class);

	private final OrgUnits orgUnits;

	private final AccessSetup access;

	private final TasklistFilters filters;

	private final Accounts accounts;

	private final DemoMode demo;

	private final String adminPassword;

	OrganisationStartup(OrgUnits orgUnits, AccessSetup access, TasklistFilters filters, Accounts accounts,
			DemoMode demo, @Value("${raingan.admin-password:}") String adminPassword) {
		this.orgUnits = orgUnits;
		this.access = access;
		this.filters = filters;
		this.accounts = accounts;
		this.demo = demo;
		this.adminPassword = adminPassword;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		try (InputStream csv = new ClassPathResource("org/org-units.csv").getInputStream()) {
			orgUnits.load(csv);
		}
		List<OrgUnit> units = orgUnits.all();
		access.ensure(units);
		filters.ensure();
		if (demo.enabled()) {
			accounts.ensureDemoAdmin(adminPassword);
			int created = accounts.ensureDemoAccounts(units);
			log.info(
					"Demo accounts ready ({} created now): str4201/test4201, head4201/head4201, cdo4201a/cdo4201a, review42/review42, manager42/manager42, cdd01/cdd01, admin/{}",
					created, adminPassword.isBlank() ? "admin" : "(RAINGAN_ADMIN_PASSWORD)");
		}
		else {
			accounts.ensureAdmin(adminPassword);
		}
		log.info("Organisation loaded: {} offices", units.size());
	}

}
