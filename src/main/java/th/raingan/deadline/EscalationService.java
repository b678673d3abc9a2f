package th.raingan.deadline;

import static th.raingan.deadline.DeadlineEscalationProcess.*;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import th.raingan.mail.Mailer;
import th.raingan.org.Groups;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;
import th.raingan.thai.SafeText;

/**
 * Overdue reports go to the province manager once per district and round: the first
 * overdue report opens a {@code deadline-escalation}, the next ones join its list. The
 * escalation table's key makes that hold when two reports fall due in the same second on
 * two nodes: the second insert fails, its job is retried, and it finds the escalation
 * open.
 */
@Service
public class EscalationService {

	private final JdbcTemplate jdbc;

	private final RuntimeService runtime;

	private final OrgUnits orgUnits;

	private final Recipients recipients;

	private final Mailer mailer;

	private final DeadlineSettings settings;

	EscalationService(JdbcTemplate jdbc, RuntimeService runtime, OrgUnits orgUnits, Recipients recipients,
			Mailer mailer, DeadlineSettings settings) {
		this.jdbc = jdbc;
		this.runtime = runtime;
		this.orgUnits = orgUnits;
		this.recipients = recipients;
		this.mailer = mailer;
		this.settings = settings;
	}

	/** Opens the district's escalation for the round, or adds to the one that is open. */
	public void escalate(String roundKey, String officeCode) {
		Timestamp now = new Timestamp(Clock.now().getTime());
		List<Timestamp> handled = jdbc.queryForList(
				"select handled_at from raingan.escalation where round_key = ? and office_code = ?", Timestamp.class,
				roundKey, officeCode);
		if (handled.isEmpty()) {
			jdbc.update("insert into raingan.escalation (round_key, office_code, opened_at) values (?, ?, ?)", roundKey,
					officeCode, now);
		}
		else if (handled.get(0) != null) {
			jdbc.update(
					"update raingan.escalation set handled_at = null, opened_at = ? where round_key = ? and office_code = ?",
					now, roundKey, officeCode);
		}
		else {
			// open already: its list grows, so the manager's task shows every overdue
			// report
			runtime.createProcessInstanceQuery()
				.processDefinitionKey(KEY)
				.processInstanceBusinessKey(roundKey + "/" + officeCode)
				.list()
				.forEach(open -> runtime.setVariable(open.getId(), OVERDUE_TEXT, overdueText(roundKey, officeCode)));
			return;
		}
		OrgUnit office = orgUnits.find(officeCode).orElseThrow();
		runtime.startProcessInstanceByKey(KEY, roundKey + "/" + officeCode,
				Map.of(ROUND_KEY, roundKey, OFFICE_CODE, officeCode, OFFICE_NAME, office.nameTh()));
	}

	public void handled(String roundKey, String officeCode) {
		jdbc.update("update raingan.escalation set handled_at = ? where round_key = ? and office_code = ?",
				new Timestamp(Clock.now().getTime()), roundKey, officeCode);
	}

	/**
	 * The district's reports of the round that passed their due date without a
	 * submission.
	 */
	public List<PendingReport> overdue(String roundKey, String officeCode) {
		return jdbc.query("""
				select r.business_key, p.budget_code, p.name_th, r.due_date
				from raingan.report r
				join raingan.assignment a on a.id = r.assignment_id
				join raingan.project p on p.id = a.project_id
				where r.round_key = ? and r.office_code = ? and r.late and r.status in ('draft', 'returned', 'not_held')
				order by r.due_date, p.budget_code""", (rs, i) -> new PendingReport(rs.getString(1), rs.getString(2),
				rs.getString(3), rs.getDate(4).toLocalDate(), null), roundKey, officeCode);
	}

	public String overdueText(String roundKey, String officeCode) {
		StringBuilder text = new StringBuilder();
		int n = 1;
		for (PendingReport report : overdue(roundKey, officeCode)) {
			long days = java.time.temporal.ChronoUnit.DAYS.between(report.dueDate(), Clock.today());
			text.append(n++)
				.append(". ")
				.append(SafeText.markdownLine(report.projectName()))
				.append(" (")
				.append(SafeText.markdown(report.budgetCode()))
				.append(") กำหนดส่ง ")
				.append(BuddhistDates.formatLong(report.dueDate()))
				.append(" เลยมา ")
				.append(days)
				.append(" วัน\n");
		}
		return text.length() == 0 ? "ไม่มีรายงานค้างส่ง (ส่งครบแล้ว)" : text.toString();
	}

	/** One mail to the province manager, copied to the district's officers. */
	public void mail(String roundKey, String officeCode) {
		OrgUnit office = orgUnits.find(officeCode).orElseThrow();
		List<String> managers = recipients.of(Groups.provinceManager(office.provinceCode()));
		List<String> district = recipients
			.of(office.isDistrict() ? Groups.district(officeCode) : Groups.provinceReview(officeCode));
		String body = "เรียน พัฒนาการจังหวัด\n\n" + office.nameTh() + " มีรายงานผลการดำเนินงานรอบ " + roundKey
				+ " ที่เลยกำหนดส่งและยังไม่ได้ส่ง ดังนี้\n\n" + overdueText(roundKey, officeCode)
				+ "\nติดตามได้ในรายการงาน (ตัวกรอง \"เลยกำหนดส่ง\"): " + settings.tasklistLink() + "\n\nสำเนาถึง "
				+ office.nameTh() + "\n";
		mailer.send(managers, district, "รายงานเลยกำหนดส่ง: " + office.nameTh() + " (รอบ " + roundKey + ")", body,
				messageId(roundKey, officeCode));
	}

	/**
	 * The same for every attempt at one escalation's mail (see {@link Mailer}): the
	 * round, the district and when the escalation was (re)opened, so a later escalation
	 * of the same district gets a mail of its own.
	 */
	String messageId(String roundKey, String officeCode) {
		List<Timestamp> opened = jdbc.queryForList(
				"select opened_at from raingan.escalation where round_key = ? and office_code = ?", Timestamp.class,
				roundKey, officeCode);
		String since = opened.isEmpty() ? "" : "-" + opened.get(0).getTime();
		return "<escalation-" + roundKey.replace('/', '.') + "-" + officeCode + since + "@raingan>";
	}

}
