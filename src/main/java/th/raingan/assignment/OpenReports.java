package th.raingan.assignment;

import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import th.raingan.report.ReportTracker;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/**
 * A change of an assignment reaches its reports that are not yet submitted: the report
 * whose draft is open (Task_DistrictDraft, also after a return) gets the new target and
 * allocation; a new deadline rule or activity end moves its due date, the task's due date
 * and its reminder and due-date timers. A report in the province's review keeps its
 * submitted version and gets the new values for when it is returned; an approved or
 * closed report keeps what it had. A withdrawn assignment closes its open draft by the
 * message {@link th.raingan.report.DistrictReportProcess#MESSAGE_ASSIGNMENT_WITHDRAWN},
 * with the reason.
 * <p>
 * The caller has decided that the user may change the province's assignments; these
 * engine calls then run without the user's own engine authorizations (a reviewer may not
 * write a district's process variables).
 */
@Component
class OpenReports {

	private static final Logger log = LoggerFactory.getLogger(OpenReports.class);

	private final AssignmentRecords records;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	private final ReportTracker tracker;

	private final th.raingan.project.ProjectCatalog catalog;

	OpenReports(AssignmentRecords records, RuntimeService runtime, TaskService tasks, ManagementService management,
			ReportTracker tracker, th.raingan.project.ProjectCatalog catalog) {
		this.records = records;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.tracker = tracker;
		this.catalog = catalog;
	}

