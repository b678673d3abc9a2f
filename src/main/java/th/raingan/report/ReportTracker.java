package th.raingan.report;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import th.raingan.thai.Clock;

/**
 * Where each district report stands ({@code raingan.report}), kept by the process as it
 * moves.
 */
@Repository
public class ReportTracker {

	public static final String DRAFT = "draft";

	public static final String NOT_SUBMITTED = "not_submitted";

	/**
	 * The activity is not yet held: reported with a reason and a planned date
	 * (ยังไม่ได้ดำเนินการ).
	 */
	public static final String NOT_HELD = "not_held";

	/**
	 * The province removed the assignment while the report was open (ยกเลิกการมอบหมาย).
	 */
	public static final String WITHDRAWN = "withdrawn";

	private final JdbcTemplate jdbc;

	ReportTracker(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void opened(String businessKey, String processInstanceId, String roundKey, long assignmentId,
			String officeCode, String provinceCode, LocalDate dueDate) {
		if (jdbc.update(
				"update raingan.report set status = 'draft', due_date = ?, process_instance_id = ? where business_key = ?",
				dueDate, processInstanceId, businessKey) == 0) {
			jdbc.update(
					"""
							insert into raingan.report (business_key, process_instance_id, round_key, assignment_id, office_code,
							province_code, due_date, status, opened_at) values (?, ?, ?, ?, ?, ?, ?, 'draft', ?)""",
					businessKey, processInstanceId, roundKey, assignmentId, officeCode, provinceCode, dueDate, now());
		}
	}

	/**
	 * What the server recorded when the report was opened (from its assignment, by the
	 * round): its round, assignment, office, province and due date. A process variable of
	 * the same name is what a completion may have sent; this row is what the server
	 * decides by.
	 */
	public record Tracked(String businessKey, String roundKey, long assignmentId, String officeCode,
			String provinceCode, LocalDate dueDate) {

	}

	public java.util.Optional<Tracked> find(String businessKey) {
		return jdbc.query(
				"select round_key, assignment_id, office_code, province_code, due_date from raingan.report where business_key = ?",
				(rs, i) -> new Tracked(businessKey, rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()),
				businessKey)
			.stream()
			.findFirst();
	}

	public void status(String businessKey, String status) {
		jdbc.update("update raingan.report set status = ?, closed_at = ? where business_key = ?", status,
				ReportService.STATUS_APPROVED.equals(status) || NOT_SUBMITTED.equals(status) ? now() : null,
				businessKey);
	}

	/** Closed because the province removed its assignment, with the province's reason. */
	public void withdrawn(String businessKey, String reason) {
		jdbc.update("update raingan.report set status = ?, closed_at = ?, withdrawn_reason = ? where business_key = ?",
				WITHDRAWN, now(), reason, businessKey);
	}

	public void dueDate(String businessKey, LocalDate dueDate) {
		jdbc.update("update raingan.report set due_date = ? where business_key = ?", dueDate, businessKey);
	}

	/**
	 * The activity is not yet held: the reason and plan kept for the province, the due
	 * date following the plan.
	 */
	public void notHeld(String businessKey, String reason, LocalDate plannedDate, LocalDate dueDate) {
		jdbc.update("""
				update raingan.report set status = 'not_held', not_held_reason = ?, planned_date = ?, not_held_at = ?,
				due_date = ? where business_key = ?""", reason, plannedDate, now(), dueDate, businessKey);
	}

	/** Recorded once the due date passed without a submission; it stays recorded. */
	public void late(String businessKey) {
		jdbc.update("update raingan.report set late = true where business_key = ?", businessKey);
	}

	/**
	 * Whether the province has closed the round for KPI scoring: its reports are frozen.
	 */
	public boolean roundFrozen(String roundKey) {
		return roundKey != null && jdbc.queryForObject("select count(*) from raingan.kpi_round where round_key = ?",
				Integer.class, roundKey) > 0;
	}

	public String statusOf(String businessKey) {
		return jdbc.queryForObject("select status from raingan.report where business_key = ?", String.class,
				businessKey);
	}

	public boolean isLate(String businessKey) {
		return Boolean.TRUE.equals(jdbc.queryForObject("select late from raingan.report where business_key = ?",
				Boolean.class, businessKey));
	}

	/**
	 * The process instances of a round's reports due after the round's last day (an
	 * activity whose letter sets a later date, or one not yet held and planned later):
	 * the round's close leaves them open until they are due.
	 */
	public java.util.Set<String> dueAfter(String roundKey, LocalDate roundEnd) {
		return new java.util.HashSet<>(jdbc.queryForList("""
				select process_instance_id from raingan.report where round_key = ? and due_date > ?
				and process_instance_id is not null""", String.class, roundKey, roundEnd));
	}

	/** The process instances of a round's reports, by their rows. */
	public java.util.List<String> instancesOf(String roundKey) {
		return jdbc.queryForList(
				"select process_instance_id from raingan.report where round_key = ? and process_instance_id is not null",
				String.class, roundKey);
	}

	/** How many reports of a round are in each status. */
	public Map<String, Integer> countByStatus(String roundKey) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		jdbc.query("select status, count(*) from raingan.report where round_key = ? group by status order by status",
				rs -> {
					counts.put(rs.getString(1), rs.getInt(2));
				}, roundKey);
		return counts;
	}

	private static Timestamp now() {
		Date now = Clock.now();
		return new Timestamp(now.getTime());
	}

}
