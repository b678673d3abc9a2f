package th.raingan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;

/**
 * What {@link UnfilteredGroupsAuthorizationManager} relies on in the engine, checked on
 * the running application: the engine opens its authorization session from the plugin's
 * factory; an authenticated user's commands no longer run
 * {@code selectAuthorizedGroupIds} (nor the revoke lookup), while the engine's own
 * manager still does; and another district's task is still refused, with a group that has
 * no authorization among the user's groups.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnfilteredGroupsAuthorizationManagerTest {

	static final String PROBE = "engine-authorization-probe";

	/**
	 * MyBatis statements run on this thread while recording (the ids end with the
	 * engine's statement names).
	 */
	static final ThreadLocal<List<String>> STATEMENTS = new ThreadLocal<>();

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	ProcessEngineConfigurationImpl configuration;

	String deployment;

	Task own;

	Task other;

	@BeforeAll
	void probeTasksOfTwoDistricts() {
		configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		// each command opens a new MyBatis session, whose executor this interceptor wraps
		// from now on
		configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new StatementRecorder());
		deployment = repository.createDeployment()
			.name(PROBE)
			.addModelInstance(PROBE + ".bpmn",
					Bpmn.createExecutableProcess(PROBE)
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.userTask("work")
						.camundaCandidateGroups("${group}")
						.endEvent()
						.done())
			.deploy()
			.getId();
		String mine = runtime.startProcessInstanceByKey(PROBE, Map.of("group", "district-4201")).getId();
		String theirs = runtime.startProcessInstanceByKey(PROBE, Map.of("group", "district-4202")).getId();
		own = tasks.createTaskQuery().processInstanceId(mine).singleResult();
		other = tasks.createTaskQuery().processInstanceId(theirs).singleResult();
	}

	@AfterAll
	void removeProbe() {
		identity.clearAuthentication();
		repository.deleteDeployment(deployment, true);
	}

	@Test
	void theEngineOpensTheAuthorizationSessionFromThePluginsFactory() {
		AuthorizationManager manager = configuration.getCommandExecutorTxRequired()
			.execute(context -> context.getAuthorizationManager());
		assertThat(manager).isExactlyInstanceOf(UnfilteredGroupsAuthorizationManager.class);
		assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
		assertThat(configuration.isAuthorizationEnabled()).isTrue();
		// "never" is safe only while nothing revokes: Raingan creates grants and global
		// grants only
		assertThat(jdbc.queryForObject("select count(*) from act_ru_authorization where type_ = 2", Integer.class))
			.as("REVOKE authorizations")
			.isZero();
	}

	@Test
	void anOfficersCommandsRunNoScanOfTheAuthorizationTableAndAnotherDistrictStaysRefused() {
		List<String> statements = recording(() -> {
			// a group with no authorization row among the user's groups changes nothing
			identity.setAuthentication("str4201", List.of("district-4201", "group-without-authorizations"));
			try {
				assertThat(tasks.createTaskQuery().processDefinitionKey(PROBE).list()).extracting(Task::getId)
					.containsExactly(own.getId());
				assertThat(tasks.createTaskQuery().taskId(other.getId()).count()).isZero();
				assertThatThrownBy(() -> tasks.getVariables(other.getId())).isInstanceOf(AuthorizationException.class);
				assertThatThrownBy(() -> tasks.complete(other.getId())).isInstanceOf(AuthorizationException.class);
				assertThatThrownBy(() -> runtime.getVariables(other.getProcessInstanceId()))
					.isInstanceOf(AuthorizationException.class);
				assertThat(tasks.getVariables(own.getId())).containsEntry("group", "district-4201");
			}
			finally {
				identity.clearAuthentication();
			}
		});
		// the recorder saw the checks (so an empty list would not pass) ...
		assertThat(statements).anyMatch(id -> id.endsWith(".selectTaskByQueryCriteria"));
		assertThat(statements).anyMatch(id -> id.endsWith(".isUserAuthorizedForResource"));
		// ... and neither once-per-command lookup
		assertThat(statements).noneMatch(id -> id.endsWith(".selectAuthorizedGroupIds"));
		assertThat(statements).noneMatch(id -> id.endsWith(".selectRevokeAuthorization"));

		// a user whose groups have no authorization at all sees nothing
		identity.setAuthentication("cdd01", List.of("department"));
		try {
			assertThat(tasks.createTaskQuery().processDefinitionKey(PROBE).count()).isZero();
		}
		finally {
			identity.clearAuthentication();
		}
		// the owner still completes their own task
		identity.setAuthentication("str4201", List.of("district-4201"));
		try {
			tasks.complete(own.getId());
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(own.getProcessInstanceId()).count()).isZero();
	}

	/**
	 * The engine's own manager still runs the scan: what the replacement saves, and proof
	 * the recorder sees it.
	 */
	@Test
	void theEnginesOwnManagerScansTheAuthorizationTable() {
		List<String> statements = recording(() -> {
			List<String> filtered = configuration.getCommandExecutorTxRequired()
				.execute((Command<List<String>>) context -> new AuthorizationManager()
					.filterAuthenticatedGroupIds(List.of("district-4201", "group-without-authorizations")));
			assertThat(filtered).containsExactly("district-4201");
			List<String> unfiltered = configuration.getCommandExecutorTxRequired()
				.execute((Command<List<String>>) context -> context.getAuthorizationManager()
					.filterAuthenticatedGroupIds(
							List.of("district-4201", "group-without-authorizations", "district-4201")));
			assertThat(unfiltered).containsExactly("district-4201", "group-without-authorizations");
		});
		assertThat(statements).filteredOn(id -> id.endsWith(".selectAuthorizedGroupIds")).hasSize(1);
	}

	private static List<String> recording(Runnable work) {
		List<String> statements = new ArrayList<>();
		STATEMENTS.set(statements);
		try {
			work.run();
		}
		finally {
			STATEMENTS.remove();
		}
		return statements;
	}

	@Intercepts({
			@Signature(type = Executor.class, method = "query",
					args = { MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class }),
			@Signature(type = Executor.class, method = "update", args = { MappedStatement.class, Object.class }) })
	static class StatementRecorder implements Interceptor {

		@Override
		public Object intercept(Invocation invocation) throws Throwable {
			List<String> statements = STATEMENTS.get();
			if (statements != null) {
				statements.add(((MappedStatement) invocation.getArgs()[0]).getId());
			}
			return invocation.proceed();
		}

	}

}
