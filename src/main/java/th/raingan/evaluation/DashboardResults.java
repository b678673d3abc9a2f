package th.raingan.evaluation;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import th.raingan.dashboard.EvaluationResults;

/**
 * The kept province results for the dashboards (th.raingan.dashboard's extension point):
 * per plan activity with a form, the offices assigned and approved, and the recorded
 * province EA3 per topic.
 */
@Component
class DashboardResults implements EvaluationResults {

	private final EvaluationPlans plans;

	private final EvaluationSummaries summaries;

	private final JdbcTemplate jdbc;

	DashboardResults(EvaluationPlans plans, EvaluationSummaries summaries, JdbcTemplate jdbc) {
		this.plans = plans;
		this.summaries = summaries;
		this.jdbc = jdbc;
	}

	@Override
	public List<Activity> activities(int fiscalYearBe, String provinceCode) {
		return plans.of(fiscalYearBe, provinceCode)
			.stream()
			.filter(a -> a.evaluationForm() || a.dataForm())
			.map(this::activity)
			.toList();
	}

	@Override
	public List<String> provinces(int fiscalYearBe) {
		return jdbc.queryForList("""
				select distinct province_code from raingan.evaluation_activity where fiscal_year_be = ?
				order by province_code""", String.class, fiscalYearBe);
	}

	private Activity activity(PlanActivity a) {
		int assigned = 0;
		int approved = 0;
		if (a.projectId() != null) {
			assigned = jdbc.queryForObject(
					"select count(*) from raingan.assignment where project_id = ? and withdrawn_at is null",
					Integer.class, a.projectId());
			approved = jdbc.queryForObject("""
					select count(distinct v.assignment_id) from raingan.report_version v
					join raingan.assignment x on x.id = v.assignment_id
					where x.project_id = ? and x.withdrawn_at is null and v.status = 'approved'""", Integer.class,
					a.projectId());
		}
		var result = summaries.result(a.id());
		if (result.isEmpty()) {
			return new Activity(a.id(), a.itemNo(), a.budgetCode(), a.projectTh(), a.activityTh(), a.evaluationForm(),
					a.dataForm(), assigned, approved, false, null, null, null, null, null, List.of());
		}
		EvaluationSummaries.Result r = result.get();
		return new Activity(a.id(), a.itemNo(), a.budgetCode(), a.projectTh(), a.activityTh(), a.evaluationForm(),
				a.dataForm(), assigned, approved, true, r.respondents(), r.districts(), r.recordedBy(), r.recordedAt(),
				r.adjustReason(),
				r.topics()
					.stream()
					.map(t -> new Topic(t.topic(), t.respondents(), t.knowledge(), t.use(), t.satisfaction(),
							t.weightedKnowledge(), t.weightedUse(), t.weightedSatisfaction()))
					.toList());
	}

}
