package th.raingan.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The indicators the system computes from its own records, per district and round, in percent: reporting rate
 * (reports submitted / reports due), on-time rate, achievement (share of assigned activities whose approved
 * result meets its target) and budget disbursement (spent / allocated).
 */
@Service
public class ComputedIndicators {

	private static final String LATEST_APPROVED = """
			select v.assignment_id, v.spent_baht, v.result_value, v.target_value from raingan.report_version v
			where v.status = 'approved' and v.submitted_at = (
			  select max(w.submitted_at) from raingan.report_version w
			  where w.assignment_id = v.assignment_id and w.status = 'approved')""";

	private final JdbcTemplate jdbc;

	ComputedIndicators(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public BigDecimal measure(String measure, String roundKey, String officeCode) {
		return switch (measure) {
			case "reporting_rate" -> ratio("""
					select count(case when status in ('submitted', 'returned', 'approved') then 1 end), count(*)
					from raingan.report where round_key = ? and office_code = ?""", roundKey, officeCode);
			case "on_time_rate" -> ratio("""
					select count(case when status in ('submitted', 'returned', 'approved') and not late then 1 end), count(*)
					from raingan.report where round_key = ? and office_code = ?""", roundKey, officeCode);
			case "achievement" -> ratio("""
					select count(case when a.result_value >= a.target_value then 1 end), count(*)
					from raingan.report r left join (""" + LATEST_APPROVED + """
					) a on a.assignment_id = r.assignment_id
					where r.round_key = ? and r.office_code = ?""", roundKey, officeCode);
			case "budget_disbursement" -> ratio("""
					select coalesce(sum(a.spent_baht), 0), coalesce(sum(s.allocation_baht), 0)
					from raingan.report r
					join raingan.assignment s on s.id = r.assignment_id
					left join (""" + LATEST_APPROVED + """
					) a on a.assignment_id = r.assignment_id
					where r.round_key = ? and r.office_code = ?""", roundKey, officeCode);
			default -> throw new IllegalArgumentException("unknown measure " + measure);
		};
	}

	private BigDecimal ratio(String sql, String roundKey, String officeCode) {
		return jdbc.queryForObject(sql, (rs, i) -> {
			BigDecimal part = rs.getBigDecimal(1);
			BigDecimal whole = rs.getBigDecimal(2);
			return whole == null || whole.signum() == 0 ? BigDecimal.ZERO
					: part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
		}, roundKey, officeCode);
	}

}
