package th.raingan.org;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether demo accounts with known passwords exist. {@code auto}: only on the embedded H2
 * database, so a PostgreSQL installation never gets them unless
 * {@code RAINGAN_DEMO_ACCOUNTS=true} is set on purpose.
 */
@Component
public class DemoMode {

	private final boolean enabled;

	DemoMode(@Value("${raingan.demo-accounts:auto}") String setting, DataSource dataSource) throws Exception {
		try (var connection = dataSource.getConnection()) {
			this.enabled = decide(setting, connection.getMetaData().getURL());
		}
	}

	/**
	 * {@code auto} means: on the embedded H2 database only; {@code true}/{@code false}
	 * decide outright.
	 */
	static boolean decide(String setting, String jdbcUrl) {
		return "auto".equalsIgnoreCase(setting) ? jdbcUrl.startsWith("jdbc:h2:") : Boolean.parseBoolean(setting);
	}

	public boolean enabled() {
		return enabled;
	}

}
