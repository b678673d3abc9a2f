package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import th.raingan.org.CurrentUser;
import th.raingan.project.DeadlineRule;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/** {@code Task_SubmitReport}: stores the checked draft as a new version, time-stamped and flagged on time or late. */
@Component("submitReportDelegate")
class SubmitReportDelegate implements JavaDelegate {

	private final ReportService reports;

	private final ReportTracker tracker;

	private final IdentityService identity;

	private final th.raingan.attachment.AttachmentService attachments;

	SubmitReportDelegate(ReportService reports, ReportTracker tracker, IdentityService identity,
			th.raingan.attachment.AttachmentService attachments) {
		this.reports = reports;
		this.tracker = tracker;
		this.identity = identity;
		this.attachments = attachments;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReportDraft draft = (ReportDraft) execution.getVariable(ValidateReportDelegate.VALIDATED_DRAFT);
		Date now = Clock.now();
		LocalDate dueDay = dueDate(execution, draft);
		boolean onTime = ReportService.onTime(now, dueDay);
		String user = CurrentUser.id(identity);
		int revision = ((Number) execution.getVariable(REVISION)).intValue();
		long versionId = reports.submit(new ReportVersions.Submission(execution.getProcessBusinessKey(),
				((Number) execution.getVariable(ASSIGNMENT_ID)).longValue(), (String) execution.getVariable(ROUND_KEY),
				revision, dueDay, now, user, onTime, draft));
		attachments.attachToVersion(execution.getProcessBusinessKey(), versionId);
		execution.setVariable(REPORT_VERSION_ID, versionId);
		execution.setVariable(SUBMITTED_AT, now);
		execution.setVariable(SUBMITTED_BY, user);
		execution.setVariable(ON_TIME, onTime);
		execution.setVariable(SUBMISSION_TEXT, "ส่งครั้งที่ " + revision + " เมื่อ "
				+ BuddhistDates.format(Clock.day(now)) + " โดย " + user
				+ (onTime ? " (ตรงตามกำหนด)" : " (ส่งล่าช้า เกินกำหนด " + BuddhistDates.format(dueDay) + ")"));
		execution.setVariable(CONFIRM_SUBMIT, false);
		tracker.status(execution.getProcessBusinessKey(), ReportService.STATUS_SUBMITTED);
	}

	/**
	 * The due date under the project's rule, now that the officer has entered the activity's end date ("N days
	 * after the activity ends" moves with it); kept on the report so that a returned draft shows it.
	 */
	private LocalDate dueDate(DelegateExecution execution, ReportDraft draft) {
		Date due = (Date) execution.getVariable(DUE_DATE);
		Date roundDeadline = (Date) execution.getVariable(ROUND_DEADLINE);
		Object rule = execution.getVariable(DEADLINE_RULE);
		if (roundDeadline == null || rule == null) {
			return due == null ? null : Clock.day(due);
		}
		LocalDate moved = DeadlineRule.parse(rule.toString())
			.dueDate(Clock.day(roundDeadline), java.util.Optional.of(draft.endDate()));
		execution.setVariable(DUE_DATE, Clock.endOfDay(moved));
		execution.setVariable(DUE_DATE_TEXT, BuddhistDates.formatLong(moved));
		tracker.dueDate(execution.getProcessBusinessKey(), moved);
		return moved;
	}

}
