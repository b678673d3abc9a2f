package th.raingan.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import th.raingan.deadline.DailyDigestProcess;
import th.raingan.report.DistrictReportProcess;

/**
 * Issue 10, crash: one node on PostgreSQL is killed with SIGKILL while users complete
 * reports through {@code /engine-rest} and its job executor starts reports and fires
 * reminder timers; the node is started again on the same database and the users finish.
 * Every report is then accounted for: one process instance, one approved version, every
 * completion a user saw succeed stored once and none redone, the reminder timers that
 * were due fired once each (also those due while the node was dead), and the morning
 * digest goes out to every office with reminders pending.
 */
class CrashRecoveryIT {

	static final String PROVINCE = "42";

	/**
	 * At least this many reports in Loei: the demo's 4 projects per district and imported
	 * ones.
	 */
	static final int REPORTS_WANTED = 200;

	GreenMail smtp;

	AppNode node;

	@AfterEach
	void stop() throws Exception {
		if (node != null) {
			node.kill();
		}
		if (smtp != null) {
			smtp.stop();
		}
	}

	@Test
	void aKilledNodeLosesNoReportNoSubmissionNoReminderAndRedoesNothing() throws Exception {
		long began = System.nanoTime();
		NodeDatabase db = NodeDatabase.fresh("crash");
		smtp = new GreenMail(new ServerSetup(AppNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		node = new AppNode("crash", db, smtp.getSmtp().getPort()).start();
		Rest rest = new Rest(node::url);

		// a few hundred reports: imported projects for every Loei district beside the
		// demo catalogue
		int year = Rounds.fiscalYear().yearBe();
		List<String> districts = Rounds.districtsOf(PROVINCE);
		String assignmentsOfRound = """
				select count(*) from raingan.assignment a join raingan.project p on p.id = a.project_id
				where p.fiscal_year_be = ? and p.province_code = ?""";
		long existing = db.count(assignmentsOfRound, year, PROVINCE);
		int projects = Math.max(1, (int) Math.ceil((REPORTS_WANTED - existing) / (double) districts.size()));
		List<String[]> list = new ArrayList<>();
		List<String[]> assignments = new ArrayList<>();
		for (int n = 1; n <= projects; n++) {
			list.add(new String[] { Rounds.budgetCode(n), "" });
			for (String district : districts) {
				assignments.add(new String[] { PROVINCE, Rounds.budgetCode(n), district });
			}
		}
		Rounds.importCatalogue(rest, Map.of(PROVINCE, list), assignments);
		long reports = db.count(assignmentsOfRound, year, PROVINCE);

		String roundId = Rounds.openRound(rest, PROVINCE, Rounds.reportingDeadline());
		ReportDesk desk = new ReportDesk(rest, PROVINCE, districts);
		// one imported project's drafts wait until after the digest: every district has a
		// reminder pending then
		desk.holdBack(Rounds.budgetCode(1));
		desk.start(3, 2);

		// the kill: reports still being started by jobs, reminder timers due, users'
		// completions in flight
		await("reports starting and users at work").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(100))
			.failFast(() -> !desk.errors.isEmpty())
			.until(() -> instances(db) >= reports * 2 / 5 && desk.submitted.size() + desk.approved.size() >= 10);
		long lockedAtKill = db.count("select count(*) from act_ru_job where lock_owner_ is not null");
		int inFlightAtKill = desk.inFlight.get();
		node.kill();
		Timestamp killedAt = Timestamp.from(Instant.now());
		long instancesAtKill = instances(db);
		long approvedAtKill = db.count("select count(*) from raingan.report where status = 'approved'");
		long dueAtKill = db
			.count("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())");
		System.out.printf(
				"[crash] killed node: %d of %d reports started, %d approved, %d jobs due (%d locked by the "
						+ "dead node), %d completions in flight%n",
				instancesAtKill, reports, approvedAtKill, dueAtKill, lockedAtKill, inFlightAtKill);

		// the users keep trying while it is down (their requests fail); then it comes
		// back
		// on the same database
		int failuresAtKill = desk.connectionFailures.get();
		await("users finding the node down").atMost(Duration.ofSeconds(30))
			.failFast(() -> !desk.errors.isEmpty())
			.until(() -> desk.connectionFailures.get() >= failuresAtKill + 3);
		node.start();

		// every report started, every due job done (the dead node's locked ones after
		// their lock time)
		await("reports started after the restart").atMost(Duration.ofSeconds(120))
			.failFast(() -> !desk.errors.isEmpty())
			.until(() -> instances(db) == reports);
		desk.pause();
		await("users paused").atMost(Duration.ofSeconds(60)).until(desk::idle);
		await("due jobs done").atMost(Duration.ofSeconds(90)).until(() -> db.count("""
				select count(*) from act_ru_job
				where retries_ > 0 and (duedate_ is null or duedate_ <= now())""") == 0);
		assertThat(db.count("select count(*) from act_ru_job where retries_ = 0")).as("failed jobs").isZero();

		// reminders: one per report whose reminder timer fired, also those that fired
		// after the restart
		long fired = db.count("""
				select count(*) from act_hi_actinst
				where proc_def_key_ = ? and act_id_ = ? and end_time_ is not null""", DistrictReportProcess.KEY,
				DistrictReportProcess.TASK_QUEUE_REMINDER);
		long reminders = db.count("select count(*) from raingan.reminder");
		long remindersAfterRestart = db.count("select count(*) from raingan.reminder where queued_at > ?", killedAt);
		// (a returned report is a draft again, with a new task and a new reminder timer:
		// one reminder per task)
		assertThat(db.jdbc.queryForList("""
				select business_key from raingan.reminder group by business_key, task_id having count(*) > 1""",
				String.class))
			.as("reminders queued twice")
			.isEmpty();
		assertThat(reminders).as("reminders = reminder timers fired").isEqualTo(fired);
		assertThat(db.jdbc.queryForList("""
				select p.business_key_ from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_
				where a.act_id_ = ? and a.end_time_ is not null
				and not exists (select 1 from raingan.reminder m where m.business_key = p.business_key_)""",
				String.class, DistrictReportProcess.TASK_QUEUE_REMINDER))
			.as("fired without a reminder")
			.isEmpty();
		if (instancesAtKill < reports) {
			assertThat(remindersAfterRestart).as("timers of reports started after the restart fired").isPositive();
		}

		// the morning digest: one mail to each office with a reminder of a report not yet
		// submitted
		Set<String> officesDue = new HashSet<>(db.jdbc.queryForList(
				"""
						select distinct m.office_code from raingan.reminder m join raingan.report r on r.business_key = m.business_key
						where m.digest_id is null and r.status in ('draft', 'returned')""",
				String.class));
		long remindersDue = db.count("""
				select count(*) from raingan.reminder m join raingan.report r on r.business_key = m.business_key
				where m.digest_id is null and r.status in ('draft', 'returned')""");
		Rounds.runDigestNow(rest);
		await("digest sent").atMost(Duration.ofSeconds(60))
			.until(() -> db.count("select count(*) from act_ru_execution where proc_def_id_ like ?",
					DailyDigestProcess.KEY + ":%") == 0 && digestsToday(db) == officesDue.size());
		List<Rounds.Mail> mails = Rounds.mails(smtp.getReceivedMessages());
		assertThat(mails).allMatch(Rounds.Mail::isDigest);
		assertThat(mails).extracting(Rounds.Mail::sends).as("each mail sent once").containsOnly(1);
		assertThat(mails.stream().map(Rounds.Mail::office).collect(Collectors.toSet())).as("offices mailed")
			.isEqualTo(officesDue)
			.hasSize(mails.size());
		assertThat(mails.stream().mapToInt(m -> m.budgetCodes().size()).sum()).as("reminder lines")
			.isEqualTo(remindersDue);

		assertThat(officesDue).as("every district has a reminder pending").hasSize(districts.size());

		// the users finish
		desk.release();
		desk.resume();
		await("every report approved").atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(500))
			.failFast(() -> !desk.errors.isEmpty())
			.until(() -> db.count("select count(*) from raingan.report where status = 'approved'") == reports);
		desk.stop();
		assertThat(desk.errors).isEmpty();
		await("the round completes").atMost(Duration.ofSeconds(60))
			.until(() -> db.count("select count(*) from act_hi_procinst where id_ = ? and end_time_ is not null",
					roundId) == 1);

		// every report accounted for: one instance, one report row, one approved version
		assertThat(db.count("select count(*) from act_hi_procinst where proc_def_key_ = ?", DistrictReportProcess.KEY))
			.as("district-report instances")
			.isEqualTo(reports);
		assertThat(db.jdbc.queryForList("""
				select business_key_ from act_hi_procinst where proc_def_key_ = ?
				group by business_key_ having count(*) > 1""", String.class, DistrictReportProcess.KEY))
			.as("a report started twice")
			.isEmpty();
		assertThat(db.count("select count(*) from act_hi_procinst where proc_def_key_ = ? and end_time_ is null",
				DistrictReportProcess.KEY))
			.as("reports still running")
			.isZero();
		assertThat(db.count("select count(*) from raingan.report where round_key = ?",
				year + "-" + Rounds.roundNo() + "/" + PROVINCE))
			.as("report rows")
			.isEqualTo(reports);
		assertThat(db.count("select count(*) from raingan.report_version where status = 'approved'"))
			.as("approved versions")
			.isEqualTo(reports);
		assertThat(db.jdbc.queryForList("""
				select business_key from raingan.report_version where status = 'approved'
				group by business_key having count(*) > 1""", String.class)).as("approved twice").isEmpty();
		assertThat(db.jdbc.queryForList("""
				select business_key || '#' || revision from raingan.report_version
				group by business_key, revision having count(*) > 1""", String.class)).as("a version stored twice")
			.isEmpty();

		// what the users saw succeed is there; nothing else is (nothing redone)
		Set<String> versions = new HashSet<>(db.jdbc
			.queryForList("select business_key || '#' || revision from raingan.report_version", String.class));
		Set<String> submissions = new HashSet<>(desk.submitted);
		submissions.addAll(desk.submittedUnseen);
		List<String> lost = desk.submitted.stream().filter(s -> !versions.contains(s)).toList();
		assertThat(lost).as("submissions the users saw succeed, missing").isEmpty();
		assertThat(versions).as("stored versions = submissions").isEqualTo(submissions);
		Set<String> decided = new HashSet<>(db.jdbc.queryForList(
				"select business_key || '#' || revision || ':' || status from raingan.report_version", String.class));
		desk.approved.forEach(a -> assertThat(decided).contains(a + ":approved"));
		desk.approvedUnseen.forEach(a -> assertThat(decided).contains(a + ":approved"));
		desk.returned.forEach(r -> assertThat(decided).contains(r + ":returned"));
		desk.returnedUnseen.forEach(r -> assertThat(decided).contains(r + ":returned"));
		assertThat(desk.goneUnexpectedly).as("tasks completed by someone else").hasValue(0);
		long duplicated = versions.size() - submissions.size();

		System.out.printf("[crash] before kill: %d instances, %d approved; after restart: %d instances, %d lost, %d "
				+ "duplicated; %d completions failed with the node (%d had committed before the kill, %d were repeated "
				+ "after the restart), %d returned and "
				+ "resubmitted; reminders %d queued once (%d after the restart); mails %d sent of %d due (%d reminder "
				+ "lines); %d s%n", instancesAtKill, approvedAtKill, instances(db), lost.size(), duplicated,
				desk.submittedUnseen.size() + desk.approvedUnseen.size() + desk.returnedUnseen.size()
						+ desk.repeated.get(),
				desk.submittedUnseen.size() + desk.approvedUnseen.size() + desk.returnedUnseen.size(),
				desk.repeated.get(), desk.returned.size() + desk.returnedUnseen.size(), reminders,
				remindersAfterRestart, mails.size(), officesDue.size(), remindersDue,
				Duration.ofNanos(System.nanoTime() - began).toSeconds());
	}

	private static long instances(NodeDatabase db) {
		return db.count("select count(*) from act_hi_procinst where proc_def_key_ = ?", DistrictReportProcess.KEY);
	}

	private static long digestsToday(NodeDatabase db) {
		return db.count("select count(*) from raingan.digest where sent_on = ?", Rounds.today());
	}

}