	/**
	 * Applies an assignment's new values to its reports still running: the open draft
	 * shows them at once; a report in the province's review keeps its submitted version
	 * and finds them when it is returned. Returns how many reports took them.
	 */
	int apply(AssignmentRow before, AssignmentRow after) {
		int updated = 0;
		boolean dueMoved = before == null || !before.values().sameDueDate(after.values())
				|| !before.effectiveRule().toString().equals(after.effectiveRule().toString());
		for (Map<String, Object> report : records.openReports(after.id())) {
			String instance = (String) report.get("process_instance_id");
			if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
				continue;
			}
			AssignmentValues v = after.values();
			runtime.setVariable(instance, OFFICE_TARGET,
					v.target() == null ? null : v.target().stripTrailingZeros().toPlainString());
			runtime.setVariable(instance, ALLOCATION,
					v.allocationBaht() == null ? null : v.allocationBaht().stripTrailingZeros().toPlainString());
			runtime.setVariable(instance, EVALUATION_REQUIRED, after.effectiveEvaluation());
			catalog.assignment(after.id())
				.ifPresent(a -> runtime.setVariable(instance, NEEDS_AREA_DATA, a.needsAreaData()));
			// an activity reported as not yet held is due by the officer's plan, not by
			// the province's change
			if (dueMoved && !th.raingan.report.ReportTracker.NOT_HELD.equals(report.get("status"))) {
				moveDueDate(after, instance, openDraft(instance), (String) report.get("business_key"));
			}
			updated++;
		}
		return updated;
	}

	/**
	 * Closes the assignment's open drafts as withdrawn, with the reason; returns how
	 * many.
	 */
	int withdraw(long assignmentId, String reason) {
		int closed = 0;
		for (Map<String, Object> report : records.openReports(assignmentId)) {
			String instance = (String) report.get("process_instance_id");
			closed += runtime.createMessageCorrelation(MESSAGE_ASSIGNMENT_WITHDRAWN)
				.processInstanceId(instance)
				.setVariable(WITHDRAWN_REASON, reason)
				.correlateAllWithResult()
				.size();
		}
		return closed;
	}

	/**
	 * Whether a report of the assignment waits for the province's decision (it cannot be
	 * withdrawn then).
	 */
	boolean inReview(long assignmentId) {
		return records.openReports(assignmentId)
			.stream()
			.anyMatch(r -> tasks.createTaskQuery()
				.processInstanceId((String) r.get("process_instance_id"))
				.taskDefinitionKey(TASK_PROVINCE_REVIEW)
				.count() > 0);
	}

	private Optional<Task> openDraft(String instance) {
		return Optional.ofNullable(tasks.createTaskQuery()
			.processInstanceId(instance)
			.taskDefinitionKey(TASK_DISTRICT_DRAFT)
			.singleResult());
	}

	/**
	 * The due date under the assignment's period and rule, as the round computes it when
	 * it starts the report; a rule counted from the activity's end counts from the
	 * planned end.
	 */
	private void moveDueDate(AssignmentRow assignment, String instance, Optional<Task> openDraft, String businessKey) {
		// a report whose due date does not follow the activity's end does not carry the
		// round's deadline: its office's round (the calling instance) does
		Date roundDeadline = (Date) runtime.getVariable(instance, ROUND_DEADLINE);
		if (roundDeadline == null) {
			roundDeadline = Optional
				.ofNullable(runtime.createProcessInstanceQuery().subProcessInstanceId(instance).singleResult())
				.map(round -> (Date) runtime.getVariable(round.getId(), ROUND_DEADLINE))
				.orElse(null);
		}
		if (roundDeadline == null) {
			return;
		}
		// as the round computes it when it starts the report (ReportSchedule): by the
		// rule in the round the activity
		// ends in, by the round's deadline in an earlier round (progress so far)
		Object roundKey = runtime.getVariable(instance, ROUND_KEY);
		Object roundNo = roundKey == null ? null : th.raingan.report.ReportValues.roundNo(roundKey.toString());
		Optional<th.raingan.project.Assignment> saved = catalog.assignment(assignment.id());
		LocalDate due = saved.isPresent() && roundNo instanceof Number n
				? th.raingan.project.ReportSchedule.dueDate(saved.get(), n.intValue(), Clock.day(roundDeadline),
						Optional.empty())
				: assignment.effectiveRule()
					.dueDate(Clock.day(roundDeadline), Optional.ofNullable(assignment.values().activityEnd()));
		boolean follows = saved.filter(a -> roundNo instanceof Number)
			.map(a -> th.raingan.project.ReportSchedule.isFinalRound(a, ((Number) roundNo).intValue())
					&& a.deadlineRule().countsFromActivityEnd())
			.orElse(assignment.effectiveRule().countsFromActivityEnd());
		String oldText = (String) runtime.getVariable(instance, DUE_DATE_TEXT);
		String newText = BuddhistDates.formatLong(due);
		Date dueDate = Clock.endOfDay(due);
		// as the round hands them down (DistrictReportInputs): the rule and the round's
		// deadline only where the due date follows the activity's end
		if (follows) {
			runtime.setVariable(instance, DEADLINE_RULE, assignment.effectiveRule().toString());
			runtime.setVariable(instance, ROUND_DEADLINE, roundDeadline);
			runtime.removeVariable(instance, DUE_FOLLOWS_ACTIVITY_END);
		}
		else {
			runtime.removeVariables(instance, List.of(DEADLINE_RULE, ROUND_DEADLINE, DUE_FOLLOWS_ACTIVITY_END));
		}
		runtime.setVariable(instance, DUE_DATE, dueDate);
		runtime.setVariable(instance, DUE_DATE_TEXT, newText);
		tracker.dueDate(businessKey, due);
		// a draft not open now (the report is in review) takes the new date with its
		// timers when it is returned
		openDraft.ifPresent(draft -> {
			draft.setDueDate(dueDate);
			if (draft.getDescription() != null && oldText != null) {
				draft.setDescription(draft.getDescription().replace("กำหนดส่ง " + oldText, "กำหนดส่ง " + newText));
			}
			tasks.saveTask(draft);
			for (Job timer : management.createJobQuery().processInstanceId(instance).timers().list()) {
				management.recalculateJobDuedate(timer.getId(), false);
			}
		});
		log.info("Report {}: due {} under the province's change", businessKey, due);
	}

}
