package th.raingan.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Submitted report versions and their area rows, in the project's own tables. */
@Repository
public class ReportVersions {

	public record Version(long id, String businessKey, long assignmentId, int revision, String status, boolean onTime,
			String submittedBy, BigDecimal spentBaht, BigDecimal progressPercent, String returnReason,
			String decidedBy) {

	}

	public record Submission(String businessKey, long assignmentId, String roundKey, int revision, LocalDate dueDate,
			Date submittedAt, String submittedBy, boolean onTime, ReportDraft draft) {

	}

	private final JdbcTemplate jdbc;

	ReportVersions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(Submission s) {
		ReportDraft d = s.draft();
		ReportDraft.Evaluation e = d.evaluation();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement(
					"""
							insert into raingan.report_version (business_key, assignment_id, round_key, revision, status, due_date,
							submitted_at, submitted_by, on_time, officer_name, officer_phone, start_date, end_date, output_th,
							success_points, target_value, result_value, progress_percent, spent_baht, respondents,
							knowledge_percent, use_percent, satisfaction_percent)
							values (?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					new String[] { "id" });
			int i = 1;
			ps.setString(i++, s.businessKey());
			ps.setLong(i++, s.assignmentId());
			ps.setString(i++, s.roundKey());
			ps.setInt(i++, s.revision());
			ps.setObject(i++, s.dueDate());
			ps.setTimestamp(i++, new Timestamp(s.submittedAt().getTime()));
			ps.setString(i++, s.submittedBy());
			ps.setBoolean(i++, s.onTime());
			ps.setString(i++, d.officerName());
			ps.setString(i++, d.officerPhone());
			ps.setObject(i++, d.startDate());
			ps.setObject(i++, d.endDate());
			ps.setString(i++, d.output());
			ps.setString(i++, d.successPoints());
			ps.setBigDecimal(i++, d.targetValue());
			ps.setBigDecimal(i++, d.resultValue());
			ps.setBigDecimal(i++, d.progressPercent());
			ps.setBigDecimal(i++, d.spentBaht());
			ps.setObject(i++, e == null ? null : e.respondents());
			ps.setBigDecimal(i++, e == null ? null : e.knowledgePercent());
			ps.setBigDecimal(i++, e == null ? null : e.usePercent());
			ps.setBigDecimal(i++, e == null ? null : e.satisfactionPercent());
			return ps;
		}, key);
		long id = key.getKey().longValue();
		int seq = 1;
		for (ReportDraft.Area a : d.areas()) {
			jdbc.update(
					"""
							insert into raingan.report_area (report_version_id, seq, place_th, target_group_th, people, outcome_th,
							expense_baht) values (?, ?, ?, ?, ?, ?, ?)""",
					id, seq++, a.place(), a.targetGroup(), a.people(), a.outcome(), a.expenseBaht());
		}
		return id;
	}

	public Optional<Version> find(long id) {
		return jdbc.query("select * from raingan.report_version where id = ?", (rs, i) -> version(rs), id)
			.stream()
			.findFirst();
	}

	public List<Version> ofReport(String businessKey) {
		return jdbc.query("select * from raingan.report_version where business_key = ? order by revision",
				(rs, i) -> version(rs), businessKey);
	}

	/**
	 * The report's latest version, if it awaits the province's decision: the only one a
	 * review of this report may decide.
	 */
	public Optional<Version> awaitingDecision(String businessKey) {
		List<Version> all = ofReport(businessKey);
		return all.isEmpty() ? Optional.empty()
				: Optional.of(all.get(all.size() - 1)).filter(v -> "submitted".equals(v.status()));
	}

	public List<ReportDraft.Area> areas(long versionId) {
		return jdbc
			.query("select * from raingan.report_area where report_version_id = ? order by seq",
					(rs, i) -> new ReportDraft.Area(rs.getString("place_th"), rs.getString("target_group_th"),
							rs.getInt("people"), rs.getString("outcome_th"), rs.getBigDecimal("expense_baht")),
					versionId);
	}

	/**
	 * Records the province's decision on a submitted version; false if the version was
	 * not awaiting one.
	 */
	public boolean decide(long id, String status, String decidedBy, Date at, String returnReason) {
		return jdbc.update("""
				update raingan.report_version set status = ?, decided_by = ?, decided_at = ?, return_reason = ?
				where id = ? and status = 'submitted'""", status, decidedBy, new Timestamp(at.getTime()), returnReason,
				id) == 1;
	}

	private static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Version(rs.getLong("id"), rs.getString("business_key"), rs.getLong("assignment_id"),
				rs.getInt("revision"), rs.getString("status"), rs.getBoolean("on_time"), rs.getString("submitted_by"),
				rs.getBigDecimal("spent_baht"), rs.getBigDecimal("progress_percent"), rs.getString("return_reason"),
				rs.getString("decided_by"));
	}

}
