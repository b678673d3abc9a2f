package th.raingan.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import th.raingan.project.Assignment;
import th.raingan.project.ImportReport;
import th.raingan.project.ProjectCatalog;
import th.raingan.project.ProjectImport;
import th.raingan.project.ReportSchedule;
import th.raingan.kpi.KpiRoundCloseProcess;
import th.raingan.report.DistrictReportProcess;
import th.raingan.round.DistrictRoundProcess;
import th.raingan.round.ReportingRoundProcess;
import th.raingan.round.RoundService;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.FiscalYear;

/**
 * The demo's work (embedded database only): Loei's reporting round of the fiscal year and
 * half-year of {@code today} opened by {@code manager42} through the round's own start
 * form, with its last day {@link #DEADLINE_DAYS} days ahead; then a few districts act as
 * their officers would, so that every demo role has something to do
 * (docs/requirements/demo.md):
 * <ul>
 * <li>{@code str4201}: Mueang Loei's reports, all still drafts;</li>
 * <li>{@code review42}: one submitted report each of {@link #SUBMITTING}, waiting for
 * review, and one of {@link #APPROVED_OFFICE} already approved;</li>
 * <li>{@code manager42}: {@link #LATE_OFFICE}'s report on the province's urgent letter,
 * due {@link #OVERDUE_DAYS} days ago and not sent: the due-date timer records it late and
 * gives the manager the follow-up task, as for any overdue report; and the previous
 * half-year's KPI round, signed ({@link #signPreviousRound}).</li>
 * </ul>
 * Each step looks first whether it was done (a restart with {@code ./data} kept changes
 * nothing).
 */
@Service
class DemoWork {

	private static final Logger log = LoggerFactory.getLogger(DemoWork.class);

	static final String PROVINCE = "42";

	static final String MANAGER = "manager42";

	static final String REVIEWER = "review42";

	static final List<String> SUBMITTING = List.of("4202", "4203", "4204", "4205");

	static final String APPROVED_OFFICE = "4206";

	static final String LATE_OFFICE = "4214";

	static final int DEADLINE_DAYS = 21;

	static final int OVERDUE_DAYS = 3;

	/**
	 * The template year of the demo catalogue: another current year gets the same
	 * projects, its years moved.
	 */
	static final int TEMPLATE_YEAR = 2570;

	/**
	 * The urgent letter's report, one district only: {@code <ce year>} is the fiscal
	 * year's, in Christian Era.
	 */
	static final String LATE_PROJECT_CODE = "809-112-P0453-%d-09";

	private final ProjectImport importer;

	private final ProjectCatalog catalog;

	private final FormService forms;

	private final RepositoryService repository;

	private final TaskService tasks;

	private final HistoryService history;

	private final IdentityService identity;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final TransactionTemplate transaction;

	private final th.raingan.kpi.KpiCatalog kpiCatalog;

	DemoWork(ProjectImport importer, ProjectCatalog catalog, FormService forms, RepositoryService repository,
			TaskService tasks, HistoryService history, IdentityService identity, RuntimeService runtime,
			ManagementService management, TransactionTemplate transaction, th.raingan.kpi.KpiCatalog kpiCatalog) {
		this.importer = importer;
		this.catalog = catalog;
		this.forms = forms;
		this.repository = repository;
		this.tasks = tasks;
		this.history = history;
		this.identity = identity;
		this.runtime = runtime;
		this.management = management;
		this.transaction = transaction;
		this.kpiCatalog = kpiCatalog;
	}

	/** The round of {@code today}: {@code 2570-1/42}. */
	static String roundKey(LocalDate today) {
		return RoundService.roundKey(FiscalYear.containing(today).yearBe(), ReportSchedule.roundOf(today), PROVINCE);
	}

	/**
	 * The round's last day for reports: {@link #DEADLINE_DAYS} days ahead, at most the
	 * round's end.
	 */
	static LocalDate deadline(LocalDate today) {
		LocalDate end = FiscalYear.containing(today).roundEnd(ReportSchedule.roundOf(today));
		LocalDate ahead = today.plusDays(DEADLINE_DAYS);
		return ahead.isAfter(end) ? end : ahead;
	}

