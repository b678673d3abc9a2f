package th.raingan.assignment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.project.ActivityPeriod;
import th.raingan.project.DeadlineRule;
import th.raingan.project.Project;
import th.raingan.project.ProjectCatalog;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.ThaiNumbers;

/**
 * The province's rules for an assignment, the same for the screen and for every row of a
 * CSV file: the project must be in the province's catalogue for the year, the office one
 * of the province's districts (or the province office itself, for a province-level
 * activity), amounts not negative and within the column's size, the activity period real
 * dates inside the fiscal year, the deadline rule readable. Each refusal names its row
 * and field.
 */
@Component
class AssignmentChecks {

	/** numeric(14, 2): twelve digits before the point, two after. */
	static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	static final Set<String> YES = Set.of("Y", "YES", "ใช่", "มี", "ต้อง", "ต้องกรอก", "ต้องประเมินผล", "✓", "true",
			"1");

	static final Set<String> NO = Set.of("N", "NO", "ไม่ใช่", "ไม่มี", "ไม่ต้อง", "ไม่ต้องกรอก", "ไม่ต้องประเมินผล",
			"-", "false", "0");

	/** An input that passed, ready to save. */
	record Checked(AssignmentInput input, Project project, OrgUnit office, AssignmentValues values) {

	}

	private final ProjectCatalog catalog;

	private final OrgUnits orgUnits;

	AssignmentChecks(ProjectCatalog catalog, OrgUnits orgUnits) {
		this.catalog = catalog;
		this.orgUnits = orgUnits;
	}

	/**
	 * Every input checked; all of them, or an {@link AssignmentRefused} listing every
	 * refusal.
	 */
	List<Checked> check(int fiscalYearBe, String provinceCode, List<AssignmentInput> inputs) {
		List<FieldError> errors = new ArrayList<>();
		List<Checked> checked = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		for (AssignmentInput input : inputs) {
			List<FieldError> rowErrors = new ArrayList<>();
			Checked one = check(fiscalYearBe, provinceCode, input, rowErrors);
			if (one != null) {
				String key = one.project().budgetCode() + "/" + one.office().code();
				Long first = seen.putIfAbsent(key, input.row());
				if (first != null) {
					rowErrors
						.add(FieldError.of(input.row(), AssignmentField.OFFICE, "โครงการ " + one.project().budgetCode()
								+ " มอบหมายให้หน่วยงาน " + one.office().code() + " ซ้ำกับแถวที่ " + first));
				}
			}
			errors.addAll(rowErrors);
			if (rowErrors.isEmpty()) {
				checked.add(one);
			}
		}
		if (!errors.isEmpty()) {
			throw new AssignmentRefused(errors);
		}
		return checked;
	}

	/**
	 * Longer than any value a field can hold: refused as it is, never cut or echoed back
	 * in full.
	 */
	static final int MAX_TEXT = 200;

	static final int MAX_AMOUNT_TEXT = 30;

	private Checked check(int year, String province, AssignmentInput in, List<FieldError> errors) {
		Long row = in.row();
		Map<AssignmentField, String> texts = new java.util.LinkedHashMap<>();
		texts.put(AssignmentField.FISCAL_YEAR, in.fiscalYear());
		texts.put(AssignmentField.PROJECT, in.budgetCode());
		texts.put(AssignmentField.OFFICE, in.officeCode());
		texts.put(AssignmentField.TARGET, in.target());
		texts.put(AssignmentField.ALLOCATION, in.allocationBaht());
		texts.put(AssignmentField.PLAN, in.planBaht());
		texts.put(AssignmentField.PERIOD, in.activityPeriod());
		texts.put(AssignmentField.START, in.activityStart());
		texts.put(AssignmentField.END, in.activityEnd());
		texts.put(AssignmentField.RULE, in.deadlineRule());
		texts.put(AssignmentField.AREA_DATA, in.needsAreaData());
		texts.put(AssignmentField.EVALUATION, in.evaluationRequired());
		texts.forEach((field, text) -> {
			int max = Set.of(AssignmentField.TARGET, AssignmentField.ALLOCATION, AssignmentField.PLAN).contains(field)
					? MAX_AMOUNT_TEXT : MAX_TEXT;
			if (text != null && text.strip().length() > max) {
				errors.add(FieldError.of(row, field,
						"ยาวเกิน " + max + " ตัวอักษร (กรอกมา " + text.strip().length() + ")"));
			}
		});
		if (!errors.isEmpty()) {
			return null;
		}
		if (!blank(in.fiscalYear())) {
			String typed = ThaiNumbers.arabicDigits(in.fiscalYear().strip());
			if (!typed.equals(String.valueOf(year))) {
				errors.add(FieldError.of(row, AssignmentField.FISCAL_YEAR,
						"แถวนี้เป็นของปีงบประมาณ \"" + in.fiscalYear() + "\" แต่กำลังนำเข้าปีงบประมาณ " + year));
			}
		}
		Project project = null;
		String budgetCode = text(in.budgetCode());
		if (budgetCode.isEmpty()) {
			errors.add(FieldError.of(row, AssignmentField.PROJECT, "ยังไม่ได้ระบุโครงการ (รหัสงบประมาณ)"));
		}
		else {
			Optional<Project> found = catalog.findProject(year, province, budgetCode);
			if (found.isEmpty()) {
				errors.add(FieldError.of(row, AssignmentField.PROJECT, "ไม่พบโครงการรหัส \"" + budgetCode
						+ "\" ในบัญชีโครงการของจังหวัด " + province + " ปีงบประมาณ " + year));
			}
			project = found.orElse(null);
		}
		OrgUnit office = null;
		String officeCode = ThaiNumbers.arabicDigits(text(in.officeCode()));
		if (officeCode.isEmpty()) {
			errors.add(FieldError.of(row, AssignmentField.OFFICE, "ยังไม่ได้ระบุอำเภอ (รหัสหน่วยงาน)"));
		}
		else {
			Optional<OrgUnit> unit = orgUnits.find(officeCode);
			if (unit.isEmpty() || unit.get().level() == OrgUnit.Level.DEPARTMENT) {
				errors.add(FieldError.of(row, AssignmentField.OFFICE, "ไม่พบอำเภอรหัส \"" + officeCode + "\""));
			}
			else if (!unit.get().provinceCode().equals(province)) {
				errors.add(FieldError.of(row, AssignmentField.OFFICE, unit.get().nameTh() + " (" + officeCode
						+ ") ไม่ได้อยู่ในจังหวัดนี้ มอบหมายได้เฉพาะอำเภอของจังหวัดตนเอง"));
			}
			else {
				office = unit.get();
			}
		}
		BigDecimal target = amount(row, AssignmentField.TARGET, in.target(), errors);
		BigDecimal allocation = amount(row, AssignmentField.ALLOCATION, in.allocationBaht(), errors);
		BigDecimal plan = amount(row, AssignmentField.PLAN, in.planBaht(), errors);
		ActivityPeriod period = period(year, in, errors);
		DeadlineRule rule = null;
		try {
			rule = DeadlineRule.read(in.deadlineRule(), year);
		}
		catch (IllegalArgumentException ex) {
			errors.add(FieldError.of(row, AssignmentField.RULE, ex.getMessage()));
		}
		Boolean areaData = yesNo(row, AssignmentField.AREA_DATA, in.needsAreaData(), errors);
		Boolean evaluation = yesNo(row, AssignmentField.EVALUATION, in.evaluationRequired(), errors);
		if (!errors.isEmpty() || project == null || office == null) {
			return null;
		}
		return new Checked(in, project, office,
				new AssignmentValues(target, allocation, plan, period, rule, areaData == null || areaData, evaluation));
	}

