package th.raingan.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh PostgreSQL database for the nodes of one reliability test, on the server of
 * {@code RAINGAN_TEST_DB_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/}, user
 * {@code postgres}), named after the test database ({@code raingan_ci} gives
 * {@code raingan_ci_crash}). There is no H2 fallback: several processes must share the
 * database. With {@code RAINGAN_TEST_DB_URL} set (as CI sets it) an unreachable server
 * fails the test; without it, on a developer's machine with no PostgreSQL, the test is
 * skipped and says why, so that {@code mvn verify} still runs everything else on H2.
 */
final class NodeDatabase {

	final String url;

	final String user;

	final String password;

	final JdbcTemplate jdbc;

	private NodeDatabase(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** Drops and creates {@code <test database>_<suffix>}. */
	static NodeDatabase fresh(String suffix) throws SQLException {
		String testUrl = env("RAINGAN_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/raingan");
		if (!testUrl.startsWith("jdbc:postgresql://")) {
			throw new IllegalStateException("the reliability tests need PostgreSQL, RAINGAN_TEST_DB_URL is " + testUrl);
		}
		String user = env("RAINGAN_TEST_DB_USER", "postgres");
		String password = env("RAINGAN_TEST_DB_PASSWORD", "");
		String rest = testUrl.substring("jdbc:postgresql://".length());
		int slash = rest.indexOf('/');
		String server = slash < 0 ? rest : rest.substring(0, slash);
		String database = slash < 0 ? "raingan" : rest.substring(slash + 1).replaceAll("[?;].*", "");
		String name = (database.isBlank() ? "raingan" : database) + "_" + suffix;
		if (!name.matches("[a-z0-9_]+")) {
			throw new IllegalStateException("unexpected database name " + name);
		}
		boolean configured = System.getenv("RAINGAN_TEST_DB_URL") != null
				&& !System.getenv("RAINGAN_TEST_DB_URL").isBlank();
		if (!configured) {
			try (Connection probe = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", user,
					password)) {
				// reachable: go on
			}
			catch (SQLException ex) {
				Assumptions
					.abort("no PostgreSQL at " + server + " and RAINGAN_TEST_DB_URL not set: " + ex.getMessage());
			}
		}
		try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", user,
				password); Statement sql = admin.createStatement()) {
			sql.execute("drop database if exists " + name + " with (force)");
			sql.execute("create database " + name);
		}
		return new NodeDatabase("jdbc:postgresql://" + server + "/" + name, user, password);
	}

	long count(String sql, Object... args) {
		Long n = jdbc.queryForObject(sql, Long.class, args);
		return n == null ? 0 : n;
	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? otherwise : value;
	}

}
