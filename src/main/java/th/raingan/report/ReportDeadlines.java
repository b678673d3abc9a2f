package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import th.raingan.engine.AsEngine;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/**
 * Moves a report's due date while it is open: "N days after the activity" counts from the
 * planned end until the officer enters the actual end. The process variable, the report's
 * row, the draft task's due date and its reminder and due-date timers
 * ({@code ManagementService.recalculateJobDuedate}, which re-evaluates the timers'
 * expressions over the row's due date, {@link ReportFacts#dueDate}) all follow.
 */
@Service
public class ReportDeadlines {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	private final IdentityService identity;

	private final ReportTracker tracker;

	private final ReportFacts facts;

	ReportDeadlines(RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identity,
			ReportTracker tracker, ReportFacts facts) {
		this.facts = facts;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.identity = identity;
		this.tracker = tracker;
	}

	/**
	 * The officer entered the activity's actual end (on submission, or when the draft is
	 * saved): a report due "N days after the activity" in this round is now due N days
	 * after that end. Returns the new due date, or empty when the report's rule does not
	 * count from the activity's end (nothing changes then).
	 */
	public Optional<LocalDate> activityEndEntered(String processInstanceId, LocalDate actualEnd) {
		String businessKey = asSystem(() -> runtime.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult()
			.getBusinessKey());
		// the rule is the assignment's and the due date the report's row (ReportFacts),
		// not the variables a completion may have sent
		Optional<LocalDate> due = facts.dueAfterActivityEnd(businessKey, actualEnd);
		LocalDate current = facts.tracked(businessKey).dueDate();
		due.filter(d -> !d.equals(current)).ifPresent(d -> moveDueDate(processInstanceId, d));
		return due;
	}

	/** Sets the report's due date and moves its open draft task and timers with it. */
	public void moveDueDate(String processInstanceId, LocalDate due) {
		asSystem(() -> {
			runtime.setVariable(processInstanceId, DUE_DATE, Clock.endOfDay(due));
			runtime.setVariable(processInstanceId, DUE_DATE_TEXT, BuddhistDates.formatLong(due));
			String businessKey = runtime.createProcessInstanceQuery()
				.processInstanceId(processInstanceId)
				.singleResult()
				.getBusinessKey();
			tracker.dueDate(businessKey, due);
			Task draft = tasks.createTaskQuery()
				.processInstanceId(processInstanceId)
				.taskDefinitionKey(TASK_DISTRICT_DRAFT)
				.singleResult();
			if (draft != null) {
				draft.setDueDate(Clock.endOfDay(due));
				tasks.saveTask(draft);
			}
			for (String timer : List.of(TIMER_REMINDER_BEFORE_DUE, TIMER_DUE_DATE_PASSED)) {
				for (Job job : management.createJobQuery()
					.processInstanceId(processInstanceId)
					.activityId(timer)
					.list()) {
					management.recalculateJobDuedate(job.getId(), false);
				}
			}
			return null;
		});
	}

	/**
	 * The system moves the dates on its own behalf: a candidate group may work on its
	 * task, not reschedule it.
	 */
	private <T> T asSystem(java.util.function.Supplier<T> work) {
		return AsEngine.call(identity, work);
	}

}
