package th.raingan.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.raingan.ApplicationTest;

/**
 * The engine's tables have the indexes Raingan adds once the application has started:
 * task by parent, job by due date (the job executor's acquisition), authorization by
 * user.
 */
@ApplicationTest
class EngineIndexesTest {

	@Autowired
	DataSource dataSource;

	@Test
	void theLookupsThatGrowWithOpenReportsHaveTheirIndexes() throws Exception {
		List<String> indexedColumns = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			// H2 keeps unquoted names in upper case, PostgreSQL in lower case
			for (String table : List.of("ACT_RU_TASK", "act_ru_task", "ACT_RU_JOB", "act_ru_job",
					"ACT_RU_AUTHORIZATION", "act_ru_authorization")) {
				try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
					while (rs.next()) {
						if (rs.getString("COLUMN_NAME") != null) {
							indexedColumns.add(rs.getString("INDEX_NAME").toLowerCase() + ":"
									+ rs.getString("COLUMN_NAME").toLowerCase());
						}
					}
				}
			}
		}
		assertThat(indexedColumns).contains(EngineIndexes.TASK_PARENT + ":parent_task_id_",
				EngineIndexes.JOB_DUE_DATE + ":duedate_", EngineIndexes.AUTHORIZATION_USER + ":user_id_");
	}

}
