package th.raingan.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;

/**
 * History rows carry their removal time from the moment they are written (strategy
 * {@code start}): a round's history needs no mass update when the round ends, and history
 * cleanup (removal-time based, the engine's default) finds them by that time. A called
 * instance inherits its root's removal time, as a report inherits its round's.
 */
@ApplicationTest
class HistoryRemovalTimeTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRunningRoundsHistoryAlreadyHasItsRemovalTime() {
		var configuration = engine.getProcessEngineConfiguration();
		assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) configuration)
			.getHistoryRemovalTimeStrategy()).isEqualTo("start");
		String deployment = repository.createDeployment()
			.name("removal-time-probe")
			.addModelInstance("removal-time-child.bpmn",
					Bpmn.createExecutableProcess("removal-time-child")
						.camundaHistoryTimeToLive(90)
						.startEvent()
						.userTask("work")
						.endEvent()
						.done())
			.addModelInstance("removal-time-root.bpmn",
					Bpmn.createExecutableProcess("removal-time-root")
						.camundaHistoryTimeToLive(1825)
						.startEvent()
						.callActivity("reports")
						.calledElement("removal-time-child")
						.camundaIn("note", "note")
						.endEvent()
						.done())
			.deploy()
			.getId();
		try {
			String root = runtime.startProcessInstanceByKey("removal-time-root", Map.of("note", "x")).getId();
			HistoricProcessInstance rootHistory = history.createHistoricProcessInstanceQuery()
				.processInstanceId(root)
				.singleResult();
			HistoricProcessInstance child = history.createHistoricProcessInstanceQuery()
				.superProcessInstanceId(root)
				.singleResult();
			// both still running, both already dated: the root's start plus the root's
			// time to live
			assertThat(rootHistory.getEndTime()).isNull();
			assertThat(child.getEndTime()).isNull();
			long expected = rootHistory.getStartTime().toInstant().plus(Duration.ofDays(1825)).toEpochMilli();
			assertThat(rootHistory.getRemovalTime().getTime()).isEqualTo(expected);
			assertThat(child.getRemovalTime().getTime()).isEqualTo(expected);
			List<Timestamp> variables = jdbc.queryForList(
					"select removal_time_ from act_hi_varinst where proc_inst_id_ in (?, ?)", Timestamp.class, root,
					child.getId());
			assertThat(variables).hasSize(2).allSatisfy(time -> assertThat(time.getTime()).isEqualTo(expected));
			assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(child.getId()).list())
				.isNotEmpty()
				.allSatisfy(activity -> assertThat(activity.getRemovalTime().getTime()).isEqualTo(expected));
		}
		finally {
			repository.deleteDeployment(deployment, true);
		}
	}

}
