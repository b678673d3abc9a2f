package th.raingan.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import th.raingan.deadline.DailyDigestProcess;
import th.raingan.deadline.DeadlineEscalationProcess;
import th.raingan.report.DistrictReportProcess;

/**
 * Issue 10, two nodes and a mail outage: nodes A and B, both with their job executor on,
 * share one PostgreSQL database (Camunda's homogeneous cluster). Four provinces open
 * their rounds at once: 500 reports whose reminder timers are due at once, and per
 * district of two provinces two reports already overdue, whose escalation mails find no
 * mail server. Node B is killed (SIGKILL) while the timers fire; A takes over its locked
 * jobs after their lock time. Then, with B back, the morning digest runs while the mail
 * server is still down; an operator brings it back and moves the failed jobs' due dates
 * to now, as in Cockpit. Every reminder is queued once and appears in exactly one mail;
 * every district gets one digest and one escalation mail, none twice.
 */
class TwoNodesIT {

	static final List<String> PROVINCES = List.of("42", "27", "31", "57");

	/** These provinces' districts each get two reports already overdue. */
	static final List<String> OVERDUE_PROVINCES = List.of("31", "57");

	static final int REMINDERS = 500;

	GreenMail smtp;

	AppNode a;

	AppNode b;

	@AfterEach
	void stop() throws Exception {
		for (AppNode node : new AppNode[] { a, b }) {
			if (node != null) {
				node.kill();
			}
		}
		if (smtp != null) {
			smtp.stop();
		}
	}

