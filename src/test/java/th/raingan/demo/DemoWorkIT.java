package th.raingan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import th.raingan.Users;
import th.raingan.report.DistrictReportProcess;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/**
 * The demo's work on a database of its own (the demo as a newcomer starts it, embedded H2
 * whatever the suite runs on): after start every demo role has work, due dates follow
 * today, and a second start changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:raingan-demo-work;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE,YEAR",
				"spring.datasource.username=sa", "spring.datasource.password=", "raingan.demo-accounts=auto",
				// an engine of another name: Camunda keeps engines in a static registry
				// by name, and the shared test
				// context's REST API and webapps look theirs up as "default"
				"camunda.bpm.process-engine-name=demo-work" })
@ActiveProfiles("test")
// run by Failsafe, in a JVM of its own: beside the suite's shared context its engine
// would sit in Camunda's static
// registry, and the shared webapps would then show an engine picker (and, once it is
// closed, lose "default")
class DemoWorkIT {

	@Autowired
	DemoWork work;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	/**
	 * What the job executor does in the application: the round's reports start, due
	 * timers fire.
	 */
	private void runDueJobs() {
		for (int pass = 0; pass < 20; pass++) {
			List<Job> due = management.createJobQuery().executable().list();
			boolean ran = false;
			for (Job job : due) {
				if (job.getRetries() <= 0) {
					continue;
				}
				try {
					management.executeJob(job.getId());
					ran = true;
				}
				catch (RuntimeException mailServerAbsent) {
					// the mail jobs fail without a mail server and are retried later, as
					// in the application
					management.setJobRetries(job.getId(), 0);
				}
			}
			if (!ran) {
				return;
			}
		}
	}

	private List<Task> tasksOf(String user) {
		Users.signIn(identity, user);
		try {
			return tasks.createTaskQuery().orderByDueDate().asc().list();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	@Test
	void everyDemoRoleHasWorkAfterStartAndARestartChangesNothing() throws Exception {
		LocalDate today = Clock.today();
		assertThat(tasksOf("str4201")).as("nothing before the demo's work").isEmpty();

		assertThat(work.openRound(today)).isTrue();
		runDueJobs();
		assertThat(work.actOnDrafts(today)).as("every district had its drafts").isEmpty();
		runDueJobs();
		assertThat(work.signPreviousRound(today)).as("a past half-year with Loei's KPI template in force (until 2571)")
			.isEqualTo(work.scoredRound(today).isPresent());
		runDueJobs();

		String round = DemoWork.roundKey(today);
		List<Task> str4201 = tasksOf("str4201");
		assertThat(str4201).as("Mueang Loei's reports of " + round)
			.isNotEmpty()
			.allSatisfy(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo(DistrictReportProcess.TASK_DISTRICT_DRAFT));
		assertThat(Clock.day(str4201.get(0).getDueDate())).as("the first report is due on the round's last day")
			.isEqualTo(DemoWork.deadline(today))
			.isAfter(today);

		List<Task> review42 = tasksOf("review42");
		assertThat(review42).hasSize(DemoWork.SUBMITTING.size())
			.allSatisfy(
					t -> assertThat(t.getTaskDefinitionKey()).isEqualTo(DistrictReportProcess.TASK_PROVINCE_REVIEW));

		List<Task> manager42 = tasksOf("manager42");
		assertThat(manager42).singleElement().satisfies(t -> {
			assertThat(t.getTaskDefinitionKey()).isEqualTo("Task_HandleOverdue");
			assertThat(String.valueOf(runtime.getVariables(t.getExecutionId()))).contains(DemoWork.LATE_OFFICE,
					BuddhistDates.formatLong(DemoWork.overdueDate(today)));
		});
		assertThat(runtime.createProcessInstanceQuery()
			.processDefinitionKey(DistrictReportProcess.KEY)
			.processInstanceBusinessKeyLike(round.substring(0, round.indexOf('/')) + "/%/" + DemoWork.APPROVED_OFFICE)
			.count()).as("the approved report has ended, its office's other reports run")
			.isEqualTo(tasksOf("str" + DemoWork.APPROVED_OFFICE).size());

		String previous = work.scoredRound(today).map(java.util.Map.Entry::getKey).orElse("none");
		assertThat(
				jdbc.queryForObject("select status from raingan.kpi_round where round_key = ?", String.class, previous))
			.as("the previous half-year's KPI round, signed")
			.isEqualTo("signed_off");
		assertThat(
				jdbc.queryForObject("select count(distinct office_code) from raingan.kpi_snapshot where round_key = ?",
						Integer.class, previous))
			.as("a score per Loei district")
			.isEqualTo(14);
		assertThat(
				jdbc.queryForObject("select count(*) from raingan.report where round_key = ? and status <> 'approved'",
						Integer.class, previous))
			.as("its reports all approved")
			.isZero();
		String pastPrefix = previous.substring(0, previous.indexOf('/') + 1);
		assertThat(management.createJobQuery().timers().list())
			.as("no due-date timer of the past round was left for the job executor")
			.filteredOn(job -> job.getProcessInstanceId() != null)
			.noneMatch(job -> runtime.createProcessInstanceQuery()
				.processInstanceId(job.getProcessInstanceId())
				.processInstanceBusinessKeyLike(pastPrefix + "%")
				.count() > 0);

		// a restart with ./data kept
		long instances = runtime.createProcessInstanceQuery().count();
		assertThat(work.openRound(today)).isFalse();
		assertThat(work.actOnDrafts(today)).isEmpty();
		assertThat(work.signPreviousRound(today)).isFalse();
		runDueJobs();
		assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
		assertThat(tasksOf("review42")).hasSize(DemoWork.SUBMITTING.size());
		assertThat(tasksOf("manager42")).hasSize(1);
	}

}
