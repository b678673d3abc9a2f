package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.Date;
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

	RecordNotHeldDelegate(ReportTracker tracker, OverdueReportAccess access) {
		this.tracker = tracker;
		this.access = access;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReportValidator.NotHeld notHeld = (ReportValidator.NotHeld) execution
			.getVariable(ValidateReportDelegate.VALIDATED_NOT_HELD);
		LocalDate due = dueDate(execution, notHeld.plannedDate());
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
		access.grantProvince(execution.getProcessInstanceId(),
				ReportValues.provinceCode(ReportValues.roundKey(execution)));
	}

	static LocalDate dueDate(DelegateExecution execution, LocalDate planned) {
		Object rule = execution.getVariable(DEADLINE_RULE);
		Date current = (Date) execution.getVariable(DUE_DATE);
		if (rule != null && DeadlineRule.parse(rule.toString()).countsFromActivityEnd()
				&& !Boolean.FALSE.equals(execution.getVariable(DUE_FOLLOWS_ACTIVITY_END))) {
			return DeadlineRule.parse(rule.toString()).dueDate(planned, Optional.of(planned));
		}
		LocalDate due = current == null ? planned : Clock.day(current);
		return planned.isAfter(due) ? planned : due;
	}

}
