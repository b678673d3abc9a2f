package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import th.raingan.thai.Clock;
import th.raingan.thai.FiscalYear;

/**
 * {@code Task_ValidateReport}: checks the draft on the server; a refusal rolls the whole
 * completion back. An activity reported as not yet held needs its reason and planned date
 * only; a held one the report, with part 2 only where the assignment asks for area data.
 */
@Component("validateReportDelegate")
class ValidateReportDelegate implements JavaDelegate {

	/**
	 * The checked draft, handed to the submission in the same transaction and never
	 * stored.
	 */
	static final String VALIDATED_DRAFT = "validatedDraft";

	/**
	 * The checked not-held report, handed to {@code Task_RecordNotHeld} in the same
	 * transaction.
	 */
	static final String VALIDATED_NOT_HELD = "validatedNotHeld";

	private final java.util.List<ReportExtension> extensions;

	private final ReportFacts facts;

	ValidateReportDelegate(org.springframework.beans.factory.ObjectProvider<ReportExtension> extensions,
			ReportFacts facts) {
		this.extensions = extensions.orderedStream().toList();
		this.facts = facts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// the round and what the report must contain are the report's row and its
		// assignment's, never the variables a completion may have sent
		// (evaluationRequired=false does not skip the evaluation)
		ReportTracker.Tracked report = facts.tracked(execution);
		th.raingan.project.Assignment assignment = facts.assignment(execution);
		FiscalYear year = FiscalYear.of(ReportValues.fiscalYear(report.roundKey()));
		if (ReportValidator.reportsNotHeld(execution.getVariables())) {
			ReportValidator.NotHeldResult result = ReportValidator.validateNotHeld(execution.getVariables(), year,
					Clock.today());
			if (!result.isValid()) {
				throw new ReportRefused("บันทึกว่ายังไม่ได้ดำเนินการไม่ได้ กรุณาแก้ไข:", result.errors());
			}
			// the gateway's condition, read in this transaction: never stored
			execution.setVariable(ACTIVITY_HELD, Variables.booleanValue(false, true));
			execution.setVariable(VALIDATED_NOT_HELD, Variables.objectValue(result.notHeld(), true).create());
			return;
		}
		ReportValidator.Result result = ReportValidator.validate(execution.getVariables(),
				JsonRows.of(execution.getVariable(AREAS), "ข้อมูลเชิงพื้นที่",
						"พื้นที่ (ตำบล/หมู่บ้าน กลุ่มเป้าหมาย จำนวนคน ผลที่ได้รับ ค่าใช้จ่าย)"),
				assignment.evaluationRequired(), assignment.needsAreaData(), year,
				extensions.stream()
					.filter(e -> e.applies(execution.getVariables()))
					.map(e -> (ReportValidator.EvaluationSection) e)
					.findFirst()
					.orElse(ReportValidator.NO_SECTION));
		// what other capabilities ask before submission (th.raingan.evaluation: the EA4
		// file)
		java.util.List<String> more = extensions.stream()
			.flatMap(e -> e.beforeSubmit(execution.getProcessBusinessKey(), execution.getVariables()).stream())
			.toList();
		if (!result.isValid() || !more.isEmpty()) {
			java.util.List<String> errors = new java.util.ArrayList<>(result.errors());
			errors.addAll(more);
			throw new ReportRefused("ส่งรายงานไม่ได้ กรุณาแก้ไข:", errors);
		}
		execution.setVariable(ACTIVITY_HELD, Variables.booleanValue(true, true));
		execution.setVariable(VALIDATED_DRAFT, Variables.objectValue(result.draft(), true).create());
	}

}
