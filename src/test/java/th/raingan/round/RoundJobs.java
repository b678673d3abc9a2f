package th.raingan.round;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The job executor's part of opening a round, for tests that run with the job executor
 * off: the round's jobs start one {@code district-round} per office, whose jobs start the
 * reports.
 */
public final class RoundJobs {

	private RoundJobs() {
	}

	/** Runs the opening jobs; returns the offices' {@code district-round} instances. */
	public static List<ProcessInstance> startReports(ManagementService management, RuntimeService runtime,
			String roundInstanceId) {
		executeMessages(management, roundInstanceId);
		List<ProcessInstance> offices = runtime.createProcessInstanceQuery()
			.superProcessInstanceId(roundInstanceId)
			.list();
		offices.forEach(office -> executeMessages(management, office.getId()));
		return offices;
	}

	/**
	 * Runs the continuations after ended reports (or offices), as the job executor would.
	 */
	public static void finishEndedReports(ManagementService management, String processInstanceId) {
		executeMessages(management, processInstanceId);
	}

	private static void executeMessages(ManagementService management, String processInstanceId) {
		management.createJobQuery()
			.processInstanceId(processInstanceId)
			.messages()
			.list()
			.forEach(job -> management.executeJob(job.getId()));
	}

}
