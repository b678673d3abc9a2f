package th.raingan.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * One application node as production runs it: {@code java -jar raingan.jar} in a process
 * of its own, on a shared PostgreSQL database, its job executor on, mail to the test's
 * SMTP server. {@link #kill()} is SIGKILL: no shutdown hook runs, transactions in flight
 * are cut off, jobs stay locked until their lock time ends.
 */
final class AppNode implements AutoCloseable {

	static final String ADMIN_PASSWORD = "Ops-it-7Qx!k2";

	/**
	 * A killed node's jobs are taken over once their lock expires: short, so the tests
	 * wait seconds, not minutes.
	 */
	static final int LOCK_TIME_MS = 15_000;

	private static final Path JAR = Path.of(System.getProperty("raingan.jar", "target/raingan-0.1.0-SNAPSHOT.jar"));

	private static final Path DIR = Path.of(System.getProperty("raingan.nodes.dir", "target/nodes"));

	final String name;

	final int port;

	private final NodeDatabase db;

	private final int smtpPort;

	/**
	 * With the demo accounts and catalogue (as the other ITs), or as a new installation:
	 * only the administrator.
	 */
	private final boolean demo;

	private Process process;

	private Path log;

	private int starts;

	AppNode(String name, NodeDatabase db, int smtpPort) {
		this(name, db, smtpPort, true);
	}

	AppNode(String name, NodeDatabase db, int smtpPort, boolean demo) {
		this.name = name;
		this.db = db;
		this.smtpPort = smtpPort;
		this.demo = demo;
		this.port = freePort();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + port;
	}

	/**
	 * The address this node's mails come from, so a test can tell which node sent a mail.
	 */
	String mailFrom() {
		return "raingan-" + name + "@raingan.invalid";
	}

	/** Launches the process; {@link #awaitUp()} waits for it. */
	AppNode launch() throws IOException {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run mvn package first");
		}
		Files.createDirectories(DIR);
		starts++;
		log = DIR.resolve(name + "-" + starts + ".log");
		String java = ProcessHandle.current().info().command().orElse("java");
		// C1 only and the serial collector: a node that lives two minutes on a busy
		// 2-core machine starts in about
		// half the time; production runs the JVM's defaults
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-jar", JAR.toAbsolutePath().toString(),
				"--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MS,
				// an idle node looks for new jobs at least every 2 s (default up to 60
				// s): CI-affordable waits
				"--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000",
				"--spring.mail.properties.mail.smtp.connectiontimeout=5000",
				"--spring.mail.properties.mail.smtp.timeout=10000"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.keySet().removeIf(key -> key.startsWith("RAINGAN_") || key.startsWith("SPRING_") || key.equals("PORT"));
		env.put("PORT", Integer.toString(port));
		env.put("RAINGAN_DB_URL", db.url);
		env.put("RAINGAN_DB_USER", db.user);
		env.put("RAINGAN_DB_PASSWORD", db.password);
		env.put("RAINGAN_DB_POOL", "15");
		env.put("RAINGAN_DEMO_ACCOUNTS", Boolean.toString(demo));
		env.put("RAINGAN_ADMIN_PASSWORD", ADMIN_PASSWORD);
		env.put("RAINGAN_MAIL_HOST", "127.0.0.1");
		env.put("RAINGAN_MAIL_PORT", Integer.toString(smtpPort));
		env.put("RAINGAN_MAIL_FROM", mailFrom());
		env.put("RAINGAN_PUBLIC_URL", url());
		process = builder.start();
		Process started = process;
		// a test JVM that is stopped (Ctrl-C, a CI timeout) takes its nodes with it
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
		return this;
	}

	/**
	 * How long a node may take to start: on a loaded two-core machine (several builds at
	 * once) one took 225 s, past the former 120 s. The wait ends as soon as the node
	 * answers, so a generous limit costs nothing when it is up sooner.
	 */
	private static final Duration START_LIMIT = Duration.ofMinutes(5);

	/**
	 * Waits until the node has started and answers an authenticated request. Spring logs
	 * "Started Application" before the start-up runners; the demo catalogue's line is the
	 * last of them.
	 */
	AppNode awaitUp() throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		String auth = "Basic "
				+ Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		try {
			await("node " + name + " answering").atMost(START_LIMIT)
				.pollInterval(Duration.ofMillis(250))
				.failFast("node " + name + " exited", () -> !process.isAlive())
				.until(() -> answers(http, auth));
		}
		catch (ConditionTimeoutException | TerminalFailureException notUp) {
			throw new IllegalStateException(
					(process.isAlive() ? "node " + name + " did not start within " + START_LIMIT.toSeconds() + " s"
							: "node " + name + " exited with " + process.exitValue()) + ":\n" + tail(),
					notUp);
		}
		return this;
	}

	/** Started (its log says so) and answering the engine's REST API. */
	private boolean answers(HttpClient http, String auth) throws IOException {
		if (!Files.readString(log, StandardCharsets.UTF_8).contains(demo ? "Demo catalogue:" : "Organisation loaded")) {
			return false;
		}
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/engine-rest/engine"))
				.header("Authorization", auth)
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (IOException notYet) {
			// not listening yet
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	AppNode start() throws Exception {
		return launch().awaitUp();
	}

	/** SIGKILL, as a power cut or the OOM killer would. */
	void kill() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroyForcibly();
			process.waitFor();
		}
	}

	boolean isAlive() {
		return process != null && process.isAlive();
	}

	private String tail() throws IOException {
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

}
