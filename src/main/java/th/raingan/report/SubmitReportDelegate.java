package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import th.raingan.org.CurrentUser;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/**
 * {@code Task_SubmitReport}: stores the checked draft as a new version, time-stamped and
 * flagged on time or late.
 */
@Component("submitReportDelegate")
class SubmitReportDelegate implements JavaDelegate {

	private final ReportService reports;

	private final ReportTracker tracker;

	private final IdentityService identity;

	private final th.raingan.attachment.AttachmentService attachments;

	private final java.util.List<ReportExtension> extensions;

	private final ReportFacts facts;

	SubmitReportDelegate(ReportService reports, ReportTracker tracker, IdentityService identity,
			th.raingan.attachment.AttachmentService attachments,
			org.springframework.beans.factory.ObjectProvider<ReportExtension> extensions, ReportFacts facts) {
		this.extensions = extensions.orderedStream().toList();
		this.facts = facts;
		this.reports = reports;
		this.tracker = tracker;
		this.identity = identity;
		this.attachments = attachments;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReportDraft draft = (ReportDraft) execution.getVariable(ValidateReportDelegate.VALIDATED_DRAFT);
		// the report's round, assignment and due date are the row's, by the business key:
		// a variable sent with the completion names no other report's assignment
		ReportTracker.Tracked report = facts.tracked(execution);
		ReportFacts.refuseIfDiffers("ส่งรายงานไม่ได้:", "รายการที่ได้รับมอบหมาย (assignmentId)",
				execution.getVariable(ASSIGNMENT_ID), report.assignmentId());
		ReportFacts.refuseIfDiffers("ส่งรายงานไม่ได้:", "รอบการรายงาน (roundKey)", execution.getVariable(ROUND_KEY),
				report.roundKey());
		Date now = Clock.now();
		LocalDate dueDay = dueDate(execution, report, draft);
		boolean onTime = ReportService.onTime(now, dueDay);
		String user = CurrentUser.id(identity);
		int revision = ((Number) execution.getVariable(REVISION)).intValue();
		long versionId = reports.submit(new ReportVersions.Submission(execution.getProcessBusinessKey(),
				report.assignmentId(), report.roundKey(), revision, dueDay, now, user, onTime, draft));
		attachments.attachToVersion(execution.getProcessBusinessKey(), versionId);
		extensions.forEach(e -> e.submitted(versionId, execution.getVariables()));
		execution.setVariable(REPORT_VERSION_ID, versionId);
		// when, by whom and whether on time are the version's (raingan.report_version),
		// shown in the submission's text: not variables of their own
		execution.setVariable(SUBMISSION_TEXT,
				"ส่งครั้งที่ " + revision + " เมื่อ " + BuddhistDates.format(Clock.day(now)) + " โดย " + user
						+ (onTime ? " (ตรงตามกำหนด)" : " (ส่งล่าช้า เกินกำหนด " + BuddhistDates.format(dueDay) + ")"));
		execution.setVariable(CONFIRM_SUBMIT, false);
		spending(execution, draft);
		tracker.status(execution.getProcessBusinessKey(), ReportService.STATUS_SUBMITTED);
	}

	/**
	 * The due date under the report's rule, now that the officer has entered the
	 * activity's end date ("N days after the activity ends" moves with it, in the round
	 * the activity ends in); kept on the report so that a returned draft shows it. The
	 * due date and the rule are the report's row and its assignment's, never the
	 * {@code dueDate} variable: on time or late is the server's to say.
	 */
	private LocalDate dueDate(DelegateExecution execution, ReportTracker.Tracked report, ReportDraft draft) {
		Optional<LocalDate> moved = facts.dueAfterActivityEnd(report.businessKey(), draft.endDate());
		if (moved.isEmpty()) {
			return report.dueDate();
		}
		execution.setVariable(DUE_DATE, Clock.endOfDay(moved.get()));
		execution.setVariable(DUE_DATE_TEXT, BuddhistDates.formatLong(moved.get()));
		tracker.dueDate(execution.getProcessBusinessKey(), moved.get());
		return moved.get();
	}

	/**
	 * For the reviewer: the spending beside the sum of the area expenses and the
	 * allocation, and a warning (not a refusal: the letters set no such rule) when the
	 * spending exceeds the allocation or the areas do not add up.
	 */
	static void spending(DelegateExecution execution, ReportDraft draft) {
		BigDecimal areas = draft.areas()
			.stream()
			.map(ReportDraft.Area::expenseBaht)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		Object allocationValue = execution.getVariable(ALLOCATION);
		BigDecimal allocation = allocationValue == null || allocationValue.toString().isBlank() ? null
				: new BigDecimal(allocationValue.toString());
		StringBuilder text = new StringBuilder("ผลการใช้จ่าย ").append(baht(draft.spentBaht()));
		if (!draft.areas().isEmpty()) {
			text.append(" · ค่าใช้จ่ายรวมของพื้นที่ (")
				.append(draft.areas().size())
				.append(" แห่ง) ")
				.append(baht(areas));
		}
		text.append(" · งบประมาณที่ได้รับจัดสรร ").append(allocation == null ? "ไม่ได้ระบุ" : baht(allocation));
		execution.setVariable(SPENDING_TEXT, text.toString());
		StringBuilder warning = new StringBuilder();
		if (allocation != null && draft.spentBaht().compareTo(allocation) > 0) {
			warning.append("ผลการใช้จ่าย ")
				.append(baht(draft.spentBaht()))
				.append(" สูงกว่างบประมาณที่ได้รับจัดสรร ")
				.append(baht(allocation))
				.append(" อยู่ ")
				.append(baht(draft.spentBaht().subtract(allocation)));
		}
		if (!draft.areas().isEmpty() && areas.compareTo(draft.spentBaht()) != 0) {
			warning.append(warning.isEmpty() ? "" : " · ")
				.append("ค่าใช้จ่ายรวมของพื้นที่ ")
				.append(baht(areas))
				.append(" ไม่เท่ากับผลการใช้จ่าย ")
				.append(baht(draft.spentBaht()));
		}
		ReportValues.setOrRemove(execution, SPENDING_WARNING, warning.isEmpty() ? null : warning.toString());
	}

	private static String baht(BigDecimal amount) {
		return new java.text.DecimalFormat("#,##0.##",
				java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
			.format(amount) + " บาท";
	}

}
