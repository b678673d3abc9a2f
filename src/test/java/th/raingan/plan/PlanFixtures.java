package th.raingan.plan;

import static th.raingan.plan.KpiTargetPlanProcess.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationContext;

import th.raingan.Users;

/**
 * KPI target plans started, filled and signed off as the offices do it, for the list's
 * and access tests.
 */
public final class PlanFixtures {

	private final IdentityService identity;

	private final FormService forms;

	private final RepositoryService repository;

	private final TaskService tasks;

	public PlanFixtures(ApplicationContext spring) {
		identity = spring.getBean(IdentityService.class);
		forms = spring.getBean(FormService.class);
		repository = spring.getBean(RepositoryService.class);
		tasks = spring.getBean(TaskService.class);
	}

	/** Starts the plan as the user (an office's officer): its business key. */
	public String start(String user, int fiscalYear, String code) {
		Users.signIn(identity, user);
		try {
			String id = repository.createProcessDefinitionQuery()
				.processDefinitionKey(KEY)
				.latestVersion()
				.singleResult()
				.getId();
			return forms.submitStartForm(id, Map.of(FISCAL_YEAR, String.valueOf(fiscalYear), KPI_CODE, code))
				.getBusinessKey();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * The budget bureau's example (total 85, quarters 15/25/20/20), saved or signed off.
	 */
	public void bureauExample(String user, String businessKey, String action) {
		Map<String, Object> values = new HashMap<>();
		values.put("planQ1", "15");
		values.put("planQ2", "25");
		values.put("planQ3", "20");
		values.put("planQ4", "20");
		values.put("planTotal", "85");
		values.put(SUCCESS_FACTOR, "การกำกับติดตามของจังหวัด");
		values.put(PLAN_ACTION, action);
		complete(user, businessKey, values);
	}

	public void complete(String user, String businessKey, Map<String, Object> values) {
		Users.signIn(identity, user);
		try {
			tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult().getId(),
					values);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	public String taskId(String businessKey) {
		return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
	}

}
