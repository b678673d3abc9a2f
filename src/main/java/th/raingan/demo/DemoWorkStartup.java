package th.raingan.demo;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import th.raingan.org.DemoMode;
import th.raingan.thai.Clock;

/**
 * When the application is ready, on the demo database ({@code raingan.demo-work: auto},
 * the default: the embedded H2 database with the demo accounts): opens Loei's round of
 * today and lets a few districts act ({@link DemoWork}), in the background, since the
 * round starts its reports through the job executor. {@code RAINGAN_DEMO_WORK=false}
 * leaves the demo empty.
 */
@Component
class DemoWorkStartup {

	private static final Logger log = LoggerFactory.getLogger(DemoWorkStartup.class);

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private final DemoWork work;

	private final boolean enabled;

	DemoWorkStartup(DemoWork work, DemoMode demo, @Value("${raingan.demo-work:auto}") String setting,
			javax.sql.DataSource dataSource) throws java.sql.SQLException {
		this.work = work;
		try (var connection = dataSource.getConnection()) {
			this.enabled = decide(setting, demo.enabled(), connection.getMetaData().getURL());
		}
	}

	/**
	 * {@code auto}: on the embedded H2 database with the demo accounts only (a PostgreSQL
	 * installation with demo accounts asked for, as the reliability tests' nodes, starts
	 * empty); {@code true}/{@code false} decide outright.
	 */
	static boolean decide(String setting, boolean demoAccounts, String jdbcUrl) {
		return "auto".equalsIgnoreCase(setting) ? demoAccounts && jdbcUrl.startsWith("jdbc:h2:")
				: Boolean.parseBoolean(setting);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!enabled) {
			return;
		}
		Thread thread = new Thread(this::run, "raingan-demo-work");
		thread.setDaemon(true);
		thread.start();
	}

	private void run() {
		try {
			if (!work.openRound(Clock.today())) {
				log.info("Demo: round {} was opened before (./data kept)", DemoWork.roundKey(Clock.today()));
			}
			// each district's part is skipped when done: after a restart this finds
			// nothing left
			long until = System.nanoTime() + PATIENCE.toNanos();
			List<String> waiting = work.actOnDrafts(Clock.today());
			while (!waiting.isEmpty() && System.nanoTime() < until) {
				Thread.sleep(1000);
				waiting = work.actOnDrafts(Clock.today());
			}
			if (!waiting.isEmpty()) {
				log.warn("Demo: no drafts for {} after {}: the round's jobs did not run", waiting, PATIENCE);
			}
			work.signPreviousRound(Clock.today());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			log.warn("Demo: could not prepare the demo's work: {}", ex.toString(), ex);
		}
	}

}
