package th.raingan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import th.raingan.report.ReportRefused;
import th.raingan.thai.Clock;

/**
 * What the process flow tests share. The BPMN's delegates, listeners and beans are the
 * application's own classes, registered by the names their expressions use
 * ({@code ${validateReportDelegate}}) and built (through each capability's
 * {@code *FlowBeans} in the test sources) with Mockito mocks of only the services that
 * reach outside the engine: the tables, the mail. The engine's own services are real, and
 * so is its clock, set where a delegate compares with today. The flow tests drive the
 * model (every gateway branch, timer, message and asynchronous step) through the real
 * delegates on a plain in-memory engine in a few seconds: a delegate that sets the wrong
 * gateway variable fails them. The application tests prove the services against the real
 * tables.
 */
final class Flows {

	/**
	 * Not {@code camunda.cfg.xml}: Camunda's {@code ProcessEngines.init()} builds an
	 * engine from every such file on the class path, so the application tests' webapps
	 * would list a second engine (an engine picker in English on every screen).
	 */
	static final String CONFIGURATION = "flows/raingan-flows.cfg.xml";

	/** The engine's name in {@link #CONFIGURATION}. */
	static final String ENGINE_NAME = "raingan-flows";

	/**
	 * Takes the flow tests' engine out of Camunda's static registry after each class (the
	 * extension keeps its own cached reference, so the next class still gets it): the
	 * application tests run in the same JVM, and their webapps list every registered
	 * engine, showing an engine picker in English on every screen.
	 */
	static final class LeavesNoEngineRegistered implements AfterAllCallback {

		@Override
		public void afterAll(ExtensionContext context) {
			ProcessEngine engine = ProcessEngines.getProcessEngines().get(ENGINE_NAME);
			if (engine != null) {
				ProcessEngines.unregister(engine);
			}
		}

	}

	private Flows() {
	}

	/**
	 * The engine of {@link #CONFIGURATION} with the coverage gate: the test class fails
	 * unless every flow node and sequence flow of its process was taken; the figures are
	 * logged per class and written under {@code target/process-test-coverage}.
	 */
	static ProcessEngineCoverageExtension engine(String... stubbedKeys) {
		return ProcessEngineCoverageExtension.builder()
			.configurationResource(CONFIGURATION)
			.assertClassCoverageAtLeast(1.0)
			.withDetailedCoverageLogging()
			.excludeProcessDefinitionKeys(stubbedKeys)
			.build();
	}

	/**
	 * Registers a real delegate, listener or bean under the name the BPMN's expression
	 * uses ({@code ${validateReportDelegate}}), as the application's Spring context does.
	 */
	static <T> T register(String name, T bean) {
		Mocks.register(name, bean);
		return bean;
	}

	/**
	 * Sets the engine's clock, which the application reads as "now"
	 * (th.raingan.thai.Clock): what a delegate checks against today is then fixed.
	 * {@link #forget()} puts it back.
	 */
	static void clockAt(LocalDateTime thaiTime) {
		ClockUtil.setCurrentTime(Date.from(thaiTime.atZone(Clock.ZONE).toInstant()));
	}

	/**
	 * After each test: no bean registered, nobody signed in, the engine's clock the real
	 * one.
	 */
	static void forget(ProcessEngine engine) {
		Mocks.reset();
		engine.getIdentityService().clearAuthentication();
		ClockUtil.reset();
	}

	/**
	 * Runs every job that is due to run now or that waits for the job executor (no timers
	 * in the future).
	 */
	static void runAsyncJobs(ManagementService management) {
		for (int round = 0; round < 100; round++) {
			List<Job> jobs = management.createJobQuery().executable().list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(job -> management.executeJob(job.getId()));
		}
		throw new IllegalStateException("jobs keep coming");
	}

	/**
	 * Asserts that the call is refused with a message for the user: the application's
	 * {@link ReportRefused}, thrown by the real delegate or listener (the engine wraps
	 * what a listener throws), with the given words in it.
	 */
	static void assertRefused(ThrowingCallable call, String words) {
		Throwable thrown = catchThrowable(call);
		Throwable refusal = thrown;
		while (refusal != null && !(refusal instanceof ReportRefused)) {
			refusal = refusal.getCause();
		}
		assertThat(refusal).as("refused, not %s", thrown).isInstanceOf(ReportRefused.class);
		assertThat(refusal.getMessage()).contains(words);
	}

	static Date daysFromNow(int days) {
		return new Date(System.currentTimeMillis() + days * 86_400_000L);
	}

}
