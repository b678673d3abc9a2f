package th.raingan.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.thai.ThaiNumbers;

/**
 * Imports the project catalogue and its assignments from CSV. Each row is checked on its
 * own: a valid row is saved, a row with any problem is saved not at all and reported with
 * its line, field and reason.
 */
@Service
public class ProjectImport {

	/** Budget codes as the budget bureau writes them: {@code 801-112-S0570-2024-07}. */
	public static final Pattern BUDGET_CODE = Pattern.compile("\\d{3}-\\d{3}-[A-Z]\\d{4}-\\d{4}-\\d{2}");

	/**
	 * What the catalogue's columns hold (V2__projects_and_reports.sql): longer values are
	 * refused, not cut.
	 */
	static final int MAX_NAME = 2000;

	static final int MAX_UNIT = 100;

	static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	static final Set<String> BUDGET_SOURCES = Set.of("B1", "B2", "B3", "B4", "B5", "B6", "B7");

	private final ProjectCatalog catalog;

	private final OrgUnits orgUnits;

	ProjectImport(ProjectCatalog catalog, OrgUnits orgUnits) {
		this.catalog = catalog;
		this.orgUnits = orgUnits;
	}

	/**
	 * Columns: budget_code, fiscal_year_be, province_code, name_th, budget_source;
	 * optional unit_th, province_target, evaluation_required (Y/N), deadline_rule (see
	 * {@link DeadlineRule}).
	 */
	@Transactional
	public ImportReport importProjects(InputStream csv) throws IOException {
		ImportReport.Builder report = new ImportReport.Builder();
		for (CSVRecord row : read(csv)) {
			long line = row.getRecordNumber() + 1;
			Map<String, String> errors = new LinkedHashMap<>();
			String budgetCode = get(row, "budget_code");
			if (!BUDGET_CODE.matcher(budgetCode).matches()) {
				errors.put("budget_code",
						"รหัสงบประมาณต้องมีรูปแบบ 801-112-S0570-2024-07 (ได้รับ \"" + budgetCode + "\")");
			}
			Integer year = year(get(row, "fiscal_year_be"), errors);
			String province = get(row, "province_code");
			if (orgUnits.find(province).filter(OrgUnit::isProvince).isEmpty()) {
				errors.put("province_code", "ไม่พบจังหวัดรหัส \"" + province + "\"");
			}
			String name = get(row, "name_th");
			if (name.isBlank()) {
				errors.put("name_th", "ต้องระบุชื่อโครงการ/กิจกรรม");
			}
			else if (name.length() > MAX_NAME) {
				errors.put("name_th",
						"ชื่อโครงการ/กิจกรรมยาวเกิน " + MAX_NAME + " ตัวอักษร (ได้รับ " + name.length() + ")");
			}
			if (get(row, "unit_th").length() > MAX_UNIT) {
				errors.put("unit_th", "หน่วยนับยาวเกิน " + MAX_UNIT + " ตัวอักษร");
			}
			String source = get(row, "budget_source");
			if (!BUDGET_SOURCES.contains(source)) {
				errors.put("budget_source", "แหล่งงบประมาณต้องเป็น B1-B7 (ได้รับ \"" + source + "\")");
			}
			BigDecimal target = optionalNumber(row, "province_target", errors);
			String evaluation = get(row, "evaluation_required");
			if (!Set.of("", "Y", "N").contains(evaluation)) {
				errors.put("evaluation_required", "ต้องเป็น Y หรือ N (ได้รับ \"" + evaluation + "\")");
			}
			DeadlineRule rule = rule(get(row, "deadline_rule"), errors);
			if (!errors.isEmpty()) {
				errors.forEach((field, reason) -> report.reject(line, field, reason));
				continue;
			}
			long projectId = catalog.save(new Project(null, year, province, budgetCode, name, source,
					emptyToNull(get(row, "unit_th")), target, "Y".equals(evaluation), rule));
			warnAssignments(projectId, year, province, line, report);
			report.imported();
		}
		return report.build();
	}

