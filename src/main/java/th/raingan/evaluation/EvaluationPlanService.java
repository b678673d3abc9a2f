package th.raingan.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.raingan.project.DeadlineRule;
import th.raingan.project.Project;
import th.raingan.project.ProjectCatalog;
import th.raingan.thai.Clock;

/**
 * A province's evaluation plan for a fiscal year, kept whole: a CSV or the screen's rows
 * replace the plan only when every row is right (otherwise nothing is written and every
 * problem is named with its row and column). Each activity is tied to the province's
 * catalogue project by {@code budget_code}, or by its activity name when exactly one
 * project of the province's catalogue contains it; the project's evaluation flag and
 * deadline rule then follow the plan.
 */
@Service
public class EvaluationPlanService {

	/**
	 * The outcome of an import: how many activities the plan now has, or the problems
	 * (nothing written).
	 */
	public record Outcome(int saved, List<PlanCsv.Problem> problems) {

		public boolean isValid() {
			return problems.isEmpty();
		}

		public List<String> messages() {
			return problems.stream().map(PlanCsv.Problem::text).toList();
		}

	}

	private final EvaluationPlans plans;

	private final ProjectCatalog catalog;

	private final RunningReports running;

	EvaluationPlanService(EvaluationPlans plans, ProjectCatalog catalog, RunningReports running) {
		this.plans = plans;
		this.catalog = catalog;
		this.running = running;
	}

	public List<PlanActivity> plan(int fiscalYearBe, String provinceCode) {
		return plans.of(fiscalYearBe, provinceCode);
	}

	public String exportCsv(int fiscalYearBe, String provinceCode) {
		return PlanCsv.write(plans.of(fiscalYearBe, provinceCode));
	}

	/**
	 * Every row must name a project the province has (by budget code or activity name).
	 */
	@Transactional
	public Outcome importCsv(int fiscalYearBe, String provinceCode, byte[] csv, String user) {
		return save(fiscalYearBe, provinceCode, PlanCsv.parse(csv), user, true);
	}

	/** The screen's rows, as maps of the CSV's columns. */
	@Transactional
	public Outcome saveRows(int fiscalYearBe, String provinceCode, List<Map<String, String>> rows, String user) {
		return save(fiscalYearBe, provinceCode, PlanCsv.validate(rows), user, true);
	}

	/**
	 * The letter's plan as transcribed into the application's data (the first example):
	 * rows whose project the catalogue does not have yet are kept, waiting to be tied
	 * when the province imports its plan again.
	 */
	@Transactional
	public Outcome loadExample(int fiscalYearBe, String provinceCode, byte[] csv) {
		return save(fiscalYearBe, provinceCode, PlanCsv.parse(csv), "system", false);
	}

	private Outcome save(int fiscalYearBe, String provinceCode, PlanCsv.Parsed parsed, String user,
			boolean projectRequired) {
		List<PlanCsv.Problem> problems = new ArrayList<>(parsed.problems());
		List<Project> projects = catalog.projectsOf(fiscalYearBe, provinceCode);
		List<PlanActivity> plan = new ArrayList<>();
		List<Long> tied = new ArrayList<>();
		int seq = 1;
		for (PlanCsv.Row row : parsed.rows()) {
			Optional<Project> project;
			if (!row.budgetCode().isBlank()) {
				project = projects.stream().filter(p -> p.budgetCode().equals(row.budgetCode())).findFirst();
				if (project.isEmpty()) {
					problems.add(new PlanCsv.Problem(row.line(), "budget_code", "จังหวัด " + provinceCode
							+ " ไม่มีโครงการรหัส \"" + row.budgetCode() + "\" ในบัญชีโครงการปี " + fiscalYearBe));
					continue;
				}
			}
			else {
				List<Project> matches = projects.stream().filter(p -> p.nameTh().contains(row.activityTh())).toList();
				project = matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
				if (project.isEmpty() && projectRequired) {
					problems.add(new PlanCsv.Problem(row.line(), "activity_th",
							(matches.isEmpty() ? "ไม่พบ" : "พบมากกว่าหนึ่ง") + "โครงการที่มีกิจกรรม \""
									+ row.activityTh() + "\" ในบัญชีโครงการของจังหวัด " + provinceCode + " ปี "
									+ fiscalYearBe + " (ระบุรหัสงบประมาณในช่อง budget_code)"));
					continue;
				}
			}
			if (project.isPresent() && tied.contains(project.get().id())) {
				problems.add(new PlanCsv.Problem(row.line(), row.budgetCode().isBlank() ? "activity_th" : "budget_code",
						"โครงการ " + project.get().budgetCode() + " อยู่ในแผนแล้วในแถวก่อนหน้า"));
				continue;
			}
			project.ifPresent(p -> tied.add(p.id()));
			plan.add(new PlanActivity(null, fiscalYearBe, provinceCode, seq++, row.itemNo(),
					project.map(Project::id).orElse(null), project.map(Project::budgetCode).orElse(null),
					row.projectTh(), row.activityTh(), row.evaluationForm(), row.dataForm(), row.deadlineRule(),
					row.windowTh(), row.topics()));
		}
		if (!problems.isEmpty()) {
			return new Outcome(0, problems);
		}
		List<Long> before = plans.of(fiscalYearBe, provinceCode)
			.stream()
			.map(PlanActivity::projectId)
			.filter(java.util.Objects::nonNull)
			.toList();
		List<PlanActivity> saved = plans.replace(fiscalYearBe, provinceCode, plan, user, Clock.now());
		for (PlanActivity a : saved) {
			if (a.projectId() == null) {
				continue;
			}
			Project p = projects.stream().filter(x -> x.id().equals(a.projectId())).findFirst().orElseThrow();
			catalog.save(new Project(p.id(), p.fiscalYearBe(), p.provinceCode(), p.budgetCode(), p.nameTh(),
					p.budgetSource(), p.unitTh(), p.provinceTarget(), a.evaluationForm(),
					a.deadlineRule() == null ? p.deadlineRule() : DeadlineRule.parse(a.deadlineRule())));
		}
		// the reports already running take the plan as it is now (their submitted
		// versions stay as they were)
		List<Long> untied = before.stream()
			.filter(id -> saved.stream().noneMatch(a -> id.equals(a.projectId())))
			.toList();
		running.planSaved(saved, untied);
		return new Outcome(saved.size(), List.of());
	}

}
