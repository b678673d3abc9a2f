package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import th.raingan.project.DeadlineRule;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;
import th.raingan.thai.SafeText;

/**
 * {@code Task_RecordNotHeld}: the officer reported "ยังไม่ได้ดำเนินการ" with a reason and
 * a planned date. The report is on record as not held, the province sees the reason, and
 * the due date follows the plan: N days after the planned date for a rule counted from
 * the activity's end, otherwise the planned date when it is later than the report's due
 * date. The process goes back to the draft, whose timers are then set from the new due
 * date: no reminder or escalation before it.
 */
@Component("recordNotHeldDelegate")
class RecordNotHeldDelegate implements JavaDelegate {

	private final ReportTracker tracker;

	private final OverdueReportAccess access;

	private final ReportFacts facts;

	RecordNotHeldDelegate(ReportTracker tracker, OverdueReportAccess access, ReportFacts facts) {
		this.facts = facts;
		this.tracker = tracker;
		this.access = access;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReportValidator.NotHeld notHeld = (ReportValidator.NotHeld) execution
			.getVariable(ValidateReportDelegate.VALIDATED_NOT_HELD);
		LocalDate due = dueDate(facts, execution.getProcessBusinessKey(), notHeld.plannedDate());
		tracker.notHeld(execution.getProcessBusinessKey(), notHeld.reason(), notHeld.plannedDate(), due);
		execution.setVariable(DUE_DATE, Clock.endOfDay(due));
		execution.setVariable(DUE_DATE_TEXT, BuddhistDates.formatLong(due));
		execution.setVariable(NOT_HELD_TEXT,
				"อำเภอแจ้งเมื่อ " + BuddhistDates.format(Clock.today()) + " ว่ายังไม่ได้ดำเนินการ เหตุผล: "
						+ SafeText.markdown(notHeld.reason()) + " · คาดว่าจะดำเนินการแล้วเสร็จ "
						+ BuddhistDates.formatLong(notHeld.plannedDate()) + " · กำหนดส่งใหม่ "
						+ BuddhistDates.formatLong(due));
		execution.setVariable(CONFIRM_SUBMIT, false);
		// the province may open the report in Cockpit from its dashboard to read the
		// reason
		access.grantProvince(execution.getProcessInstanceId(), facts.tracked(execution).provinceCode());
	}

	/**
	 * The rule is the assignment's and the current due date the report's row
	 * ({@link ReportFacts}), never the variables a completion may have sent.
	 */
	static LocalDate dueDate(ReportFacts facts, String businessKey, LocalDate planned) {
		Optional<DeadlineRule> rule = facts.activityEndRule(businessKey);
		if (rule.isPresent()) {
			return rule.get().dueDate(planned, Optional.of(planned));
		}
		LocalDate current = facts.tracked(businessKey).dueDate();
		LocalDate due = current == null ? planned : current;
		return planned.isAfter(due) ? planned : due;
	}

}
