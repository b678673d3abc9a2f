package th.raingan.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.thai.Clock;

/**
 * What a province manager watches: per district the reports assigned, submitted (awaiting review), approved,
 * returned, overdue and not yet held (apart from the late ones), the on-time rate over the reports due so far and
 * the round's KPI score; the overdue reports themselves, and the activities not yet held with their reasons. Two
 * grouped queries over the project's tables, whatever the number of reports.
 */
@Service
public class DashboardService {

	/** One district's row. */
	/**
	 * One district's row. {@code notHeld}: activities reported as not yet held and not yet due on their new date
	 * (not late); {@code dueSoFar}: the reports due by today or already submitted, over which the on-time rate is
	 * taken (a report not yet due is not late).
	 */
	public record DistrictRow(String officeCode, String officeName, int assigned, int submitted, int approved,
			int returned, int overdue, int notHeld, int dueSoFar, BigDecimal onTimeRate, BigDecimal kpiScore,
			BigDecimal kpiPercent) {

	}

	/** An activity the district reported as not yet held: its reason and the date it is now planned for. */
	public record NotHeldRow(String officeCode, String officeName, String businessKey, String budgetCode,
			String projectName, String reason, LocalDate plannedDate, LocalDate dueDate, String processInstanceId) {

	}

	/** A report past its due date and not submitted. */
	public record OverdueRow(String officeCode, String officeName, String businessKey, String budgetCode,
			String projectName, LocalDate dueDate, long daysOverdue, String processInstanceId) {

	}

	private final JdbcTemplate jdbc;

	private final OrgUnits orgUnits;

	DashboardService(JdbcTemplate jdbc, OrgUnits orgUnits) {
		this.jdbc = jdbc;
		this.orgUnits = orgUnits;
	}

	public List<DistrictRow> districts(String roundKey, String provinceCode) {
		LocalDate today = Clock.today();
		Map<String, DistrictRow> rows = new LinkedHashMap<>();
		Map<String, String> names = names(provinceCode);
		jdbc.query("""
				select r.office_code,
				       count(*) assigned,
				       count(case when r.status = 'submitted' then 1 end) submitted,
				       count(case when r.status = 'approved' then 1 end) approved,
				       count(case when r.status = 'returned' then 1 end) returned,
				       count(case when r.status in ('draft', 'returned', 'not_held') and r.due_date < ? then 1 end) overdue,
				       count(case when r.status = 'not_held' and not r.due_date < ? then 1 end) not_held,
				       count(case when r.status in ('submitted', 'returned', 'approved') or r.due_date < ? then 1 end) due_so_far,
				       count(case when r.status in ('submitted', 'returned', 'approved') and not r.late then 1 end) on_time,
				       max(s.score) score, max(s.percent) percent
				from raingan.report r
				left join raingan.kpi_snapshot s on s.round_key = r.round_key and s.office_code = r.office_code
				  and s.version = (select max(v.version) from raingan.kpi_snapshot v where v.round_key = r.round_key)
				where r.round_key = ? and r.status <> 'withdrawn'
				group by r.office_code
				order by r.office_code""", rs -> {
			int assigned = rs.getInt("assigned");
			int dueSoFar = rs.getInt("due_so_far");
			rows.put(rs.getString("office_code"),
					new DistrictRow(rs.getString("office_code"), names.getOrDefault(rs.getString("office_code"), ""),
							assigned, rs.getInt("submitted"), rs.getInt("approved"), rs.getInt("returned"),
							rs.getInt("overdue"), rs.getInt("not_held"), dueSoFar,
							// nothing due yet: no rate ("-"), rather than a rate of 0
							dueSoFar == 0 ? null
									: BigDecimal.valueOf(rs.getInt("on_time") * 100L)
										.divide(BigDecimal.valueOf(dueSoFar), 2, RoundingMode.HALF_UP),
							rs.getBigDecimal("score"), rs.getBigDecimal("percent")));
		}, Date.valueOf(today), Date.valueOf(today), Date.valueOf(today), roundKey);
		return new ArrayList<>(rows.values());
	}

	public List<OverdueRow> overdue(String roundKey, String provinceCode) {
		LocalDate today = Clock.today();
		Map<String, String> names = names(provinceCode);
		return jdbc.query("""
				select r.office_code, r.business_key, p.budget_code, p.name_th, r.due_date, r.process_instance_id
				from raingan.report r
				join raingan.assignment a on a.id = r.assignment_id
				join raingan.project p on p.id = a.project_id
				where r.round_key = ? and r.status in ('draft', 'returned', 'not_held') and r.due_date < ?
				order by r.due_date, r.office_code, p.budget_code""", (rs, i) -> {
			LocalDate due = rs.getDate("due_date").toLocalDate();
			return new OverdueRow(rs.getString("office_code"), names.getOrDefault(rs.getString("office_code"), ""),
					rs.getString("business_key"), rs.getString("budget_code"), rs.getString("name_th"), due,
					ChronoUnit.DAYS.between(due, today), rs.getString("process_instance_id"));
		}, roundKey, Date.valueOf(today));
	}

	/** The activities reported as not yet held, with the reason and the planned date, the soonest first. */
	public List<NotHeldRow> notHeld(String roundKey, String provinceCode) {
		Map<String, String> names = names(provinceCode);
		return jdbc.query("""
				select r.office_code, r.business_key, p.budget_code, p.name_th, r.not_held_reason, r.planned_date,
				       r.due_date, r.process_instance_id
				from raingan.report r
				join raingan.assignment a on a.id = r.assignment_id
				join raingan.project p on p.id = a.project_id
				where r.round_key = ? and r.status = 'not_held'
				order by r.planned_date, r.office_code, p.budget_code""", (rs, i) -> new NotHeldRow(
				rs.getString("office_code"), names.getOrDefault(rs.getString("office_code"), ""),
				rs.getString("business_key"), rs.getString("budget_code"), rs.getString("name_th"),
				rs.getString("not_held_reason"),
				rs.getDate("planned_date") == null ? null : rs.getDate("planned_date").toLocalDate(),
				rs.getDate("due_date") == null ? null : rs.getDate("due_date").toLocalDate(),
				rs.getString("process_instance_id")), roundKey);
	}

	private Map<String, String> names(String provinceCode) {
		Map<String, String> names = new LinkedHashMap<>();
		orgUnits.find(provinceCode).ifPresent(p -> names.put(p.code(), p.nameTh()));
		for (OrgUnit district : orgUnits.districtsOf(provinceCode)) {
			names.put(district.code(), district.nameTh());
		}
		return names;
	}

}
