package th.raingan.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the process flow tests share. The BPMN's delegates, listeners and beans are
 * registered by the names their expressions use ({@code ${validateReportDelegate}}), as
 * Mockito mocks: the flow tests drive the model (every gateway branch, timer, message and
 * asynchronous step) on a plain in-memory engine in a few seconds, and the application
 * tests prove the delegates themselves against the real tables and the real engine.
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

	/** A delegate that does nothing but be called. */
	static JavaDelegate delegate(String name) {
		return delegate(name, execution -> {
		});
	}

	/** A delegate that sets what the real one would set for the gateway after it. */
	static JavaDelegate delegate(String name, Consumer<DelegateExecution> behaviour) {
		JavaDelegate delegate = mock(JavaDelegate.class, name);
		try {
			doAnswer(call -> {
				behaviour.accept(call.getArgument(0));
				return null;
			}).when(delegate).execute(any());
		}
		catch (Exception impossible) {
			throw new IllegalStateException(impossible);
		}
		Mocks.register(name, delegate);
		return delegate;
	}

	static TaskListener taskListener(String name) {
		TaskListener listener = mock(TaskListener.class, name);
		Mocks.register(name, listener);
		return listener;
	}

	static ExecutionListener executionListener(String name) {
		ExecutionListener listener = mock(ExecutionListener.class, name);
		Mocks.register(name, listener);
		return listener;
	}

	/**
	 * A call activity's variable mapping handing the named variables of the caller to the
	 * called instance.
	 */
	static void inputs(String name, String... variables) {
		Mocks.register(name, new DelegateVariableMapping() {
			@Override
			public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
				for (String variable : variables) {
					subVariables.put(variable, superExecution.getVariable(variable));
				}
			}

			@Override
			public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
			}
		});
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

	static Date daysFromNow(int days) {
		return new Date(System.currentTimeMillis() + days * 86_400_000L);
	}

}