	/**
	 * Columns: fiscal_year_be, province_code, budget_code, office_code, target,
	 * allocation_baht; optional plan_baht, and the assignment's terms
	 * (docs/requirements/deadlines.md): activity_period ("ไตรมาส ๓-๔", "ทั้งปี",
	 * "01/06/2567 - 10/06/2567") or activity_start and activity_end (dd/mm/yyyy, Buddhist
	 * Era), deadline_rule (empty: the project's), needs_area_data (Y/N, empty: Y),
	 * evaluation_required (Y/N, empty: the project's). A file without any of these
	 * columns leaves the terms as they are. A report due after the end of its round is
	 * imported with a warning.
	 */
	@Transactional
	public ImportReport importAssignments(InputStream csv) throws IOException {
		ImportReport.Builder report = new ImportReport.Builder();
		for (CSVRecord row : read(csv)) {
			long line = row.getRecordNumber() + 1;
			Map<String, String> errors = new LinkedHashMap<>();
			Integer year = year(get(row, "fiscal_year_be"), errors);
			String province = get(row, "province_code");
			String budgetCode = get(row, "budget_code");
			Optional<Project> project = year == null ? Optional.empty()
					: catalog.findProject(year, province, budgetCode);
			if (year != null && project.isEmpty()) {
				errors.put("budget_code",
						"ไม่พบโครงการรหัส \"" + budgetCode + "\" ของจังหวัด " + province + " ปี " + year);
			}
			String office = get(row, "office_code");
			Optional<OrgUnit> unit = orgUnits.find(office);
			if (unit.isEmpty() || !unit.get().provinceCode().equals(province)) {
				errors.put("office_code", "ไม่พบหน่วยงานรหัส \"" + office + "\" ในจังหวัด " + province);
			}
			BigDecimal target = optionalNumber(row, "target", errors);
			BigDecimal allocation = optionalNumber(row, "allocation_baht", errors);
			BigDecimal plan = optionalNumber(row, "plan_baht", errors);
			boolean hasTerms = TERMS_COLUMNS.stream().anyMatch(row::isMapped);
			ProjectCatalog.Terms terms = hasTerms && year != null ? terms(row, year, errors) : null;
			if (!errors.isEmpty()) {
				errors.forEach((field, reason) -> report.reject(line, field, reason));
				continue;
			}
			if (terms == null) {
				catalog.assign(project.get().id(), office, target, allocation, plan == null ? allocation : plan);
			}
			else {
				catalog.assign(project.get().id(), office, target, allocation, plan == null ? allocation : plan, terms);
			}
			catalog.assignment(year, budgetCode, office)
				.filter(a -> a.project().provinceCode().equals(province))
				.ifPresent(a -> ReportSchedule.warnings(a).forEach(w -> report.warn(line, "deadline_rule", w)));
			report.imported();
		}
		return report.build();
	}

	static final java.util.List<String> TERMS_COLUMNS = java.util.List.of("activity_period", "activity_start",
			"activity_end", "deadline_rule", "needs_area_data", "evaluation_required");

	private static ProjectCatalog.Terms terms(CSVRecord row, int year, Map<String, String> errors) {
		ActivityPeriod period = null;
		String periodText = get(row, "activity_period");
		String start = get(row, "activity_start");
		String end = get(row, "activity_end");
		try {
			if (!periodText.isEmpty()) {
				period = ActivityPeriod.parse(periodText, year);
			}
			else if (!start.isEmpty() || !end.isEmpty()) {
				period = ActivityPeriod.of(start, end, year);
			}
		}
		catch (IllegalArgumentException ex) {
			errors.put(periodText.isEmpty() ? "activity_start" : "activity_period", ex.getMessage());
		}
		String ruleText = get(row, "deadline_rule");
		DeadlineRule rule = null;
		if (!ruleText.isEmpty()) {
			try {
				rule = DeadlineRule.read(ruleText, year);
			}
			catch (IllegalArgumentException ex) {
				errors.put("deadline_rule", ex.getMessage());
			}
		}
		String area = get(row, "needs_area_data");
		if (!Set.of("", "Y", "N").contains(area)) {
			errors.put("needs_area_data", "ต้องเป็น Y หรือ N (ได้รับ \"" + area + "\")");
		}
		String evaluation = get(row, "evaluation_required");
		if (!Set.of("", "Y", "N").contains(evaluation)) {
			errors.put("evaluation_required", "ต้องเป็น Y หรือ N (ได้รับ \"" + evaluation + "\")");
		}
		return new ProjectCatalog.Terms(period, rule, !"N".equals(area),
				evaluation.isEmpty() ? null : "Y".equals(evaluation));
	}

