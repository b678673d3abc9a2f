package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.org.CurrentUser;
import th.raingan.org.People;
import th.raingan.org.Routing;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;
import th.raingan.thai.SafeText;

/**
 * {@code Task_RecordDecision}: the province's decision on the submitted version. A return
 * needs a reason, which the officer then sees on the draft; the revision count goes up.
 * An approval locks the report.
 */
@Component("recordDecisionDelegate")
class RecordDecisionDelegate implements JavaDelegate {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final ReasonedDecision RETURN = new ReasonedDecision("บันทึกผลการพิจารณาไม่ได้:",
			"เหตุผลที่ส่งกลับแก้ไข", "ต้องระบุเหตุผลให้อำเภอทราบว่าต้องแก้ไขอะไร");

	private final ReportService reports;

	private final ReportTracker tracker;

	private final IdentityService identity;

	private final People people;

	private final ReportVersions versions;

	private final FieldComments comments;

	private final ReportFacts facts;

	private final Routing routing;

	RecordDecisionDelegate(ReportService reports, ReportTracker tracker, IdentityService identity, People people,
			ReportVersions versions, FieldComments comments, ReportFacts facts, Routing routing) {
		this.facts = facts;
		this.routing = routing;
		this.reports = reports;
		this.tracker = tracker;
		this.identity = identity;
		this.people = people;
		this.versions = versions;
		this.comments = comments;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object decision = execution.getVariable(REVIEW_DECISION);
		// only the province's reviewers of this report's own office decide it, whatever
		// the task's candidate group became
		routing.refusal(routing.reviewGroup(facts.office(execution)), "ผู้พิจารณา").ifPresent(problem -> {
			throw new ReportRefused("บันทึกผลการพิจารณาไม่ได้:", List.of(problem));
		});
		// the version decided is this report's latest submitted one
		// (raingan.report_version by the business key), never one a variable names
		long versionId = versions.awaitingDecision(execution.getProcessBusinessKey())
			.map(ReportVersions.Version::id)
			.orElseThrow(() -> new ReportRefused("บันทึกผลการพิจารณาไม่ได้:",
					List.of("รายงานฉบับที่พิจารณา: รายงานนี้ไม่มีฉบับที่รอการพิจารณา")));
		ReportFacts.refuseIfDiffers("บันทึกผลการพิจารณาไม่ได้:", "รายงานฉบับที่พิจารณา (reportVersionId)",
				execution.getVariable(REPORT_VERSION_ID), versionId);
		String reviewer = CurrentUser.id(identity);
		Date now = Clock.now();
		if (DECISION_APPROVE.equals(decision)) {
			List<FieldComments.Comment> typed = FieldComments.parse(execution.getVariable(REVIEW_COMMENTS), true,
					Integer.MAX_VALUE);
			if (!typed.isEmpty()) {
				// what the reviewer typed is not dropped unseen: comments go to the
				// district only with a return
				throw new ReportRefused("บันทึกผลการพิจารณาไม่ได้:", List.of("ความเห็นรายช่อง: มีความเห็น "
						+ typed.size()
						+ " รายการ ซึ่งจะส่งถึงอำเภอเฉพาะเมื่อส่งกลับแก้ไข กรุณากด \"ส่งกลับแก้ไข\" หรือลบความเห็นก่อนอนุมัติ"));
			}
			reports.approve(versionId, reviewer, now);
			tracker.status(execution.getProcessBusinessKey(), ReportService.STATUS_APPROVED);
			// the gateway's condition, read in this transaction: never stored
			execution.setVariable(APPROVED, org.camunda.bpm.engine.variable.Variables.booleanValue(true, true));
		}
		else if (DECISION_RETURN.equals(decision)) {
			String reason = RETURN.reason(execution.getVariable(RETURN_REASON));
			boolean evaluation = facts.assignment(execution).evaluationRequired();
			List<FieldComments.Comment> said = FieldComments.parse(execution.getVariable(REVIEW_COMMENTS), evaluation,
					versions.areas(versionId).size());
			reports.returnForRevision(versionId, reviewer, now, reason);
			comments.save(versionId, said);
			ReportValues.setOrRemove(execution, RETURN_COMMENTS,
					said.isEmpty() ? null : SpinValues
						.jsonValue(JSON.valueToTree(said.stream().map(FieldComments.Comment::json).toList()).toString())
						.create());
			tracker.status(execution.getProcessBusinessKey(), ReportService.STATUS_RETURNED);
			int revision = ((Number) execution.getVariable(REVISION)).intValue();
			String entry = "ครั้งที่ " + revision + " (" + BuddhistDates.format(Clock.today()) + " โดย "
					+ SafeText.markdown(people.displayName(reviewer)) + "): "
					+ SafeText.markdown(reason).replace("\n", "  \n")
					+ said.stream()
						.map(c -> "  \n· " + SafeText.markdown(c.label() + ": " + c.text()).replace("\n", " "))
						.reduce("", String::concat);
			execution.setVariable(RETURN_HISTORY,
					ReasonedDecision.inFront(execution.getVariable(RETURN_HISTORY), entry));
			execution.setVariable(REVISION, revision + 1);
			execution.setVariable(APPROVED, org.camunda.bpm.engine.variable.Variables.booleanValue(false, true));
		}
		else {
			throw RETURN.noDecision("ผลการพิจารณา", "\"อนุมัติ\" หรือ \"ส่งกลับแก้ไข\"");
		}
		// the next review starts with a clean decision
		execution.removeVariable(REVIEW_DECISION);
		execution.removeVariable(RETURN_REASON);
		execution.removeVariable(REVIEW_COMMENTS);
	}

}
