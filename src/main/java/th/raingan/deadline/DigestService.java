package th.raingan.deadline;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import th.raingan.mail.Mailer;
import th.raingan.org.Groups;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/**
 * Reminders and the daily digest: a reminder is queued when a report's reminder timer
 * fires; once a day each office with queued reminders gets one mail listing them all.
 */
@Service
public class DigestService {

	private final JdbcTemplate jdbc;

	private final Mailer mailer;

	private final Recipients recipients;

	private final OrgUnits orgUnits;

	private final DeadlineSettings settings;

	DigestService(JdbcTemplate jdbc, Mailer mailer, Recipients recipients, OrgUnits orgUnits,
			DeadlineSettings settings) {
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.recipients = recipients;
		this.orgUnits = orgUnits;
		this.settings = settings;
	}

	public void queueReminder(String businessKey, String officeCode, String taskId, LocalDate dueDate) {
		jdbc.update("""
				insert into raingan.reminder (business_key, office_code, task_id, due_date, queued_at)
				values (?, ?, ?, ?, ?)""", businessKey, officeCode, taskId, dueDate,
				new Timestamp(Clock.now().getTime()));
	}

	public List<String> officesWithPendingReminders() {
		return jdbc.queryForList(
				"select distinct office_code from raingan.reminder where digest_id is null order by office_code",
				String.class);
	}

	/**
	 * Sends today's digest for one office, at most once a day. The digest is recorded
	 * before the mail goes out and in the same transaction, so a failed mail leaves
	 * nothing recorded and the retry sends it once.
	 */
	public int sendDigest(String officeCode) {
		List<PendingReport> reports = jdbc.query("""
				select m.business_key, p.budget_code, p.name_th, m.due_date, m.task_id
				from raingan.reminder m
				join raingan.report r on r.business_key = m.business_key
				join raingan.assignment a on a.id = r.assignment_id
				join raingan.project p on p.id = a.project_id
				where m.office_code = ? and m.digest_id is null and r.status in ('draft', 'returned', 'not_held')
				order by m.due_date, p.budget_code""", (rs, i) -> new PendingReport(rs.getString(1), rs.getString(2),
				rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5)), officeCode);
		LocalDate today = Clock.today();
		boolean sentToday = jdbc.queryForObject(
				"select count(*) from raingan.digest where office_code = ? and sent_on = ?", Integer.class, officeCode,
				today) > 0;
		if (sentToday) {
			return 0;
		}
		if (reports.isEmpty()) {
			// reports submitted since their reminder was queued: nothing to remind of
			jdbc.update("delete from raingan.reminder where office_code = ? and digest_id is null", officeCode);
			return 0;
		}
		OrgUnit office = orgUnits.find(officeCode).orElseThrow();
		List<String> to = recipients
			.of(office.isDistrict() ? Groups.district(officeCode) : Groups.provinceReview(officeCode));
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("""
					insert into raingan.digest (office_code, sent_on, sent_at, recipients, reports)
					values (?, ?, ?, ?, ?)""", new String[] { "id" });
			ps.setString(1, officeCode);
			ps.setObject(2, today);
			ps.setTimestamp(3, new Timestamp(Clock.now().getTime()));
			ps.setString(4, String.join(",", to));
			ps.setInt(5, reports.size());
			return ps;
		}, key);
		jdbc.update("update raingan.reminder set digest_id = ? where office_code = ? and digest_id is null",
				key.getKey().longValue(), officeCode);
		mailer.send(to, List.of(),
				"แจ้งเตือน: รายงานผลใกล้ถึงกำหนดส่ง " + reports.size() + " รายการ - " + office.nameTh(),
				body(office, reports), messageId(officeCode, today));
		return reports.size();
	}

	/**
	 * The same for every attempt at one office's digest of one day: a repeated mail is
	 * recognisable.
	 */
	static String messageId(String officeCode, LocalDate day) {
		return "<digest-" + officeCode + "-" + day + "@raingan>";
	}

	private String body(OrgUnit office, List<PendingReport> reports) {
		StringBuilder text = new StringBuilder();
		text.append("เรียน ").append(office.nameTh()).append("\n\n");
		text.append("รายงานผลการดำเนินงานต่อไปนี้ใกล้ถึงกำหนดส่ง กรุณาบันทึกและส่งรายงานในระบบรายงาน (Raingan):\n\n");
		int n = 1;
		for (PendingReport report : reports) {
			text.append(n++)
				.append(". ")
				.append(report.projectName())
				.append("\n   รหัสงบประมาณ ")
				.append(report.budgetCode())
				.append(" · กำหนดส่ง ")
				.append(BuddhistDates.formatLong(report.dueDate()))
				.append("\n   เปิดงาน: ")
				.append(report.taskId() == null ? settings.tasklistLink() : settings.taskLink(report.taskId()))
				.append("\n\n");
		}
		text.append("อีเมลฉบับนี้ส่งวันละหนึ่งฉบับ รวมทุกรายงานของหน่วยงาน\n");
		return text.toString();
	}

}
