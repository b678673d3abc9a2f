package th.raingan.assignment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import th.raingan.project.DeadlineRule;
import th.raingan.thai.Clock;

/**
 * The province's assignments and their change log, in the project's tables
 * ({@code raingan.assignment} with its V6/V10/V12 columns,
 * {@code raingan.assignment_change}).
 */
@Repository
class AssignmentRecords {

	private static final String SELECT = """
			select a.id, a.project_id, a.office_code, a.target, a.allocation_baht, a.plan_baht, a.activity_start,
			       a.activity_end, a.deadline_rule a_rule, a.needs_area_data, a.evaluation_required a_evaluation,
			       a.withdrawn_at, a.withdrawn_by, a.withdrawn_reason,
			       p.fiscal_year_be, p.province_code, p.budget_code, p.name_th, p.unit_th, p.deadline_rule p_rule,
			       p.evaluation_required p_evaluation, o.name_th office_name
			from raingan.assignment a
			join raingan.project p on p.id = a.project_id
			join raingan.org_unit o on o.code = a.office_code
			""";

	/** One entry of the change log, as the screen shows it. */
	record Change(long assignmentId, Timestamp at, String by, String action, String field, String oldValue,
			String newValue, String source, String budgetCode, String officeCode) {

	}

	private final JdbcTemplate jdbc;

	AssignmentRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The province's assignments of a fiscal year, withdrawn ones included (the screen
	 * shows them apart).
	 */
	List<AssignmentRow> of(int fiscalYearBe, String provinceCode) {
		return jdbc.query(
				SELECT + " where p.fiscal_year_be = ? and p.province_code = ? order by p.budget_code, a.office_code",
				(rs, i) -> row(rs), fiscalYearBe, provinceCode);
	}

	Optional<AssignmentRow> find(long id) {
		return jdbc.query(SELECT + " where a.id = ?", (rs, i) -> row(rs), id).stream().findFirst();
	}

	Optional<AssignmentRow> find(long projectId, String officeCode) {
		return jdbc
			.query(SELECT + " where a.project_id = ? and a.office_code = ?", (rs, i) -> row(rs), projectId, officeCode)
			.stream()
			.findFirst();
	}

	long insert(long projectId, String officeCode, AssignmentValues v) {
		jdbc.update("""
				insert into raingan.assignment (project_id, office_code, target, allocation_baht, plan_baht,
				activity_start, activity_end, deadline_rule, needs_area_data, evaluation_required)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", projectId, officeCode, v.target(), v.allocationBaht(),
				v.planBaht(), date(v.activityStart()), date(v.activityEnd()), v.rule().toString(), v.needsAreaData(),
				v.evaluationRequired());
		return jdbc.queryForObject("select id from raingan.assignment where project_id = ? and office_code = ?",
				Long.class, projectId, officeCode);
	}

	void update(long id, AssignmentValues v) {
		jdbc.update("""
				update raingan.assignment set target = ?, allocation_baht = ?, plan_baht = ?, activity_start = ?,
				activity_end = ?, deadline_rule = ?, needs_area_data = ?, evaluation_required = ?,
				withdrawn_at = null, withdrawn_by = null, withdrawn_reason = null where id = ?""", v.target(),
				v.allocationBaht(), v.planBaht(), date(v.activityStart()), date(v.activityEnd()), v.rule().toString(),
				v.needsAreaData(), v.evaluationRequired(), id);
	}

	void withdraw(long id, String userId, String reason) {
		jdbc.update(
				"update raingan.assignment set withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? where id = ?",
				now(), userId, reason, id);
	}

	void logChange(AssignmentRow on, String userId, String action, AssignmentField field, String oldValue,
			String newValue, String source) {
		jdbc.update("""
				insert into raingan.assignment_change (assignment_id, fiscal_year_be, province_code, changed_at,
				changed_by, action, field, old_value, new_value, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				on.id(), on.fiscalYearBe(), on.provinceCode(), now(), userId, action, field == null ? null : field.id,
				oldValue, newValue, source);
	}

	/** The province's change log for a fiscal year, newest first. */
	List<Change> changes(int fiscalYearBe, String provinceCode, int limit) {
		return jdbc
			.query("""
					select c.*, p.budget_code, a.office_code from raingan.assignment_change c
					join raingan.assignment a on a.id = c.assignment_id
					join raingan.project p on p.id = a.project_id
					where c.fiscal_year_be = ? and c.province_code = ? order by c.changed_at desc, c.id desc""",
					(rs, i) -> new Change(rs.getLong("assignment_id"), rs.getTimestamp("changed_at"),
							rs.getString("changed_by"), rs.getString("action"), rs.getString("field"),
							rs.getString("old_value"), rs.getString("new_value"), rs.getString("source"),
							rs.getString("budget_code"), rs.getString("office_code")),
					fiscalYearBe, provinceCode)
			.stream()
			.limit(limit)
			.toList();
	}

	/**
	 * The reports of an assignment still open in the district's hands: their business key
	 * and instance.
	 */
	List<Map<String, Object>> openReports(long assignmentId) {
		return jdbc.queryForList("""
				select business_key, process_instance_id, status from raingan.report
				where assignment_id = ? and process_instance_id is not null
				and status not in ('approved', 'not_submitted', 'withdrawn')""", assignmentId);
	}

	private static AssignmentRow row(ResultSet rs) throws SQLException {
		Boolean evaluation = rs.getObject("a_evaluation") == null ? null : rs.getBoolean("a_evaluation");
		LocalDate start = local(rs.getDate("activity_start"));
		LocalDate end = local(rs.getDate("activity_end"));
		AssignmentValues values = new AssignmentValues(rs.getBigDecimal("target"), rs.getBigDecimal("allocation_baht"),
				rs.getBigDecimal("plan_baht"), start == null ? null : new th.raingan.project.ActivityPeriod(start, end),
				DeadlineRule.parse(rs.getString("a_rule")), rs.getBoolean("needs_area_data"), evaluation);
		return new AssignmentRow(rs.getLong("id"), rs.getInt("fiscal_year_be"), rs.getString("province_code"),
				rs.getLong("project_id"), rs.getString("budget_code"), rs.getString("name_th"), rs.getString("unit_th"),
				DeadlineRule.parse(rs.getString("p_rule")), rs.getBoolean("p_evaluation"), rs.getString("office_code"),
				rs.getString("office_name"), values, rs.getTimestamp("withdrawn_at"), rs.getString("withdrawn_by"),
				rs.getString("withdrawn_reason"));
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

	private static LocalDate local(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static Timestamp now() {
		return new Timestamp(Clock.now().getTime());
	}

}
