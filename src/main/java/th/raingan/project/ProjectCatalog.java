package th.raingan.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Projects and their assignments to offices, in the project's own tables. */
@Repository
public class ProjectCatalog {

	private static final String ASSIGNMENT_SELECT = """
			select a.id a_id, a.office_code, a.target, a.allocation_baht, a.activity_start, a.activity_end,
			a.deadline_rule a_deadline_rule, a.needs_area_data, a.evaluation_required a_evaluation_required, p.*
			from raingan.assignment a join raingan.project p on p.id = a.project_id
			""";

	private final JdbcTemplate jdbc;

	ProjectCatalog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Project> findProject(int fiscalYearBe, String provinceCode, String budgetCode) {
		return jdbc
			.query("select * from raingan.project where fiscal_year_be = ? and province_code = ? and budget_code = ?",
					(rs, i) -> project(rs), fiscalYearBe, provinceCode, budgetCode)
			.stream()
			.findFirst();
	}

	public List<Project> projectsOf(int fiscalYearBe, String provinceCode) {
		return jdbc.query(
				"select * from raingan.project where fiscal_year_be = ? and province_code = ? order by budget_code",
				(rs, i) -> project(rs), fiscalYearBe, provinceCode);
	}

	/** Saves a project (keyed by year, province and budget code) and returns its id. */
	public long save(Project p) {
		Optional<Project> existing = findProject(p.fiscalYearBe(), p.provinceCode(), p.budgetCode());
		if (existing.isPresent()) {
			jdbc.update("""
					update raingan.project set name_th = ?, budget_source = ?, unit_th = ?, province_target = ?,
					evaluation_required = ?, deadline_rule = ? where id = ?""", p.nameTh(), p.budgetSource(),
					p.unitTh(), p.provinceTarget(), p.evaluationRequired(), p.deadlineRule().toString(),
					existing.get().id());
			return existing.get().id();
		}
		jdbc.update(
				"""
						insert into raingan.project (fiscal_year_be, province_code, budget_code, name_th, budget_source, unit_th,
						province_target, evaluation_required, deadline_rule) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				p.fiscalYearBe(), p.provinceCode(), p.budgetCode(), p.nameTh(), p.budgetSource(), p.unitTh(),
				p.provinceTarget(), p.evaluationRequired(), p.deadlineRule().toString());
		return findProject(p.fiscalYearBe(), p.provinceCode(), p.budgetCode()).orElseThrow().id();
	}

	public void assign(long projectId, String officeCode, BigDecimal target, BigDecimal allocationBaht,
			BigDecimal planBaht) {
		int updated = jdbc.update("""
				update raingan.assignment set target = ?, allocation_baht = ?, plan_baht = ?
				where project_id = ? and office_code = ?""", target, allocationBaht, planBaht, projectId, officeCode);
		if (updated == 0) {
			jdbc.update("""
					insert into raingan.assignment (project_id, office_code, target, allocation_baht, plan_baht)
					values (?, ?, ?, ?, ?)""", projectId, officeCode, target, allocationBaht, planBaht);
		}
	}

	/**
	 * How the letter assigns the activity to the office: its planned period (null: none
	 * of its own), its own rule (null: the project's), part 2 or not, evaluation (null:
	 * the project's).
	 */
	public record Terms(ActivityPeriod period, DeadlineRule deadlineRule, boolean needsAreaData,
			Boolean evaluationRequired) {

		/**
		 * What an assignment without terms of its own gets: the project's rule and
		 * setting, part 2 asked.
		 */
		public static final Terms PROJECTS = new Terms(null, null, true, null);

	}

	/** Saves an assignment with its money and its terms. */
	public void assign(long projectId, String officeCode, BigDecimal target, BigDecimal allocationBaht,
			BigDecimal planBaht, Terms terms) {
		assign(projectId, officeCode, target, allocationBaht, planBaht);
		jdbc.update(
				"""
						update raingan.assignment set activity_start = ?, activity_end = ?, deadline_rule = ?, needs_area_data = ?,
						evaluation_required = ? where project_id = ? and office_code = ?""",
				terms.period() == null ? null : terms.period().start(),
				terms.period() == null ? null : terms.period().end(),
				terms.deadlineRule() == null ? null : terms.deadlineRule().toString(), terms.needsAreaData(),
				terms.evaluationRequired(), projectId, officeCode);
	}

	/**
	 * Everything a province has assigned for a fiscal year: one district report each in a
	 * round.
	 */
	public List<Assignment> assignmentsOf(int fiscalYearBe, String provinceCode) {
		// an assignment the province withdrew (V12) is no longer assigned
		return jdbc.query(ASSIGNMENT_SELECT
				+ " where p.fiscal_year_be = ? and p.province_code = ? and a.withdrawn_at is null order by p.budget_code, a.office_code",
				(rs, i) -> assignment(rs), fiscalYearBe, provinceCode);
	}

	public Optional<Assignment> assignment(long id) {
		return jdbc.query(ASSIGNMENT_SELECT + " where a.id = ?", (rs, i) -> assignment(rs), id).stream().findFirst();
	}

	public Optional<Assignment> assignment(int fiscalYearBe, String budgetCode, String officeCode) {
		return jdbc
			.query(ASSIGNMENT_SELECT + " where p.fiscal_year_be = ? and p.budget_code = ? and a.office_code = ?",
					(rs, i) -> assignment(rs), fiscalYearBe, budgetCode, officeCode)
			.stream()
			.findFirst();
	}

	private static Assignment assignment(ResultSet rs) throws SQLException {
		String ownRule = rs.getString("a_deadline_rule");
		java.sql.Date start = rs.getDate("activity_start");
		java.sql.Date end = rs.getDate("activity_end");
		boolean evaluation = rs.getBoolean("a_evaluation_required");
		Boolean ownEvaluation = rs.wasNull() ? null : evaluation;
		return new Assignment(rs.getLong("a_id"), project(rs), rs.getString("office_code"), rs.getBigDecimal("target"),
				rs.getBigDecimal("allocation_baht"), start == null ? null : start.toLocalDate(),
				end == null ? null : end.toLocalDate(),
				ownRule == null || ownRule.isBlank() ? null : DeadlineRule.parse(ownRule),
				rs.getBoolean("needs_area_data"), ownEvaluation);
	}

	private static Project project(ResultSet rs) throws SQLException {
		return new Project(rs.getLong("id"), rs.getInt("fiscal_year_be"), rs.getString("province_code"),
				rs.getString("budget_code"), rs.getString("name_th"), rs.getString("budget_source"),
				rs.getString("unit_th"), rs.getBigDecimal("province_target"), rs.getBoolean("evaluation_required"),
				DeadlineRule.parse(rs.getString("deadline_rule")));
	}

}
