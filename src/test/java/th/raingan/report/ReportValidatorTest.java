package th.raingan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import th.raingan.thai.FiscalYear;

class ReportValidatorTest {

	private static final FiscalYear FY2569 = FiscalYear.of(2569);

	@SuppressWarnings("unchecked")
	private static ReportValidator.Result validate(Map<String, Object> draft, boolean evaluation) {
		return ReportValidator.validate(draft, (List<Map<String, Object>>) draft.get(AREAS), evaluation, FY2569);
	}

	@Test
	void numbersAreTakenAsPeopleTypeThem() {
		ReportValidator.Result result = validate(ReportDrafts.valid(), true);
		assertThat(result.errors()).isEmpty();
		assertThat(result.draft().spentBaht()).isEqualByComparingTo("3000");
		assertThat(result.draft().areas()).extracting(ReportDraft.Area::expenseBaht)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("1000"), new BigDecimal("1000"), new BigDecimal("1000"));
		assertThat(result.draft().areas().get(1).people()).isEqualTo(20);
		assertThat(result.draft().endDate()).isEqualTo(LocalDate.of(2026, 1, 20));
		assertThat(result.draft().officerPhone()).isEqualTo("042811773");
		assertThat(result.draft().evaluation().knowledgePercent()).isEqualByComparingTo("85.5");
	}

	@Test
	void expenseWithDashIsRejectedInThaiNamingTheField() {
		ReportValidator.Result result = validate(ReportDrafts.withFirstAreaExpense("-"), false);
		assertThat(result.errors()).singleElement()
			.asString()
			.startsWith("พื้นที่ที่ 1 ค่าใช้จ่าย (บาท):")
			.contains("ห้ามใส่เครื่องหมาย \"-\"");
	}

	@Test
	void lettersNegativeAmountsAndProgressOver100AreRefused() {
		Map<String, Object> draft = ReportDrafts.valid();
		draft.put(SPENT_BAHT, "สามพันบาท");
		draft.put(TARGET_VALUE, "-5");
		draft.put(PROGRESS_PERCENT, "101");
		draft.put(RESULT_VALUE, "1.2.3");
		assertThat(validate(draft, false).errors()).containsExactly("เป้าหมาย: ต้องไม่ติดลบ",
				"ผลการดำเนินงาน: ต้องเป็นตัวเลขเท่านั้น เช่น 1000 หรือ 1,000.50 (ได้รับ \"1.2.3\")",
				"ความก้าวหน้า (ร้อยละ): ต้องอยู่ระหว่าง 0 ถึง 100 (ได้รับ 101)",
				"ผลการใช้จ่ายงบประมาณ (บาท): ต้องเป็นตัวเลขเท่านั้น เช่น 1000 หรือ 1,000.50 (ได้รับ \"สามพันบาท\")");
	}

	@Test
	void datesOutsideTheFiscalYearAreRefused() {
		Map<String, Object> draft = ReportDrafts.valid();
		draft.put(START_DATE, "30/09/2568");
		draft.put(END_DATE, "31/06/2569");
		assertThat(validate(draft, false).errors()).containsExactly(
				"วันที่เริ่มดำเนินการ: ต้องอยู่ในปีงบประมาณ 2569 (01/10/2568 - 30/09/2569) แต่กรอก 30/09/2568",
				"วันที่สิ้นสุดการดำเนินการ: ไม่มีวันที่นี้ในปฏิทิน (ได้รับ \"31/06/2569\")");
	}

	@Test
	void christianEraYearIsRefusedWithTheBuddhistEraOneSuggested() {
		Map<String, Object> draft = ReportDrafts.valid();
		draft.put(START_DATE, "05/01/2026");
		assertThat(validate(draft, false).errors())
			.containsExactly("วันที่เริ่มดำเนินการ: ให้ระบุปีเป็น พ.ศ. เช่น 2569 (ได้รับ \"05/01/2026\")");
	}

	@Test
	void evaluationSummaryIsRequiredOnlyWhereTheProjectAsksForIt() {
		Map<String, Object> draft = ReportDrafts.valid();
		draft.remove(RESPONDENTS);
		assertThat(validate(draft, false).errors()).isEmpty();
		assertThat(validate(draft, false).draft().evaluation()).isNull();
		assertThat(validate(draft, true).errors()).containsExactly("จำนวนผู้ตอบแบบประเมิน (คน): ยังไม่ได้กรอก");
	}

	@Test
	void aReportNeedsAnAreaAndTheOfficersConfirmation() {
		Map<String, Object> draft = ReportDrafts.valid();
		draft.put(AREAS, List.of());
		draft.put(CONFIRM_SUBMIT, false);
		draft.put(OFFICER_NAME, " ");
		assertThat(validate(draft, false).errors()).containsExactly("ผู้รับผิดชอบโครงการ: ยังไม่ได้กรอก",
				"ข้อมูลเชิงพื้นที่: ต้องมีพื้นที่ดำเนินการอย่างน้อย 1 แห่ง",
				"ยืนยันการส่งรายงาน: กรุณาทำเครื่องหมายยืนยันว่าต้องการบันทึกและส่งข้อมูล");
	}

}
