package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/** {@code Task_SubmitReport}: stores the checked draft as a new version, time-stamped and flagged on time or late. */
@Component("submitReportDelegate")
class SubmitReportDelegate implements JavaDelegate {

	private final ReportService reports;

	private final IdentityService identity;

	SubmitReportDelegate(ReportService reports, IdentityService identity) {
		this.reports = reports;
		this.identity = identity;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReportDraft draft = (ReportDraft) execution.getVariable(ValidateReportDelegate.VALIDATED_DRAFT);
		Date now = Clock.now();
		Date due = (Date) execution.getVariable(DUE_DATE);
		LocalDate dueDay = due == null ? null : due.toInstant().atZone(Clock.ZONE).toLocalDate();
		boolean onTime = ReportService.onTime(now, dueDay);
		String user = currentUser(identity);
		int revision = ((Number) execution.getVariable(REVISION)).intValue();
		long versionId = reports.submit(new ReportVersions.Submission(execution.getProcessBusinessKey(),
				((Number) execution.getVariable(ASSIGNMENT_ID)).longValue(), (String) execution.getVariable(ROUND_KEY),
				revision, dueDay, now, user, onTime, draft));
		execution.setVariable(REPORT_VERSION_ID, versionId);
		execution.setVariable(SUBMITTED_AT, now);
		execution.setVariable(SUBMITTED_BY, user);
		execution.setVariable(ON_TIME, onTime);
		execution.setVariable(SUBMISSION_TEXT, "ส่งครั้งที่ " + revision + " เมื่อ "
				+ BuddhistDates.format(now.toInstant().atZone(Clock.ZONE).toLocalDate()) + " โดย " + user
				+ (onTime ? " (ตรงตามกำหนด)" : " (ส่งล่าช้า เกินกำหนด " + BuddhistDates.format(dueDay) + ")"));
		execution.setVariable(CONFIRM_SUBMIT, false);
	}

	static String currentUser(IdentityService identity) {
		Authentication authentication = identity.getCurrentAuthentication();
		return authentication == null ? "system" : authentication.getUserId();
	}

}
