package th.raingan.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The indicators the system computes from its own records, per district and round, in
 * percent: reporting rate (reports submitted / reports due), on-time rate, achievement
 * (share of assigned activities whose approved result meets its target) and budget
 * disbursement (spent / allocated).
 * <p>
 * Reports count in the round they belong to (their round key: an activity of quarter 4 is
 * a round-2 report and is never counted in round 1). "Reports due" are the round's
 * reports due by the round's last day, plus any already submitted: a report whose letter
 * (or whose not-yet-held activity's plan) sets a later date is not yet due and counts
 * neither for nor against. A withdrawn assignment's report does not count.
 */
@Service
class ComputedIndicators {

	private static final String LATEST_APPROVED = """
			select v.assignment_id, v.round_key, v.spent_baht, v.result_value, v.target_value from raingan.report_version v
			where v.status = 'approved' and v.submitted_at = (
			  select max(w.submitted_at) from raingan.report_version w
			  where w.assignment_id = v.assignment_id and w.round_key = v.round_key and w.status = 'approved')""";

	private final JdbcTemplate jdbc;

	ComputedIndicators(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The round's reports that are due by its last day or already submitted. */
	private static final String DUE_IN_ROUND = """
			r.round_key = ? and r.office_code = ? and r.status <> 'withdrawn'
			and (r.status in ('submitted', 'returned', 'approved') or r.due_date is null or r.due_date <= ?)""";

	public BigDecimal measure(String measure, String roundKey, String officeCode) {
		java.sql.Date roundEnd = java.sql.Date.valueOf(roundEnd(roundKey));
		return switch (measure) {
			case "reporting_rate" -> ratio("""
					select count(case when r.status in ('submitted', 'returned', 'approved') then 1 end), count(*)
					from raingan.report r where""" + " " + DUE_IN_ROUND, roundKey, officeCode, roundEnd);
			case "on_time_rate" -> ratio("""
					select count(case when r.status in ('submitted', 'returned', 'approved') and not r.late then 1 end),
					count(*) from raingan.report r where""" + " " + DUE_IN_ROUND, roundKey, officeCode, roundEnd);
			case "achievement" -> ratio("""
					select count(case when a.result_value >= a.target_value then 1 end), count(*)
					from raingan.report r left join (""" + LATEST_APPROVED + """
					) a on a.assignment_id = r.assignment_id and a.round_key = r.round_key
					where""" + " " + DUE_IN_ROUND, roundKey, officeCode, roundEnd);
			case "budget_disbursement" -> ratio("""
					select coalesce(sum(a.spent_baht), 0), coalesce(sum(s.allocation_baht), 0)
					from raingan.report r
					join raingan.assignment s on s.id = r.assignment_id
					left join (""" + LATEST_APPROVED + """
					) a on a.assignment_id = r.assignment_id and a.round_key = r.round_key
					where r.round_key = ? and r.office_code = ? and r.status <> 'withdrawn'""", roundKey, officeCode);
			default -> throw new IllegalArgumentException("unknown measure " + measure);
		};
	}

	/** The last day of the round a key names: {@code 2567-1/57} ends 31 March 2024. */
	static java.time.LocalDate roundEnd(String roundKey) {
		String[] yearAndRound = roundKey.substring(0, roundKey.indexOf('/')).split("-");
		return th.raingan.thai.FiscalYear.of(Integer.parseInt(yearAndRound[0]))
			.roundEnd(Integer.parseInt(yearAndRound[1]));
	}

	private BigDecimal ratio(String sql, Object... args) {
		return jdbc.queryForObject(sql, (rs, i) -> {
			BigDecimal part = rs.getBigDecimal(1);
			BigDecimal whole = rs.getBigDecimal(2);
			return whole == null || whole.signum() == 0 ? BigDecimal.ZERO
					: part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
		}, args);
	}

}
