package th.raingan.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The evaluation plans and their key topics, in the project's own tables
 * (V22__evaluation_plan.sql).
 */
@Repository
class EvaluationPlans {

	private final JdbcTemplate jdbc;

	EvaluationPlans(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<PlanActivity> of(int fiscalYearBe, String provinceCode) {
		List<PlanActivity> rows = jdbc.query(
				"""
						select a.*, p.budget_code from raingan.evaluation_activity a left join raingan.project p on p.id = a.project_id
						where a.fiscal_year_be = ? and a.province_code = ? order by a.seq""",
				(rs, i) -> activity(rs), fiscalYearBe, provinceCode);
		return rows.stream().map(this::withTopics).toList();
	}

	public Optional<PlanActivity> find(long id) {
		return jdbc
			.query("""
					select a.*, p.budget_code from raingan.evaluation_activity a left join raingan.project p on p.id = a.project_id
					where a.id = ?""",
					(rs, i) -> activity(rs), id)
			.stream()
			.findFirst()
			.map(this::withTopics);
	}

	/** The plan activity of a catalogue project, if the province's plan names it. */
	public Optional<PlanActivity> ofProject(long projectId) {
		return jdbc
			.query("""
					select a.*, p.budget_code from raingan.evaluation_activity a left join raingan.project p on p.id = a.project_id
					where a.project_id = ? order by a.id""",
					(rs, i) -> activity(rs), projectId)
			.stream()
			.findFirst()
			.map(this::withTopics);
	}

	public boolean hasPlan(int fiscalYearBe, String provinceCode) {
		Integer n = jdbc.queryForObject(
				"select count(*) from raingan.evaluation_activity where fiscal_year_be = ? and province_code = ?",
				Integer.class, fiscalYearBe, provinceCode);
		return n != null && n > 0;
	}

	/**
	 * Replaces a province's plan for a year; activities with a recorded result stay
	 * (their rows are updated).
	 */
	public List<PlanActivity> replace(int fiscalYearBe, String provinceCode, List<PlanActivity> plan, String user,
			Date at) {
		List<Long> kept = jdbc.queryForList("""
				select a.id from raingan.evaluation_activity a join raingan.evaluation_result r on r.activity_id = a.id
				where a.fiscal_year_be = ? and a.province_code = ?""", Long.class, fiscalYearBe, provinceCode);
		jdbc.update("""
				delete from raingan.evaluation_topic where activity_id in (select id from raingan.evaluation_activity
				where fiscal_year_be = ? and province_code = ?)""", fiscalYearBe, provinceCode);
		jdbc.update("""
				delete from raingan.evaluation_activity where fiscal_year_be = ? and province_code = ?
				and id not in (select activity_id from raingan.evaluation_result)""", fiscalYearBe, provinceCode);
		// results keep their activity: it moves out of the way of the new numbering until
		// matched again
		jdbc.update("""
				update raingan.evaluation_activity set seq = -id where fiscal_year_be = ? and province_code = ?""",
				fiscalYearBe, provinceCode);
		List<PlanActivity> saved = new ArrayList<>();
		for (PlanActivity a : plan) {
			Long reuse = kept.stream()
				.filter(id -> a.projectId() != null && a.projectId().equals(projectOf(id)))
				.findFirst()
				.orElse(null);
			long id;
			if (reuse != null) {
				jdbc.update(
						"""
								update raingan.evaluation_activity set seq = ?, item_no = ?, project_th = ?, activity_th = ?,
								evaluation_form = ?, data_form = ?, deadline_rule = ?, window_th = ?, updated_by = ?, updated_at = ?
								where id = ?""",
						a.seq(), a.itemNo(), a.projectTh(), a.activityTh(), a.evaluationForm(), a.dataForm(),
						a.deadlineRule(), a.windowTh(), user, new Timestamp(at.getTime()), reuse);
				kept.remove(reuse);
				id = reuse;
			}
			else {
				GeneratedKeyHolder key = new GeneratedKeyHolder();
				jdbc.update(connection -> {
					var ps = connection.prepareStatement(
							"""
									insert into raingan.evaluation_activity (fiscal_year_be, province_code, seq, item_no, project_id,
									project_th, activity_th, evaluation_form, data_form, deadline_rule, window_th, updated_by,
									updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
							new String[] { "id" });
					int i = 1;
					ps.setInt(i++, fiscalYearBe);
					ps.setString(i++, provinceCode);
					ps.setInt(i++, a.seq());
					ps.setString(i++, a.itemNo());
					ps.setObject(i++, a.projectId());
					ps.setString(i++, a.projectTh());
					ps.setString(i++, a.activityTh());
					ps.setBoolean(i++, a.evaluationForm());
					ps.setBoolean(i++, a.dataForm());
					ps.setString(i++, a.deadlineRule());
					ps.setString(i++, a.windowTh());
					ps.setString(i++, user);
					ps.setTimestamp(i++, new Timestamp(at.getTime()));
					return ps;
				}, key);
				id = key.getKey().longValue();
			}
			int seq = 1;
			for (String topic : a.topics()) {
				jdbc.update("insert into raingan.evaluation_topic (activity_id, seq, topic_th) values (?, ?, ?)", id,
						seq++, topic);
			}
			saved.add(a.withId(id));
		}
		return saved;
	}

	private Long projectOf(long activityId) {
		return jdbc.queryForObject("select project_id from raingan.evaluation_activity where id = ?", Long.class,
				activityId);
	}

	private PlanActivity withTopics(PlanActivity a) {
		List<String> topics = jdbc.queryForList(
				"select topic_th from raingan.evaluation_topic where activity_id = ? order by seq", String.class,
				a.id());
		return new PlanActivity(a.id(), a.fiscalYearBe(), a.provinceCode(), a.seq(), a.itemNo(), a.projectId(),
				a.budgetCode(), a.projectTh(), a.activityTh(), a.evaluationForm(), a.dataForm(), a.deadlineRule(),
				a.windowTh(), topics);
	}

	private static PlanActivity activity(ResultSet rs) throws SQLException {
		long project = rs.getLong("project_id");
		Long projectId = rs.wasNull() ? null : project;
		return new PlanActivity(rs.getLong("id"), rs.getInt("fiscal_year_be"), rs.getString("province_code"),
				rs.getInt("seq"), rs.getString("item_no"), projectId, rs.getString("budget_code"),
				rs.getString("project_th"), rs.getString("activity_th"), rs.getBoolean("evaluation_form"),
				rs.getBoolean("data_form"), rs.getString("deadline_rule"), rs.getString("window_th"), List.of());
	}

}
