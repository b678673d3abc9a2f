package th.raingan.database;

import java.sql.Connection;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks for a round of tens of thousands of open reports
 * (measured in BENCHMARK.md, decisions in docs/requirements/performance.md), each a
 * sequential scan of a table that grows with the nation's open reports:
 * <ul>
 * <li>completing a task looks up its subtasks by {@code ACT_RU_TASK.PARENT_TASK_ID_}:
 * with 35,000 open tasks each completion read the whole table (13 ms);</li>
 * <li>the job executor's acquisition asks for jobs due by now ({@code DUEDATE_ is null or
 * DUEDATE_ <= ?}) every time a job is added and whenever it polls: with two deadline
 * timers per open report (70,000 rows) it read the whole job table, 155 ms, 0.08 ms with
 * the index;</li>
 * <li>every authorization check that names the user ({@code USER_ID_ in (?, '*') or
 * GROUP_ID_ in (...)}: the filters of Tasklist's list, the task's form, ...) read the
 * whole authorization table (one row per open task) because {@code USER_ID_} has no index
 * of its own: 23 ms, 0.2 ms with it.</li>
 * </ul>
 * Created once the engine has created its tables; on PostgreSQL without blocking writes.
 */
@Component
class EngineIndexes {

	private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

	static final String TASK_PARENT = "raingan_idx_task_parent";

	static final String JOB_DUE_DATE = "raingan_idx_job_duedate";

	static final String AUTHORIZATION_USER = "raingan_idx_auth_user";

	EngineIndexes(ProcessEngine engine, DataSource dataSource) throws Exception {
		// the engine (a constructor argument) has created or updated its schema by now
		boolean postgres;
		try (Connection connection = dataSource.getConnection()) {
			postgres = connection.getMetaData().getURL().startsWith("jdbc:postgresql:");
		}
		String concurrently = postgres ? "concurrently " : "";
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute(
				"create index " + concurrently + "if not exists " + TASK_PARENT + " on act_ru_task (parent_task_id_)");
		jdbc.execute("create index " + concurrently + "if not exists " + JOB_DUE_DATE + " on act_ru_job (duedate_)");
		jdbc.execute("create index " + concurrently + "if not exists " + AUTHORIZATION_USER
				+ " on act_ru_authorization (user_id_)");
		log.debug("Indexes {}, {}, {} in place (engine {})", TASK_PARENT, JOB_DUE_DATE, AUTHORIZATION_USER,
				engine.getName());
	}

}