	/**
	 * A province's evaluation plan (the Chiang Rai evaluation letter, e.g.
	 * evaluation-plan-2567-chiangrai.csv: no, project_th, activity_th, assessment_form,
	 * data_form, deadline_rule): which activities need the evaluation forms and by when.
	 * Each row is matched to the province's project whose name contains the activity's
	 * name; a row without such a project, or with a deadline that does not exist, is
	 * rejected.
	 */
	@Transactional
	public ImportReport importEvaluationPlan(InputStream csv, int fiscalYearBe, String provinceCode)
			throws IOException {
		ImportReport.Builder report = new ImportReport.Builder();
		for (CSVRecord row : read(csv)) {
			long line = row.getRecordNumber() + 1;
			Map<String, String> errors = new LinkedHashMap<>();
			String activity = get(row, "activity_th");
			java.util.List<Project> matches = activity.isBlank() ? java.util.List.of()
					: catalog.projectsOf(fiscalYearBe, provinceCode)
						.stream()
						.filter(p -> p.nameTh().contains(activity))
						.toList();
			if (activity.isBlank()) {
				errors.put("activity_th", "ต้องระบุชื่อกิจกรรม");
			}
			else if (matches.size() != 1) {
				errors.put("activity_th", (matches.isEmpty() ? "ไม่พบ" : "พบมากกว่าหนึ่ง") + "โครงการที่มีกิจกรรม \""
						+ activity + "\" ในบัญชีโครงการของจังหวัด " + provinceCode + " ปี " + fiscalYearBe);
			}
			String assessment = get(row, "assessment_form");
			if (!Set.of("Y", "N").contains(assessment)) {
				errors.put("assessment_form", "ต้องเป็น Y หรือ N (ได้รับ \"" + assessment + "\")");
			}
			DeadlineRule rule = rule(get(row, "deadline_rule"), errors);
			if (!errors.isEmpty()) {
				errors.forEach((field, reason) -> report.reject(line, field, reason));
				continue;
			}
			Project p = matches.get(0);
			catalog.save(new Project(p.id(), p.fiscalYearBe(), p.provinceCode(), p.budgetCode(), p.nameTh(),
					p.budgetSource(), p.unitTh(), p.provinceTarget(), "Y".equals(assessment), rule));
			warnAssignments(p.id(), fiscalYearBe, provinceCode, line, report);
			report.imported();
		}
		return report.build();
	}

	/**
	 * A project's new rule may put its assignments' reports after their round: each such
	 * one is a warning.
	 */
	private void warnAssignments(long projectId, int year, String province, long line, ImportReport.Builder report) {
		catalog.assignmentsOf(year, province)
			.stream()
			.filter(a -> a.project().id() == projectId)
			.forEach(a -> ReportSchedule.warnings(a)
				.forEach(w -> report.warn(line, "deadline_rule", "อำเภอ/หน่วยงาน " + a.officeCode() + ": " + w)));
	}

	private static Iterable<CSVRecord> read(InputStream csv) throws IOException {
		Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
		return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(reader);
	}

	private static String get(CSVRecord row, String column) {
		return row.isMapped(column) && row.isSet(column) ? row.get(column).strip() : "";
	}

	private static Integer year(String text, Map<String, String> errors) {
		try {
			int year = Integer.parseInt(ThaiNumbers.arabicDigits(text));
			if (year >= 2500 && year <= 2700) {
				return year;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.put("fiscal_year_be", "ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2569 (ได้รับ \"" + text + "\")");
		return null;
	}

	private static BigDecimal optionalNumber(CSVRecord row, String column, Map<String, String> errors) {
		String text = get(row, column);
		if (text.isEmpty()) {
			return null;
		}
		ThaiNumbers.Parsed parsed = ThaiNumbers.parse(text);
		if (!parsed.isValid()) {
			errors.put(column, parsed.error());
		}
		else if (parsed.value().compareTo(MAX_AMOUNT) > 0) {
			errors.put(column, "มากเกินไป (เกิน 999,999,999,999.99 ได้รับ \"" + text + "\")");
			return null;
		}
		return parsed.value();
	}

	private static DeadlineRule rule(String text, Map<String, String> errors) {
		try {
			return DeadlineRule.parse(text);
		}
		catch (IllegalArgumentException ex) {
			errors.put("deadline_rule", ex.getMessage());
			return null;
		}
	}

	private static String emptyToNull(String text) {
		return text.isEmpty() ? null : text;
	}

}
