package th.raingan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What th.raingan.engine relies on in the engine's internals, on a plain engine of its
 * own: if a Camunda release changes any of it, this fails before the application does.
 */
class EngineAdapterTest {

	/** A refusal of the application's own, as {@code ReportRefused} is. */
	static class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		final List<String> problems;

		Refused(List<String> problems) {
			super("บันทึกไม่ได้: " + String.join(" | ", problems));
			this.problems = problems;
		}

	}

	static ProcessEngine engine;

	@BeforeAll
	static void engineWithTheTranslation() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:raingan-engine-adapter;DB_CLOSE_DELAY=1000")
			.setProcessEngineName("raingan-engine-adapter")
			.setJobExecutorActivate(false);
		configuration.setEnforceHistoryTimeToLive(false);
		configuration.getProcessEnginePlugins().add(new RefusalTranslation<>(Refused.class, r -> r.problems));
		configuration.setBeans(Map.of("refusing", (JavaDelegate) execution -> {
			throw new Refused(List.of("เหตุผล: ต้องมีอย่างน้อย 5 ตัวอักษร"));
		}));
		engine = configuration.buildProcessEngine();
		engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("refusing.bpmn",
					Bpmn.createExecutableProcess("refusing")
						.startEvent()
						.userTask("Task_Fill")
						.serviceTask("Task_Check")
						.camundaDelegateExpression("${refusing}")
						.endEvent()
						.done())
			.deploy();
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@AfterEach
	void resetClockAndUser() {
		ClockUtil.reset();
		engine.getIdentityService().clearAuthentication();
	}

	@Test
	void aRefusalBecomesTheEnginesFormValidationFailureAndNothingIsWritten() {
		ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("refusing");
		String task = engine.getTaskService().createTaskQuery().singleResult().getId();
		assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("reason", "สั้น")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("บันทึกไม่ได้: เหตุผล: ต้องมีอย่างน้อย 5 ตัวอักษร")
			.hasCauseInstanceOf(Refused.class)
			.satisfies(e -> assertThat(((FormFieldValidationException) e).<List<String>>getDetail())
				.containsExactly("เหตุผล: ต้องมีอย่างน้อย 5 ตัวอักษร"));
		// rolled back: the task is still open and the value was not kept
		assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), "reason")).isNull();
	}

	@Test
	void signedInIsTheEnginesAuthenticationAndAsEngineRestoresIt() {
		IdentityService identity = engine.getIdentityService();
		assertThat(SignedIn.current(identity)).isEmpty();
		identity.setAuthentication("review42", List.of("province-42-review"));
		assertThat(SignedIn.current(identity)).contains(new SignedIn("review42", List.of("province-42-review")));

		assertThat(AsEngine.call(identity, () -> SignedIn.current(identity))).isEmpty();
		assertThatThrownBy(() -> AsEngine.run(identity, () -> {
			throw new IllegalStateException("failed");
		})).hasMessage("failed");
		assertThat(SignedIn.current(identity).map(SignedIn::userId)).contains("review42");
	}

	@Test
	void engineClockIsTheOneTestsMove() {
		Date moment = new Date(1_800_000_000_000L);
		ClockUtil.setCurrentTime(moment);
		assertThat(EngineClock.now()).isEqualTo(moment);
	}

}