	/**
	 * The urgent letter's due date: {@link #OVERDUE_DAYS} days ago, but in the same
	 * half-year as today.
	 */
	static LocalDate overdueDate(LocalDate today) {
		LocalDate due = today.minusDays(OVERDUE_DAYS);
		return ReportSchedule.roundOf(due) == ReportSchedule.roundOf(today) ? due : today;
	}

	boolean roundOpened(LocalDate today) {
		return history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ReportingRoundProcess.KEY)
			.processInstanceBusinessKey(roundKey(today))
			.count() > 0;
	}

	/**
	 * The catalogue of today's fiscal year (the demo's 2570 projects, years moved when
	 * needed) and the urgent letter's project assigned to {@link #LATE_OFFICE}; then the
	 * round opened as {@link #MANAGER}. Returns whether it opened the round now.
	 */
	boolean openRound(LocalDate today) throws IOException {
		if (roundOpened(today)) {
			return false;
		}
		int year = FiscalYear.containing(today).yearBe();
		ensureCatalogue(year);
		String lateCode = LATE_PROJECT_CODE.formatted(year - BuddhistDates.ERA_OFFSET);
		if (catalog.findProject(year, PROVINCE, lateCode).isEmpty()) {
			String due = overdueDate(today).toString();
			report("urgent letter",
					importer.importProjects(
							csv("""
									budget_code,fiscal_year_be,province_code,name_th,budget_source,unit_th,province_target,evaluation_required,deadline_rule
									%s,%d,42,3. รายงานผลการจัดเก็บข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ตามหนังสือเร่งรัดของจังหวัด,B1,ครัวเรือน,100,N,by_date:%s
									"""
								.formatted(lateCode, year, due))));
			report("urgent letter",
					importer.importAssignments(
							csv("""
									fiscal_year_be,province_code,budget_code,office_code,target,allocation_baht,activity_period,deadline_rule,needs_area_data,evaluation_required
									%d,42,%s,%s,100,0,,,N,N
									"""
								.formatted(year, lateCode, LATE_OFFICE))));
		}
		String definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(ReportingRoundProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		as(MANAGER,
				() -> forms.submitStartForm(definition,
						Map.of(ReportingRoundProcess.FISCAL_YEAR, String.valueOf(year), ReportingRoundProcess.ROUND_NO,
								String.valueOf(ReportSchedule.roundOf(today)), ReportingRoundProcess.REPORTING_DEADLINE,
								BuddhistDates.format(deadline(today)))));
		log.info("Demo: {} opened by {}, reports due by {}", roundKey(today), MANAGER,
				BuddhistDates.format(deadline(today)));
		return true;
	}

	private void ensureCatalogue(int year) throws IOException {
		if (catalog.assignmentsOf(year, PROVINCE).isEmpty()) {
			report("projects " + year, importer.importProjects(template("demo/projects-2570.csv", year)));
			report("assignments " + year, importer.importAssignments(template("demo/assignments-2570.csv", year)));
		}
	}

	/** The half-year before today's: {@code 2569-2/42} in November 2569. */
	static String previousRoundKey(LocalDate today) {
		return roundKey(halfYearBefore(today));
	}

	private static LocalDate halfYearBefore(LocalDate day) {
		return ReportSchedule.roundOf(day) == 1 ? FiscalYear.containing(day).start().minusDays(1)
				: FiscalYear.containing(day).roundEnd(1);
	}

	/**
	 * The latest past half-year (at most three back) with a KPI template in force for
	 * Loei, and that template: {@code 2569-1/42} with {@code loei-2569-round1} in
	 * November 2569; empty when there is none.
	 */
	Optional<Map.Entry<String, String>> scoredRound(LocalDate today) {
		LocalDate day = today;
		for (int back = 0; back < 3; back++) {
			day = halfYearBefore(day);
			List<th.raingan.kpi.KpiTemplate> usable = kpiCatalog.usable(PROVINCE, FiscalYear.containing(day).yearBe(),
					ReportSchedule.roundOf(day));
			if (!usable.isEmpty()) {
				return Optional.of(Map.entry(roundKey(day), usable.get(0).id()));
			}
		}
		return Optional.empty();
	}

	/**
	 * The previous half-year, closed and scored, for the manager to look at: its reports
	 * (every Loei assignment of that round) sent and approved, each office's round as
	 * {@code district-round} starts it (a past round cannot be opened any more, so
	 * without the {@code reporting-round} above it), all in one transaction, so that no
	 * due-date timer of a past date is ever seen by the job executor; then its KPI round
	 * close under the department's province template: each district enters its milestones
	 * with evidence, {@link #REVIEWER} verifies, {@link #MANAGER} signs off. Returns
	 * whether it did it now.
	 */
	boolean signPreviousRound(LocalDate today) throws IOException {
		Optional<Map.Entry<String, String>> scored = scoredRound(today);
		if (scored.isEmpty()) {
			log.info("Demo: no KPI template in force for Loei's recent half-years: no signed KPI round");
			return false;
		}
		String round = scored.get().getKey();
		String templateId = scored.get().getValue();
		if (history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(KpiRoundCloseProcess.KEY)
			.processInstanceBusinessKey("kpi/" + round)
			.count() > 0) {
			return false;
		}
		int year = Integer.parseInt(round.substring(0, 4));
		int roundNo = Integer.parseInt(round.substring(5, 6));
		ensureCatalogue(year);
		LocalDate roundEnd = FiscalYear.of(year).roundEnd(roundNo);
		LocalDate reported = roundEnd.minusDays(20);
		if (history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(DistrictRoundProcess.KEY)
			.processInstanceBusinessKeyLike(round + "/%")
			.count() == 0) {
			transaction.executeWithoutResult(status -> {
				Map<String, List<String>> keysByOffice = new java.util.TreeMap<>();
				for (Assignment a : catalog.assignmentsOf(year, PROVINCE)) {
					if (ReportSchedule.reportsIn(a, roundNo)) {
						keysByOffice.computeIfAbsent(a.officeCode(), o -> new ArrayList<>())
							.add(RoundService.reportKey(year, roundNo, a.project().budgetCode(), a.officeCode()));
					}
				}
				keysByOffice.forEach((office, keys) -> reportAndApprove(round, year, roundNo, roundEnd.minusDays(14),
						office, keys, reported));
			});
		}
		String definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(KpiRoundCloseProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		ProcessInstance kpi = as(MANAGER,
				() -> forms.submitStartForm(definition,
						Map.of(KpiRoundCloseProcess.FISCAL_YEAR, String.valueOf(year), KpiRoundCloseProcess.ROUND_NO,
								String.valueOf(roundNo), KpiRoundCloseProcess.TEMPLATE_ID, templateId)));
		for (Task enter : tasks.createTaskQuery()
			.processInstanceId(kpi.getId())
			.taskDefinitionKey(KpiRoundCloseProcess.TASK_ENTER_KPIS)
			.list()) {
			// the form's rows as Tasklist sends them (its fields only): the server's own
			// list, in its order, each indicator's first input filled in with level 5
			// and its evidence
			String office = (String) tasks.getVariable(enter.getId(), KpiRoundCloseProcess.OFFICE_CODE);
			java.util.Set<Object> filled = new java.util.HashSet<>();
			List<Map<String, Object>> entries = new java.util.ArrayList<>();
			for (Map<String, Object> listed : th.raingan.report.JsonRows
				.of(tasks.getVariable(enter.getId(), KpiRoundCloseProcess.ENTRIES), "ผลตัวชี้วัด", "ตัวชี้วัด")) {
				boolean first = filled.add(listed.get("indicatorId"));
				entries.add(Map.of("value", first ? "5" : "", "evidence",
						first ? "หนังสืออำเภอที่ ลย 0019." + office.substring(2) + "/"
								+ (100 + Integer.parseInt(office.substring(2))) + " ลงวันที่ "
								+ BuddhistDates.formatLong(reported) : ""));
			}
			as("str" + office, () -> tasks.complete(enter.getId(), Map.of(KpiRoundCloseProcess.ENTRIES, entries)));
		}
		for (Task verify : tasks.createTaskQuery()
			.processInstanceId(kpi.getId())
			.taskDefinitionKey(KpiRoundCloseProcess.TASK_VERIFY_KPIS)
			.list()) {
			as(REVIEWER, () -> tasks.complete(verify.getId(), Map.of(KpiRoundCloseProcess.VERIFY_DECISION, "verify")));
		}
		Task signOff = tasks.createTaskQuery()
			.processInstanceId(kpi.getId())
			.taskDefinitionKey(KpiRoundCloseProcess.TASK_MANAGER_SIGN_OFF)
			.singleResult();
		as(MANAGER, () -> tasks.complete(signOff.getId(), Map.of(KpiRoundCloseProcess.SIGN_OFF_CONFIRM, true)));
		log.info("Demo: KPI round {} closed, verified and signed off by {}", round, MANAGER);
		return true;
	}

	/**
	 * One office's round of a past half-year, its reports sent and approved at once
	 * (inside the caller's transaction).
	 */
	private void reportAndApprove(String round, int year, int roundNo, LocalDate deadline, String office,
			List<String> keys, LocalDate reported) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(DistrictRoundProcess.ROUND_KEY, round);
		variables.put(DistrictRoundProcess.FISCAL_YEAR, year);
		variables.put(DistrictRoundProcess.ROUND_NO, roundNo);
		variables.put(DistrictRoundProcess.ROUND_DEADLINE, th.raingan.thai.Clock.endOfDay(deadline));
		variables.put(DistrictRoundProcess.OFFICE_CODE, office);
		variables.put(DistrictRoundProcess.REPORT_KEYS, keys);
		String officeRound = runtime
			.startProcessInstanceByKey(DistrictRoundProcess.KEY, round + "/" + office, variables)
			.getId();
		for (int pass = 0; pass < 5; pass++) {
			management.createJobQuery()
				.processInstanceId(officeRound)
				.list()
				.forEach(job -> management.executeJob(job.getId()));
		}
		for (ProcessInstance report : runtime.createProcessInstanceQuery().superProcessInstanceId(officeRound).list()) {
			Task draft = tasks.createTaskQuery().processInstanceId(report.getId()).singleResult();
			Assignment assignment = catalog
				.assignment(
						((Number) runtime.getVariable(report.getId(), DistrictReportProcess.ASSIGNMENT_ID)).longValue())
				.orElseThrow();
			as("str" + office, () -> tasks.complete(draft.getId(), filledIn(assignment, reported)));
			Task review = tasks.createTaskQuery().processInstanceId(report.getId()).singleResult();
			as(REVIEWER, () -> tasks.complete(review.getId(),
					Map.of(DistrictReportProcess.REVIEW_DECISION, DistrictReportProcess.DECISION_APPROVE)));
		}
	}

	/**
	 * The districts' part, once their drafts are there (the round starts them
	 * asynchronously): one report each of {@link #SUBMITTING} sent, one of
	 * {@link #APPROVED_OFFICE} sent and approved. Returns the offices still waiting for
	 * their drafts (empty: all done).
	 */
	List<String> actOnDrafts(LocalDate today) {
		String round = roundKey(today);
		String prefix = round.substring(0, round.indexOf('/') + 1);
		List<String> waiting = new ArrayList<>();
		List<String> offices = new ArrayList<>(SUBMITTING);
		offices.add(APPROVED_OFFICE);
		for (String office : offices) {
			String keys = prefix + "%/" + office;
			if (history.createHistoricTaskInstanceQuery()
				.processInstanceBusinessKeyLike(keys)
				.taskDefinitionKey(DistrictReportProcess.TASK_DISTRICT_DRAFT)
				.finished()
				.count() > 0) {
				continue;
			}
			Optional<Task> draft = tasks.createTaskQuery()
				.processInstanceBusinessKeyLike(keys)
				.taskDefinitionKey(DistrictReportProcess.TASK_DISTRICT_DRAFT)
				.orderByDueDate()
				.asc()
				.list()
				.stream()
				.findFirst();
			if (draft.isEmpty()) {
				waiting.add(office);
				continue;
			}
			Task task = draft.get();
			Assignment assignment = catalog
				.assignment(((Number) tasks.getVariable(task.getId(), DistrictReportProcess.ASSIGNMENT_ID)).longValue())
				.orElseThrow();
			as("str" + office, () -> tasks.complete(task.getId(), filledIn(assignment, today)));
			if (office.equals(APPROVED_OFFICE)) {
				Task review = tasks.createTaskQuery()
					.processInstanceId(task.getProcessInstanceId())
					.taskDefinitionKey(DistrictReportProcess.TASK_PROVINCE_REVIEW)
					.singleResult();
				as(REVIEWER, () -> tasks.complete(review.getId(),
						Map.of(DistrictReportProcess.REVIEW_DECISION, DistrictReportProcess.DECISION_APPROVE)));
			}
			log.info("Demo: str{} sent {}{}", office, task.getName(),
					office.equals(APPROVED_OFFICE) ? ", approved" : "");
		}
		return waiting;
	}

	/**
	 * A report as a district officer fills it in: dates of the last two weeks, the target
	 * met, the areas.
	 */
	static Map<String, Object> filledIn(Assignment assignment, LocalDate today) {
		FiscalYear year = FiscalYear.of(assignment.project().fiscalYearBe());
		LocalDate end = today.minusDays(2).isBefore(year.start()) ? year.start() : today.minusDays(2);
		LocalDate start = end.minusDays(12).isBefore(year.start()) ? year.start() : end.minusDays(12);
		String target = assignment.target() == null ? "1" : assignment.target().stripTrailingZeros().toPlainString();
		String allocation = assignment.allocationBaht() == null ? "0"
				: assignment.allocationBaht().stripTrailingZeros().toPlainString();
		Map<String, Object> values = new HashMap<>();
		values.put(DistrictReportProcess.ACTIVITY_STATUS, DistrictReportProcess.ACTIVITY_HELD_VALUE);
		values.put(DistrictReportProcess.OFFICER_NAME, "นางวิไลวรรณ ศรีวงษ์");
		values.put(DistrictReportProcess.OFFICER_PHONE, "0 4281 1773");
		values.put(DistrictReportProcess.START_DATE, BuddhistDates.format(start));
		values.put(DistrictReportProcess.END_DATE, BuddhistDates.format(end));
		values.put(DistrictReportProcess.OUTPUT, "ดำเนินการครบตามเป้าหมายที่ได้รับมอบหมาย");
		values.put(DistrictReportProcess.SUCCESS_POINTS, "ผู้นำชุมชนและกลุ่มเป้าหมายเข้าร่วมครบทุกตำบล");
		values.put(DistrictReportProcess.TARGET_VALUE, target);
		values.put(DistrictReportProcess.RESULT_VALUE, target);
		values.put(DistrictReportProcess.PROGRESS_PERCENT, "100");
		values.put(DistrictReportProcess.SPENT_BAHT, allocation);
		Map<String, Object> area = new HashMap<>();
		area.put(DistrictReportProcess.AREA_PLACE, "ตำบลกุดป่อง หมู่ 1");
		area.put(DistrictReportProcess.AREA_TARGET_GROUP, "ผู้นำชุมชน");
		area.put(DistrictReportProcess.AREA_PEOPLE, "20");
		area.put(DistrictReportProcess.AREA_OUTCOME, "ผู้เข้าร่วมนำความรู้ไปใช้ในหมู่บ้าน");
		area.put(DistrictReportProcess.AREA_EXPENSE, allocation);
		values.put(DistrictReportProcess.AREAS, List.of(area));
		if (assignment.evaluationRequired()) {
			values.put(DistrictReportProcess.RESPONDENTS, "20");
			values.put(DistrictReportProcess.KNOWLEDGE_PERCENT, "85");
			values.put(DistrictReportProcess.USE_PERCENT, "80");
			values.put(DistrictReportProcess.SATISFACTION_PERCENT, "90");
		}
		values.put(DistrictReportProcess.CONFIRM_SUBMIT, true);
		return values;
	}

	/**
	 * The demo's {@value #TEMPLATE_YEAR} file with its years moved to fiscal year
	 * {@code year}.
	 */
	static InputStream template(String path, int year) throws IOException {
		String text;
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		int shift = year - TEMPLATE_YEAR;
		Matcher m = Pattern.compile("\\b(25[67]\\d|20[23]\\d)\\b").matcher(text);
		StringBuilder moved = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(moved, String.valueOf(Integer.parseInt(m.group(1)) + shift));
		}
		m.appendTail(moved);
		return csv(moved.toString());
	}

	private static InputStream csv(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static void report(String what, ImportReport result) {
		if (!result.rejected().isEmpty()) {
			log.warn("Demo {}: {} rows rejected: {}", what, result.rejected().size(), result.rejected());
		}
	}

	private void as(String user, Runnable work) {
		as(user, () -> {
			work.run();
			return null;
		});
	}

	private <T> T as(String user, java.util.function.Supplier<T> work) {
		identity.setAuthentication(user,
				identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
