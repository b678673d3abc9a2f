package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import th.raingan.thai.Clock;
import th.raingan.thai.FiscalYear;

/**
 * {@code Task_ValidateReport}: checks the draft on the server; a refusal rolls the whole completion back. An
 * activity reported as not yet held needs its reason and planned date only; a held one the report, with part 2
 * only where the assignment asks for area data.
 */
@Component("validateReportDelegate")
class ValidateReportDelegate implements JavaDelegate {

	/** The checked draft, handed to the submission in the same transaction and never stored. */
	static final String VALIDATED_DRAFT = "validatedDraft";

	/** The checked not-held report, handed to {@code Task_RecordNotHeld} in the same transaction. */
	static final String VALIDATED_NOT_HELD = "validatedNotHeld";

	private final th.raingan.evaluation.EvaluationReports evaluation;

	ValidateReportDelegate(th.raingan.evaluation.EvaluationReports evaluation) {
		this.evaluation = evaluation;
	}

	@Override
	public void execute(DelegateExecution execution) {
		FiscalYear year = FiscalYear.of(((Number) execution.getVariable(FISCAL_YEAR)).intValue());
		if (ReportValidator.reportsNotHeld(execution.getVariables())) {
			ReportValidator.NotHeldResult result = ReportValidator.validateNotHeld(execution.getVariables(), year,
					Clock.today());
			if (!result.isValid()) {
				throw new ReportRefused("บันทึกว่ายังไม่ได้ดำเนินการไม่ได้ กรุณาแก้ไข:", result.errors());
			}
			execution.setVariable(ACTIVITY_HELD, false);
			execution.setVariable(VALIDATED_NOT_HELD, Variables.objectValue(result.notHeld(), true).create());
			return;
		}
		ReportValidator.Result result = ReportValidator.validate(execution.getVariables(),
				JsonRows.of(execution.getVariable(AREAS), "ข้อมูลเชิงพื้นที่",
						"พื้นที่ (ตำบล/หมู่บ้าน กลุ่มเป้าหมาย จำนวนคน ผลที่ได้รับ ค่าใช้จ่าย)"),
				Boolean.TRUE.equals(execution.getVariable(EVALUATION_REQUIRED)),
				!Boolean.FALSE.equals(execution.getVariable(NEEDS_AREA_DATA)), year);
		// the evaluation plan's EA4 (แบบจัดเก็บข้อมูล) file, where the activity has the data form
		java.util.List<String> ea4 = evaluation.ea4Problems(execution.getProcessBusinessKey(), execution.getVariables());
		if (!result.isValid() || !ea4.isEmpty()) {
			java.util.List<String> errors = new java.util.ArrayList<>(result.errors());
			errors.addAll(ea4);
			throw new ReportRefused("ส่งรายงานไม่ได้ กรุณาแก้ไข:", errors);
		}
		execution.setVariable(ACTIVITY_HELD, true);
		execution.setVariable(VALIDATED_DRAFT, Variables.objectValue(result.draft(), true).create());
	}

}