	@Test
	void twoNodesQueueEveryReminderOnceAndMailItOnceThroughAKillAndAMailOutage() throws Exception {
		long began = System.nanoTime();
		NodeDatabase db = NodeDatabase.fresh("nodes");
		int smtpPort = AppNode.freePort();
		// the mail server is down from the start: created, not started
		smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		a = new AppNode("a", db, smtpPort).start();
		b = new AppNode("b", db, smtpPort).launch();
		Rest viaA = new Rest(a::url);
		Rest viaB = new Rest(b::url);

		// 500 reports due in two days over the four provinces' 64 districts, beside the
		// demo catalogue
		int year = Rounds.fiscalYear().yearBe();
		long existing = db.count("""
				select count(*) from raingan.assignment a join raingan.project p on p.id = a.project_id
				where p.fiscal_year_be = ? and p.province_code in ('42', '27', '31', '57')""", year);
		Map<String, List<String[]>> projects = new LinkedHashMap<>();
		List<String[]> assignments = new ArrayList<>();
		Map<String, List<String>> districts = new LinkedHashMap<>();
		for (String province : PROVINCES) {
			districts.put(province, Rounds.districtsOf(province));
			projects.put(province, new ArrayList<>());
		}
		long planned = existing;
		for (int n = 1; planned < REMINDERS; n++) {
			for (String province : PROVINCES) {
				if (planned < REMINDERS) {
					projects.get(province).add(new String[] { Rounds.budgetCode(n), "" });
				}
				for (String district : districts.get(province)) {
					if (planned < REMINDERS) {
						assignments.add(new String[] { province, Rounds.budgetCode(n), district });
						planned++;
					}
				}
			}
		}
		// and two reports per district of two provinces, due yesterday
		String yesterday = "by_date:" + Rounds.today().minusDays(1);
		int overdue = 0;
		for (String province : OVERDUE_PROVINCES) {
			for (int n = 901; n <= 902; n++) {
				projects.get(province).add(new String[] { Rounds.budgetCode(n), yesterday });
				for (String district : districts.get(province)) {
					assignments.add(new String[] { province, Rounds.budgetCode(n), district });
					overdue++;
				}
			}
		}
		Rounds.importCatalogue(viaA, projects, assignments);
		long reports = REMINDERS + overdue;
		int overdueDistricts = OVERDUE_PROVINCES.stream().mapToInt(p -> districts.get(p).size()).sum();
		b.awaitUp();

		// which job executors hold jobs, sampled while the reminders are queued
		Set<String> lockOwners = ConcurrentHashMap.newKeySet();

		LocalDate deadline = Rounds.reportingDeadline();
		Rounds.openRound(viaA, "42", deadline);
		Rounds.openRound(viaB, "27", deadline);
		Rounds.openRound(viaA, "31", deadline);
		Rounds.openRound(viaB, "57", deadline);

		// B dies while reports start and reminder timers fire on both nodes
		await("reminders being queued on both nodes").atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				lockOwners.addAll(db.jdbc.queryForList(
						"select distinct lock_owner_ from act_ru_job where lock_owner_ is not null", String.class));
				return reminders(db) >= REMINDERS * 2 / 5 && lockOwners.size() >= 2;
			});
		Set<String> ownersBeforeKill = Set.copyOf(lockOwners);
		b.kill();
		long remindersAtKill = reminders(db);
		long lockedAtKill = db.count("select count(*) from act_ru_job where lock_owner_ is not null");
		System.out.printf("[two-nodes] killed node B: %d of %d reminders queued, %d reports started, %d jobs locked%n",
				remindersAtKill, REMINDERS, instances(db), lockedAtKill);

		// A alone finishes, taking over B's locked jobs once their lock time is over
		await("every report started, every reminder queued by A").atMost(Duration.ofSeconds(240))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> instances(db) == reports && dueJobs(db) == 0);
		// a report is due when its letter says: the demo catalogue's own rules put some
		// of its reports after this
		// round's reporting deadline, and those have no reminder yet; every imported one
		// is due in two days
		LocalDate today = Rounds.today();
		long remindersDue = db.count("select count(*) from raingan.report where due_date between ? and ?", today,
				today.plusDays(3));
		assertThat(remindersDue).as("reports due within the reminder days")
			.isGreaterThanOrEqualTo(REMINDERS - existing);
		assertThat(ownersBeforeKill).as("both nodes executed jobs").hasSizeGreaterThanOrEqualTo(2);
		assertThat(reminders(db)).as("reminders queued").isEqualTo(remindersDue);
		assertThat(db.count("select count(distinct business_key) from raingan.reminder")).as("reports reminded")
			.isEqualTo(remindersDue);
		assertThat(db.count("select count(*) from raingan.report")).as("report rows").isEqualTo(reports);
		assertThat(db.jdbc.queryForList("""
				select business_key_ from act_hi_procinst where proc_def_key_ = ?
				group by business_key_ having count(*) > 1""", String.class, DistrictReportProcess.KEY))
			.as("a report started twice")
			.isEmpty();
		// the overdue reports: late, one escalation per district although its two reports
		// fell due together
		assertThat(db.count("select count(*) from raingan.report where late")).as("late reports").isEqualTo(overdue);
		assertThat(db.count("select count(*) from raingan.escalation")).isEqualTo(overdueDistricts);
		assertThat(
				db.count("select count(*) from act_hi_procinst where proc_def_key_ = ?", DeadlineEscalationProcess.KEY))
			.as("escalations")
			.isEqualTo(overdueDistricts);

		// B comes back; the morning digest runs while the mail server is still down
		b.start();
		Rounds.runDigestNow(viaB);
		Set<String> offices = new HashSet<>(
				db.jdbc.queryForList("select distinct office_code from raingan.reminder", String.class));
		await("every mail job failed once").atMost(Duration.ofSeconds(90))
			.until(() -> failedMailJobs(db) == offices.size() + overdueDistricts);
		assertThat(db.count("""
				select count(*) from act_ru_job
				where exception_msg_ is not null and retries_ = 2 and duedate_ > now() + interval '9 minutes'"""))
			.as("failed mail jobs wait ten minutes for their next try (R3/PT10M)")
			.isEqualTo(offices.size() + overdueDistricts);
		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(db.count("select count(*) from raingan.digest")).as("no digest recorded without its mail").isZero();

		// the operator brings the mail server back and retries the failed jobs now
		// (Cockpit: due date, retries)
		smtp.start();
		JsonNode failed = viaA.get("admin", "/engine-rest/job?withException=true").body();
		assertThat(failed).hasSize(offices.size() + overdueDistricts);
		String now = Rounds.engineDate(new java.util.Date());
		for (JsonNode job : failed) {
			String id = job.get("id").asText();
			if (job.get("retries").asInt() == 0) {
				assertThat(viaA.put("admin", "/engine-rest/job/" + id + "/retries", Map.of("retries", 1)).status())
					.isEqualTo(204);
			}
			assertThat(viaA.put("admin", "/engine-rest/job/" + id + "/duedate", Map.of("duedate", now)).status())
				.isEqualTo(204);
		}
		await("every mail sent").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> db.count("select count(*) from raingan.digest") == offices.size()
					&& db.count("select count(*) from act_ru_job where exception_msg_ is not null") == 0
					&& db.count("select count(*) from act_hi_actinst where act_id_ = ? and end_time_ is not null",
							DeadlineEscalationProcess.TASK_MAIL_ESCALATION) == overdueDistricts
					&& dueJobs(db) == 0);

		// every reminder in exactly one mail, every district one digest and one
		// escalation mail
		List<Rounds.Mail> mails = Rounds.mails(smtp.getReceivedMessages());
		List<Rounds.Mail> digests = mails.stream().filter(Rounds.Mail::isDigest).toList();
		List<Rounds.Mail> escalations = mails.stream().filter(Rounds.Mail::isEscalation).toList();
		assertThat(digests.size() + escalations.size()).as("only digests and escalations").isEqualTo(mails.size());
		long duplicates = mails.stream().mapToInt(m -> m.sends() - 1).sum();
		assertThat(duplicates).as("mails sent more than once").isZero();
		assertThat(digests.stream().map(Rounds.Mail::office).collect(Collectors.toSet())).as("offices mailed")
			.isEqualTo(offices)
			.hasSize(digests.size());
		List<String> lines = digests.stream()
			.flatMap(m -> m.budgetCodes().stream().map(code -> m.office() + "/" + code))
			.toList();
		Set<String> reminded = new HashSet<>(db.jdbc.queryForList("""
				select m.office_code || '/' || p.budget_code from raingan.reminder m
				join raingan.report r on r.business_key = m.business_key
				join raingan.assignment a on a.id = r.assignment_id
				join raingan.project p on p.id = a.project_id""", String.class));
		assertThat(lines).as("reminder lines").hasSize((int) remindersDue).doesNotHaveDuplicates();
		assertThat(new HashSet<>(lines)).as("the reminders queued").isEqualTo(reminded);
		assertThat(escalations).as("escalation mails").hasSize(overdueDistricts);
		assertThat(escalations.stream().map(m -> m.to().get(m.to().size() - 1)).collect(Collectors.toSet()))
			.as("copied to each overdue district once")
			.hasSize(overdueDistricts);
		Map<String, Long> byNode = mails.stream()
			.collect(Collectors.groupingBy(Rounds.Mail::from, java.util.TreeMap::new, Collectors.counting()));

		System.out.printf("[two-nodes] %d reminders due, %d queued once, %d mails, %d reminder lines, %d duplicates; "
				+ "killed node B mid-way: %d lost; %d lock owners before the kill; mail outage: %d digest and %d "
				+ "escalation jobs failed, retried via REST, %d mails sent once each (by node: %s); %d s%n",
				remindersDue, reminders(db), digests.size(), lines.size(), duplicates, remindersDue - reminders(db),
				ownersBeforeKill.size(), offices.size(), overdueDistricts, mails.size(), byNode,
				Duration.ofNanos(System.nanoTime() - began).toSeconds());
	}

	private static long reminders(NodeDatabase db) {
		return db.count("select count(*) from raingan.reminder");
	}

	private static long instances(NodeDatabase db) {
		return db.count("select count(*) from act_hi_procinst where proc_def_key_ = ?", DistrictReportProcess.KEY);
	}

	/** Jobs due now (a failed mail job waits ten minutes: not due). */
	private static long dueJobs(NodeDatabase db) {
		return db
			.count("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())");
	}

	private static long failedMailJobs(NodeDatabase db) {
		return db.count("""
				select count(*) from act_ru_job
				where exception_msg_ is not null and process_def_key_ in (?, ?)""", DailyDigestProcess.KEY,
				DeadlineEscalationProcess.KEY);
	}

}
