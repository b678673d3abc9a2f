package th.raingan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import th.raingan.deadline.DeadlineFlowBeans;
import th.raingan.deadline.DigestService;

/**
 * {@code daily-digest} on the plain engine with its real delegates: each morning's timer,
 * one mail job per office.
 */
@Deployment(resources = "processes/daily-digest.bpmn")
class DailyDigestFlowTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = Flows.engine();

	@RegisterExtension
	static Flows.LeavesNoEngineRegistered leavesNoEngineRegistered = new Flows.LeavesNoEngineRegistered();

	ProcessEngine engine;

	/** The reminders waiting in the table and the mail: the only thing mocked. */
	final DigestService digests = mock(DigestService.class);

	@BeforeEach
	void delegates() {
		BpmnAwareTests.init(engine);
		when(digests.officesWithPendingReminders()).thenReturn(List.of("4201", "4202", "4203"));
		Flows.register("listDigestOfficesDelegate", DeadlineFlowBeans.listDigestOfficesDelegate(digests));
		Flows.register("sendDigestDelegate", DeadlineFlowBeans.sendDigestDelegate(digests));
	}

	@AfterEach
	void forget() {
		Flows.forget(engine);
	}

	@Test
	void everyMorningAtSevenThaiTimeOneMailPerOffice() throws Exception {
		ManagementService management = engine.getManagementService();
		Job morning = management.createJobQuery().timers().singleResult();
		// 00:00 UTC is 07:00 in Thailand
		ZonedDateTime due = Instant.ofEpochMilli(morning.getDuedate().getTime()).atZone(ZoneOffset.UTC);
		assertThat(due.getHour()).isZero();
		assertThat(due.getMinute()).isZero();

		management.executeJob(morning.getId());
		HistoricProcessInstance digest = engine.getHistoryService().createHistoricProcessInstanceQuery().singleResult();
		// one send job per office, each retried on its own
		assertThat(management.createJobQuery().activityId("Task_SendDigest").count()).isEqualTo(3);
		Flows.runAsyncJobs(management);
		// each job sends its own office's digest
		for (String office : List.of("4201", "4202", "4203")) {
			verify(digests).sendDigest(office);
		}
		verify(digests, times(3)).sendDigest(any());
		assertThat(engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(digest.getId())
			.activityId("EndEvent_DigestsSent")
			.finished()
			.count()).isOne();
		// the next morning's timer is there
		assertThat(management.createJobQuery().timers().count()).isOne();
	}

}
