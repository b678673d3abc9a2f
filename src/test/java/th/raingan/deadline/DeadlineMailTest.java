package th.raingan.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import th.raingan.ApplicationTest;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.ReportDrafts;
import th.raingan.report.ReportTracker;
import th.raingan.thai.Clock;

/**
 * Reminders, the daily digest, escalation and a mail outage, against a real SMTP server
 * (GreenMail) with the engine's clock moved. The test drives the job executor's part: it
 * executes the due jobs.
 */
@ApplicationTest
class DeadlineMailTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	static final String PROJECT = "801-112-P0167-2026-02";

	static final String OTHER_PROJECT = "803-112-S0550-2026-09";

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	ReportTracker tracker;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	private static void clockAt(LocalDateTime bangkok) {
		ClockUtil.setCurrentTime(Date.from(bangkok.atZone(Clock.ZONE).toInstant()));
	}

	/** A 4xxx report due 10 March 2569, as the round would start it. */
	private ProcessInstance report(String office, String budgetCode) {
		var assignment = catalog.assignment(2569, budgetCode, office).orElseThrow();
		Map<String, Object> inputs = ReportDrafts.inputsFor4201(assignment);
		inputs.put(OFFICE_CODE, office);
		inputs.put(DUE_DATE, Clock.endOfDay(LocalDate.of(2026, 3, 10)));
		return runtime.startProcessInstanceByKey(KEY, "mail-" + UUID.randomUUID(), inputs);
	}

	private void fire(ProcessInstance report, String timerId) {
		Job job = management.createJobQuery().processInstanceId(report.getId()).activityId(timerId).singleResult();
		management.executeJob(job.getId());
	}

	/**
	 * Runs the morning digest as the job executor would: the timer start, then one job
	 * per office.
	 */
	private ProcessInstance runDigest() {
		List<String> before = runtime.createProcessInstanceQuery()
			.processDefinitionKey(DailyDigestProcess.KEY)
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		Job morning = management.createJobQuery().processDefinitionKey(DailyDigestProcess.KEY).timers().singleResult();
		management.executeJob(morning.getId());
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(DailyDigestProcess.KEY)
			.list()
			.stream()
			.filter(p -> !before.contains(p.getId()))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The digest's job for one office (other tests' offices may be in the same morning's
	 * digest).
	 */
	private Job digestJob(ProcessInstance digest, String office) {
		return management.createJobQuery()
			.processInstanceId(digest.getId())
			.list()
			.stream()
			.filter(job -> office.equals(runtime.getVariable(job.getExecutionId(), DailyDigestProcess.OFFICE_CODE)))
			.findFirst()
			.orElseThrow();
	}

	private List<MimeMessage> mailsTo(String address) throws Exception {
		List<MimeMessage> found = new java.util.ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (java.util.Arrays.stream(mail.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
				found.add(mail);
			}
		}
		return found;
	}

	/**
	 * A Loei district's addresses: its shared account and its people (the demo's head and
	 * two officers).
	 */
	private static List<String> members(String district) {
		return List.of("str" + district + "@raingan.invalid", "head" + district + "@raingan.invalid",
				"cdo" + district + "a@raingan.invalid", "cdo" + district + "b@raingan.invalid");
	}

	private static List<String> messageIds(List<MimeMessage> mails) throws Exception {
		List<String> ids = new java.util.ArrayList<>();
		for (MimeMessage mail : mails) {
			ids.add(mail.getMessageID());
		}
		return ids.stream().distinct().toList();
	}

	private boolean readableByManager42(ProcessInstance report) {
		identity.setAuthentication("manager42", List.of("province-42-manager"));
		try {
			return runtime.createProcessInstanceQuery().processInstanceId(report.getId()).count() == 1;
		}
		finally {
			identity.clearAuthentication();
		}
	}

	@Test
	void remindersReachTheDistrictAsOneDigestADay() throws Exception {
		clockAt(LocalDateTime.of(2026, 3, 1, 9, 0));
		ProcessInstance first = report("4203", PROJECT);
		ProcessInstance second = report("4203", OTHER_PROJECT);

		clockAt(LocalDateTime.of(2026, 3, 7, 6, 0)); // 3 days before the due date
		fire(first, TIMER_REMINDER_BEFORE_DUE);
		fire(second, TIMER_REMINDER_BEFORE_DUE);
		assertThat(smtp.getReceivedMessages()).as("no mail per report").isEmpty();

		ProcessInstance digest = runDigest();
		management.executeJob(digestJob(digest, "4203").getId());

		// one mail to every member of the district: its shared account and its people (a
		// copy per addressee)
		List<MimeMessage> mails = mailsTo("str4203@raingan.invalid");
		assertThat(messageIds(mails)).hasSize(1);
		assertThat(mails).hasSize(members("4203").size());
		assertThat(mails.get(0).getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactlyInAnyOrderElementsOf(members("4203"));
		assertThat(mails.get(0).getMessageID()).as("the same for a repeat, so it can be recognised")
			.isEqualTo("<digest-4203-2026-03-07@raingan>");
		assertThat(mails.get(0).getSubject()).contains("2 รายการ").contains("สำนักงานพัฒนาชุมชนอำเภอเชียงคาน");
		String body = mails.get(0).getContent().toString();
		Task draft = tasks.createTaskQuery().processInstanceId(first.getId()).singleResult();
		assertThat(body).contains("ประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาตำบล", "ส่งเสริมประชาชนที่เป็นสมาชิกกองทุนชุมชน",
				"กำหนดส่ง 10 มีนาคม 2569", "/camunda/app/tasklist/default/#/?task=" + draft.getId());

		ProcessInstance again = runDigest();
		if (again != null) {
			management.createJobQuery()
				.processInstanceId(again.getId())
				.list()
				.forEach(job -> management.executeJob(job.getId()));
		}
		assertThat(mailsTo("str4203@raingan.invalid")).as("nothing twice").hasSize(members("4203").size());
	}

	@Test
	void aPassedDueDateIsRecordedLateAndEscalatedToTheManagerOncePerDistrict() throws Exception {
		clockAt(LocalDateTime.of(2026, 3, 1, 9, 0));
		ProcessInstance first = report("4204", PROJECT);
		ProcessInstance second = report("4204", OTHER_PROJECT);

		assertThat(readableByManager42(first)).as("on time: not open to the province in Cockpit").isFalse();

		clockAt(LocalDateTime.of(2026, 3, 12, 8, 0));
		fire(first, TIMER_DUE_DATE_PASSED);
		fire(second, TIMER_DUE_DATE_PASSED);
		assertThat(tracker.isLate(first.getBusinessKey())).isTrue();
		assertThat(runtime.createProcessInstanceQuery()
			.processDefinitionKey(DeadlineEscalationProcess.KEY)
			.processInstanceBusinessKey("2569-1/42/4204")
			.list()).as("one escalation for the district").hasSize(1);
		assertThat(tasks.createTaskQuery().processInstanceId(first.getId()).singleResult().getTaskDefinitionKey())
			.as("the officer can still report")
			.isEqualTo(TASK_DISTRICT_DRAFT);
		assertThat(readableByManager42(first)).as("overdue: the dashboard's Cockpit link opens it").isTrue();

		// the office's district-round of a round opened by another test may carry the
		// same key
		ProcessInstance escalation = runtime.createProcessInstanceQuery()
			.processDefinitionKey(DeadlineEscalationProcess.KEY)
			.processInstanceBusinessKey("2569-1/42/4204")
			.singleResult();
		management.executeJob(management.createJobQuery().processInstanceId(escalation.getId()).singleResult().getId());

		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(mails).as("one mail, delivered to the manager and copied to the district")
			.hasSize(1 + members("4204").size());
		assertThat(java.util.Arrays.stream(mails).map(m -> {
			try {
				return m.getMessageID();
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).distinct()).hasSize(1);
		assertThat(mails[0].getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly("manager42@raingan.invalid");
		assertThat(mails[0].getRecipients(Message.RecipientType.CC)).extracting(Object::toString)
			.containsExactlyInAnyOrderElementsOf(members("4204"));
		assertThat(mails[0].getContent().toString()).contains("ประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาตำบล")
			.contains("เลยมา 2 วัน");

		Task managerTask = tasks.createTaskQuery().processInstanceId(escalation.getId()).singleResult();
		assertThat(tasks.getIdentityLinksForTask(managerTask.getId())).extracting(l -> l.getGroupId())
			.containsExactly("province-42-manager");
		assertThat(runtime.getVariable(escalation.getId(), DeadlineEscalationProcess.OVERDUE_TEXT).toString())
			.contains("ส่งเสริมประชาชนที่เป็นสมาชิกกองทุนชุมชน")
			.contains("ประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาตำบล");
	}

	@Test
	void aMailOutageBecomesAnIncidentAndTheMailGoesOutOnceWhenTheServerIsBack() throws Exception {
		clockAt(LocalDateTime.of(2026, 3, 1, 9, 0));
		ProcessInstance report = report("4205", PROJECT);
		clockAt(LocalDateTime.of(2026, 3, 7, 6, 0));
		fire(report, TIMER_REMINDER_BEFORE_DUE);

		smtp.stop();
		ProcessInstance digest = runDigest();
		Job send = digestJob(digest, "4205");
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThatThrownBy(() -> management.executeJob(send.getId())).isNotNull();
		}
		assertThat(management.createJobQuery().jobId(send.getId()).singleResult().getRetries()).isZero();
		assertThat(runtime.createIncidentQuery().configuration(send.getId()).processInstanceId(digest.getId()).count())
			.isEqualTo(1);

		smtp.start();
		management.setJobRetries(send.getId(), 1); // what "retry" in Cockpit does
		management.executeJob(send.getId());
		assertThat(messageIds(mailsTo("str4205@raingan.invalid"))).as("exactly one mail").hasSize(1);
		assertThat(smtp.getReceivedMessages()).as("a copy per member").hasSize(members("4205").size());
		assertThat(runtime.createIncidentQuery().processInstanceId(digest.getId()).count()).isZero();
	}

}
