package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import th.raingan.org.CurrentUser;
import th.raingan.org.People;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/**
 * {@code Task_RecordDecision}: the province's decision on the submitted version. A return needs a reason, which
 * the officer then sees on the draft; the revision count goes up. An approval locks the report.
 */
@Component("recordDecisionDelegate")
class RecordDecisionDelegate implements JavaDelegate {

	private static final ReasonedDecision RETURN = new ReasonedDecision("บันทึกผลการพิจารณาไม่ได้:",
			"เหตุผลที่ส่งกลับแก้ไข", "ต้องระบุเหตุผลให้อำเภอทราบว่าต้องแก้ไขอะไร");

	private final ReportService reports;

	private final ReportTracker tracker;

	private final IdentityService identity;

	private final People people;

	RecordDecisionDelegate(ReportService reports, ReportTracker tracker, IdentityService identity, People people) {
		this.reports = reports;
		this.tracker = tracker;
		this.identity = identity;
		this.people = people;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object decision = execution.getVariable(REVIEW_DECISION);
		long versionId = ((Number) execution.getVariable(REPORT_VERSION_ID)).longValue();
		String reviewer = CurrentUser.id(identity);
		Date now = Clock.now();
		if (DECISION_APPROVE.equals(decision)) {
			reports.approve(versionId, reviewer, now);
			tracker.status(execution.getProcessBusinessKey(), ReportService.STATUS_APPROVED);
			execution.setVariable(APPROVED, true);
		}
		else if (DECISION_RETURN.equals(decision)) {
			String reason = RETURN.reason(execution.getVariable(RETURN_REASON));
			reports.returnForRevision(versionId, reviewer, now, reason);
			tracker.status(execution.getProcessBusinessKey(), ReportService.STATUS_RETURNED);
			int revision = ((Number) execution.getVariable(REVISION)).intValue();
			String entry = "ครั้งที่ " + revision + " (" + BuddhistDates.format(Clock.today()) + " โดย " + people.displayName(reviewer) + "): "
					+ MarkdownText.escape(reason).replace("\n", "  \n");
			execution.setVariable(RETURN_HISTORY, ReasonedDecision.inFront(execution.getVariable(RETURN_HISTORY), entry));
			execution.setVariable(REVISION, revision + 1);
			execution.setVariable(APPROVED, false);
		}
		else {
			throw RETURN.noDecision("ผลการพิจารณา", "\"อนุมัติ\" หรือ \"ส่งกลับแก้ไข\"");
		}
		// the next review starts with a clean decision
		execution.removeVariable(REVIEW_DECISION);
		execution.removeVariable(RETURN_REASON);
	}

}
