package th.raingan.report;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import th.raingan.project.Assignment;
import th.raingan.project.DeadlineRule;
import th.raingan.project.ProjectCatalog;
import th.raingan.project.ReportSchedule;
import th.raingan.thai.Clock;

/**
 * What the server decides a district report by, read from the report's own row
 * ({@code raingan.report}, by the process's business key, written when the round opened
 * the report) and its assignment ({@code raingan.assignment}): its office, round,
 * assignment, due date and what it must contain. Never from the variables of the same
 * names: a completion stores every variable it sends, so those are at best a copy for the
 * forms. The BPMN's candidate groups, the draft's due date and the timers call this bean
 * ({@code ${reportFacts.office(execution)}}, {@code ${reportFacts.dueDate(execution)}}).
 */
@Component("reportFacts")
public class ReportFacts {

	private final ReportTracker tracker;

	private final ProjectCatalog catalog;

	ReportFacts(ReportTracker tracker, ProjectCatalog catalog) {
		this.tracker = tracker;
		this.catalog = catalog;
	}

	/** The report's row, by its business key. */
	public ReportTracker.Tracked tracked(DelegateExecution execution) {
		return tracked(execution.getProcessBusinessKey());
	}

	public ReportTracker.Tracked tracked(String businessKey) {
		return tracker.find(businessKey)
			.orElseThrow(() -> new IllegalStateException("no report row for " + businessKey));
	}

	/** The office the report belongs to (its candidate groups follow from it). */
	public String office(DelegateExecution execution) {
		return tracked(execution).officeCode();
	}

	/** The report's due date, end of day (the draft task's due date and its timers). */
	public Date dueDate(DelegateExecution execution) {
		LocalDate due = tracked(execution).dueDate();
		return due == null ? null : Clock.endOfDay(due);
	}

	/** The assignment the report answers, as the table has it now. */
	public Assignment assignment(DelegateExecution execution) {
		long id = tracked(execution).assignmentId();
		return catalog.assignment(id).orElseThrow(() -> new IllegalStateException("no assignment " + id));
	}

	/**
	 * Refuses a variable that names another report's fact than the row's: it can only
	 * have come from a sender, not from the server.
	 */
	public static void refuseIfDiffers(String heading, String label, Object sent, Object held) {
		if (sent != null && !String.valueOf(sent).equals(String.valueOf(held))) {
			throw new ReportRefused(heading, List.of(label + ": ค่าที่ส่งมา (" + sent
					+ ") ไม่ตรงกับที่ระบบบันทึกไว้สำหรับรายงานนี้ ระบบไม่รับค่าที่เปลี่ยนจากภายนอก"));
		}
	}

	/**
	 * The rule by which the report's due date counts from the activity's end, if it does
	 * in this round: the assignment's rule, only in the round the activity ends in.
	 */
	public Optional<DeadlineRule> activityEndRule(String businessKey) {
		ReportTracker.Tracked report = tracked(businessKey);
		Optional<Assignment> assignment = catalog.assignment(report.assignmentId());
		if (assignment.isEmpty() || !assignment.get().deadlineRule().countsFromActivityEnd()
				|| !ReportSchedule.isFinalRound(assignment.get(), ReportValues.roundNo(report.roundKey()))) {
			return Optional.empty();
		}
		return Optional.of(assignment.get().deadlineRule());
	}

	/**
	 * The due date counted from an activity's end under the report's rule, if its rule
	 * counts from it in this round.
	 */
	public Optional<LocalDate> dueAfterActivityEnd(String businessKey, LocalDate activityEnd) {
		if (activityEnd == null) {
			return Optional.empty();
		}
		LocalDate due = tracked(businessKey).dueDate();
		return activityEndRule(businessKey).map(rule -> rule.dueDate(due, Optional.of(activityEnd)));
	}

}
