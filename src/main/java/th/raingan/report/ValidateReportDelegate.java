package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import th.raingan.thai.FiscalYear;

/** {@code Task_ValidateReport}: checks the draft on the server; a refusal rolls the whole completion back. */
@Component("validateReportDelegate")
class ValidateReportDelegate implements JavaDelegate {

	/** The checked draft, handed to the submission in the same transaction and never stored. */
	static final String VALIDATED_DRAFT = "validatedDraft";

	@Override
	public void execute(DelegateExecution execution) {
		ReportValidator.Result result = ReportValidator.validate(execution.getVariables(),
				JsonRows.of(execution.getVariable(AREAS), "ข้อมูลเชิงพื้นที่",
						"พื้นที่ (ตำบล/หมู่บ้าน กลุ่มเป้าหมาย จำนวนคน ผลที่ได้รับ ค่าใช้จ่าย)"),
				Boolean.TRUE.equals(execution.getVariable(EVALUATION_REQUIRED)),
				FiscalYear.of(((Number) execution.getVariable(FISCAL_YEAR)).intValue()));
		if (!result.isValid()) {
			throw new ReportRefused("ส่งรายงานไม่ได้ กรุณาแก้ไข:", result.errors());
		}
		execution.setVariable(VALIDATED_DRAFT, Variables.objectValue(result.draft(), true).create());
	}

}