	private static ActivityPeriod period(int year, AssignmentInput in, List<FieldError> errors) {
		if (in.activityPeriod() != null) {
			try {
				return ActivityPeriod.parse(in.activityPeriod(), year);
			}
			catch (IllegalArgumentException ex) {
				errors.add(FieldError.of(in.row(), AssignmentField.PERIOD, ex.getMessage()));
				return null;
			}
		}
		LocalDate start = date(in.row(), AssignmentField.START, in.activityStart(), errors);
		LocalDate end = date(in.row(), AssignmentField.END, in.activityEnd(), errors);
		boolean refused = start == null && !blank(in.activityStart()) || end == null && !blank(in.activityEnd());
		th.raingan.thai.FiscalYear fiscalYear = th.raingan.thai.FiscalYear.of(year);
		for (var day : new Object[][] { { AssignmentField.START, start }, { AssignmentField.END, end } }) {
			LocalDate date = (LocalDate) day[1];
			if (date != null && !fiscalYear.contains(date)) {
				errors.add(FieldError.of(in.row(), (AssignmentField) day[0],
						BuddhistDates.format(date) + " อยู่นอกปีงบประมาณ " + year + " ("
								+ BuddhistDates.format(fiscalYear.start()) + " - "
								+ BuddhistDates.format(fiscalYear.end()) + ")"));
				refused = true;
			}
		}
		if (refused) {
			return null;
		}
		try {
			return ActivityPeriod.of(start, end, year);
		}
		catch (IllegalArgumentException ex) {
			errors.add(FieldError.of(in.row(), start == null ? AssignmentField.START : AssignmentField.END,
					ex.getMessage()));
			return null;
		}
	}

	private static LocalDate date(Long row, AssignmentField field, String text, List<FieldError> errors) {
		if (blank(text)) {
			return null;
		}
		BuddhistDates.Parsed parsed = BuddhistDates.parse(text);
		if (!parsed.isValid()) {
			errors.add(FieldError.of(row, field, parsed.error()));
		}
		return parsed.value();
	}

	private static BigDecimal amount(Long row, AssignmentField field, String text, List<FieldError> errors) {
		if (blank(text)) {
			return null;
		}
		ThaiNumbers.Parsed parsed = ThaiNumbers.parse(text);
		if (!parsed.isValid()) {
			errors.add(FieldError.of(row, field, parsed.error()));
			return null;
		}
		BigDecimal value = parsed.value().stripTrailingZeros();
		if (value.compareTo(MAX_AMOUNT) > 0) {
			errors.add(FieldError.of(row, field,
					"มากเกินไป (ไม่เกิน 999,999,999,999.99 ได้รับ \"" + text.strip() + "\")"));
			return null;
		}
		if (value.scale() > 2) {
			errors.add(FieldError.of(row, field, "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง (ได้รับ \"" + text.strip() + "\")"));
			return null;
		}
		return parsed.value();
	}

	private static Boolean yesNo(Long row, AssignmentField field, String text, List<FieldError> errors) {
		if (blank(text)) {
			return null;
		}
		String value = text.strip();
		if (YES.contains(value) || YES.contains(value.toUpperCase(java.util.Locale.ROOT))) {
			return true;
		}
		if (NO.contains(value) || NO.contains(value.toUpperCase(java.util.Locale.ROOT))) {
			return false;
		}
		errors.add(FieldError.of(row, field, "ต้องเป็น ใช่/ไม่ใช่ (Y/N) หรือเว้นว่าง (ได้รับ \"" + value + "\")"));
		return null;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}

}
