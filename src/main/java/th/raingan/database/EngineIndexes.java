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
 * (measured in BENCHMARK.md). Completing a task looks up its subtasks by
 * {@code ACT_RU_TASK.PARENT_TASK_ID_}, which has no index: with 35,000 open tasks each
 * completion read the whole table (13 ms). Created once the engine has created its
 * tables; on PostgreSQL without blocking writes.
 */
@Component
class EngineIndexes {

	private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

	static final String TASK_PARENT = "raingan_idx_task_parent";

	EngineIndexes(ProcessEngine engine, DataSource dataSource) throws Exception {
		// the engine (a constructor argument) has created or updated its schema by now
		boolean postgres;
		try (Connection connection = dataSource.getConnection()) {
			postgres = connection.getMetaData().getURL().startsWith("jdbc:postgresql:");
		}
		String concurrently = postgres ? "concurrently " : "";
		new JdbcTemplate(dataSource).execute(
				"create index " + concurrently + "if not exists " + TASK_PARENT + " on act_ru_task (parent_task_id_)");
		log.debug("Index {} in place (engine {})", TASK_PARENT, engine.getName());
	}

}
