package th.raingan.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.Users;
import th.raingan.project.ImportReport;
import th.raingan.project.ProjectImport;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportDeadlines;
import th.raingan.report.ReportDrafts;
import th.raingan.report.ReportTracker;
import th.raingan.thai.Clock;

/**
 * A fiscal year (2567) of Mueang Chiang Rai on Chiang Rai's evaluation plan (the Chiang
 * Rai evaluation letter, docs/requirements/overview.md,
 * evaluation-plan-2567-chiangrai.csv), with the engine's clock moved from November to the
 * end of September: every activity of the plan reports in round 2 on its own date; round
 * 1 only has the year-long project and a quarter-2 activity, and none of round 2's
 * activities is reminded, escalated or closed "not submitted" in round 1.
 */
@ApplicationTest
class ChiangRaiFiscalYearTest {

	static final String OFFICE = "5701";

	/**
	 * The plan's activities get budget codes of their own: 801-112-Q0567-2024-01 ... -20.
	 */
	static final String CODE = "801-112-Q0567-2024-";

	static final String YEAR_LONG = CODE + "90";

	static final String QUARTER_2 = CODE + "91";

	static final String SEVEN_DAYS_AFTER_JUNE = CODE + "92";

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProjectImport importer;

	@Autowired
	IdentityService identity;

	@Autowired
	FormService forms;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	ReportTracker tracker;

	@Autowired
	ReportDeadlines deadlines;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void reset() {
		ClockUtil.reset();
		identity.clearAuthentication();
	}

	static void clockAt(LocalDate day, int hour) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(Clock.ZONE).toInstant()));
	}

	/**
	 * The plan as the province's catalogue: one project per activity of the letter (named
	 * by the letter's project, so that its activity names stay the evaluation plan's to
	 * match), each assigned to Mueang Chiang Rai with the quarter the letter gives in
	 * brackets ("(ไตรมาส ๔)"); plus a year-long project, a quarter-2 activity due on the
	 * round's deadline and a "7 days after" activity planned to end on 10 June 2567.
	 */
	ImportReport loadThePlan() throws Exception {
		List<CSVRecord> plan = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new java.io.StringReader(new ClassPathResource("evaluation-plan-2567-chiangrai.csv")
				.getContentAsString(StandardCharsets.UTF_8)))
			.getRecords();
		StringBuilder projects = new StringBuilder(
				"budget_code,fiscal_year_be,province_code,name_th,budget_source,unit_th,province_target,evaluation_required,deadline_rule\n");
		StringBuilder assignments = new StringBuilder(
				"fiscal_year_be,province_code,budget_code,office_code,target,allocation_baht,activity_period,deadline_rule,needs_area_data,evaluation_required\n");
		int n = 1;
		for (CSVRecord row : plan) {
			String code = CODE + String.format("%02d", n);
			String name = "แผนประเมินผลข้อ " + row.get("no") + " " + row.get("project_th");
			while (name.contains(row.get("activity_th"))) {
				name = name.substring(0, name.length() - 1);
			}
			projects.append(code)
				.append(",2567,57,\"")
				.append(name)
				.append("\",B1,คน,10,")
				.append(row.get("assessment_form"))
				.append(',')
				.append(row.get("deadline_rule"))
				.append('\n');
			String text = row.get("deadline_text_th");
			String quarter = text.contains("(ไตรมาส") ? text.substring(text.indexOf("(ไตรมาส") + 1, text.indexOf(')'))
					: "";
			assignments.append("2567,57,").append(code).append(",5701,10,10000,").append(quarter).append(",,Y,\n");
			n++;
		}
		projects.append(YEAR_LONG).append(",2567,57,โครงการต่อเนื่องทั้งปีงบประมาณ,B1,คน,10,N,\n");
		projects.append(QUARTER_2).append(",2567,57,กิจกรรมไตรมาสสองส่งภายในวันสุดท้ายของรอบ,B1,คน,10,N,\n");
		projects.append(SEVEN_DAYS_AFTER_JUNE)
			.append(",2567,57,ประชุมเชิงปฏิบัติการที่เสร็จสิ้น 10 มิถุนายน,B1,คน,10,N,\n");
		assignments.append("2567,57,").append(YEAR_LONG).append(",5701,10,10000,ทั้งปี,,N,\n");
		assignments.append("2567,57,").append(QUARTER_2).append(",5701,10,10000,ไตรมาส ๒,,N,\n");
		assignments.append("2567,57,")
			.append(SEVEN_DAYS_AFTER_JUNE)
			.append(",5701,10,10000,01/06/2567 - 10/06/2567,days_after_activity:7,N,\n");
		ImportReport p = importer
			.importProjects(new ByteArrayInputStream(projects.toString().getBytes(StandardCharsets.UTF_8)));
		assertThat(p.rejected()).isEmpty();
		ImportReport a = importer
			.importAssignments(new ByteArrayInputStream(assignments.toString().getBytes(StandardCharsets.UTF_8)));
		assertThat(a.rejected()).isEmpty();
		assertThat(a.imported()).isEqualTo(plan.size() + 3);
		return a;
	}

	ProcessInstance openRound(int round, String deadline) {
		Users.signIn(identity, "manager57");
		try {
			String definition = repository.createProcessDefinitionQuery()
				.processDefinitionKey(ReportingRoundProcess.KEY)
				.latestVersion()
				.singleResult()
				.getId();
			ProcessInstance instance = forms.submitStartForm(definition,
					Map.of(ReportingRoundProcess.FISCAL_YEAR, "2567", ReportingRoundProcess.ROUND_NO,
							Integer.toString(round), ReportingRoundProcess.REPORTING_DEADLINE, deadline));
			identity.clearAuthentication();
			RoundJobs.startReports(management, runtime, instance.getId());
			return instance;
		}
		finally {
			identity.clearAuthentication();
		}
	}

	List<ProcessInstance> reports(int round) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(DistrictReportProcess.KEY)
			.processInstanceBusinessKeyLike("2567-" + round + "/%/" + OFFICE)
			.list();
	}

	String key(int round, String code) {
		return "2567-" + round + "/" + code + "/" + OFFICE;
	}

	Task draft(String businessKey) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(DistrictReportProcess.TASK_DISTRICT_DRAFT)
			.singleResult();
	}

	/**
	 * The day comes: the reports' timers due by then fire, as the job executor would fire
	 * them.
	 */
	void dayComes(LocalDate day) {
		clockAt(day, 9);
		for (int round = 1; round <= 2; round++) {
			for (ProcessInstance report : reports(round)) {
				for (Job job : management.createJobQuery()
					.processInstanceId(report.getId())
					.timers()
					.duedateLowerThan(ClockUtil.getCurrentTime())
					.list()) {
					management.executeJob(job.getId());
				}
			}
		}
	}

	List<String> remindedKeys() {
		return jdbc.queryForList(
				"select business_key from raingan.reminder where business_key like ? order by business_key",
				String.class, "2567-%/" + OFFICE);
	}

	List<String> lateKeys() {
		return jdbc.queryForList(
				"select business_key from raingan.report where late and business_key like ? order by business_key",
				String.class, "2567-%/" + OFFICE);
	}

	void submit(String businessKey, String start, String end) {
		Map<String, Object> values = ReportDrafts.valid();
		values.put(DistrictReportProcess.START_DATE, start);
		values.put(DistrictReportProcess.END_DATE, end);
		identity.setAuthentication("str5701", List.of("district-5701"));
		try {
			tasks.complete(draft(businessKey).getId(), values);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	LocalDate dueOf(String businessKey) {
		return jdbc
			.queryForObject("select due_date from raingan.report where business_key = ?", java.sql.Date.class,
					businessKey)
			.toLocalDate();
	}

	@Test
	void aFiscalYearOnChiangRaisPlan() throws Exception {
		BpmnAwareTests.init(engine);
		clockAt(LocalDate.of(2023, 11, 1), 9);
		ImportReport imported = loadThePlan();
		// the letter's "ภายใน ๗ วันหลังเสร็จสิ้นการประชุม (ไตรมาส ๔)": the quarter ends
		// 30 September, its report is due
		// 7 October 2567, after the round's end; imported, flagged
		assertThat(imported.warnings()).extracting(ImportReport.Rejection::reason)
			.anySatisfy(w -> assertThat(w).contains("กำหนดส่ง 7 ตุลาคม 2567")
				.contains("เลยวันสิ้นสุดรอบที่ 2 (30 กันยายน 2567)"))
			.noneSatisfy(w -> assertThat(w).contains("กำหนดส่ง 15 สิงหาคม 2567"));

		// ---- round 1 (1 Oct 2566 - 31 Mar 2567): only the year-long project and the
		// quarter-2 activity
		ProcessInstance round1 = openRound(1, "15/03/2567");
		assertThat(reports(1)).extracting(ProcessInstance::getBusinessKey)
			.containsExactlyInAnyOrder(key(1, YEAR_LONG), key(1, QUARTER_2));
		assertThat(draft(key(1, YEAR_LONG)).getDueDate()).isEqualTo(Clock.endOfDay(LocalDate.of(2024, 3, 15)));
		assertThat(runtime.getVariable(draft(key(1, YEAR_LONG)).getProcessInstanceId(),
				DistrictReportProcess.CUMULATIVE_PROGRESS))
			.as("the year-long project reports its progress so far")
			.isEqualTo(true);

		dayComes(LocalDate.of(2024, 3, 13)); // three days before: reminders
		assertThat(remindedKeys()).containsExactlyInAnyOrder(key(1, YEAR_LONG), key(1, QUARTER_2));
		submit(key(1, YEAR_LONG), "01/10/2566", "13/03/2567");
		dayComes(LocalDate.of(2024, 3, 16)); // the round's deadline passed: the quarter-2
												// activity is late
		assertThat(lateKeys()).containsExactly(key(1, QUARTER_2));
		assertThat(jdbc.queryForList(
				"select round_key from raingan.escalation where office_code = ? and round_key like '2567-%'",
				String.class, OFFICE))
			.containsExactly("2567-1/57");

		// 31 March: the round closes; its count of "not submitted" holds its own report
		// only
		clockAt(LocalDate.of(2024, 4, 1), 0);
		Job roundEnds = management.createJobQuery().processInstanceId(round1.getId()).timers().singleResult();
		management.executeJob(roundEnds.getId());
		assertThat(runtime.getVariable(round1.getId(), ReportingRoundProcess.NOT_SUBMITTED_COUNT)).isEqualTo(1);
		assertThat(tracker.countByStatus("2567-1/57")).containsEntry("not_submitted", 1)
			.containsEntry("submitted", 1)
			.hasSize(2);
		assertThat(tracker.countByStatus("2567-2/57")).as("round 2's activities are no report of round 1").isEmpty();

		// ---- round 2 (1 Apr - 30 Sep 2567): every activity of the plan, each due on its
		// letter's date
		clockAt(LocalDate.of(2024, 4, 2), 9);
		ProcessInstance round2 = openRound(2, "15/09/2567");
		List<String> round2Keys = reports(2).stream().map(ProcessInstance::getBusinessKey).toList();
		assertThat(round2Keys).hasSize(22)
			.contains(key(2, YEAR_LONG), key(2, SEVEN_DAYS_AFTER_JUNE))
			.doesNotContain(key(2, QUARTER_2));
		assertThat(dueOf(key(2, CODE + "01"))).as("ภายใน ๗ วันหลังเสร็จสิ้นการประชุม (ไตรมาส ๔)")
			.isEqualTo(LocalDate.of(2024, 10, 7));
		assertThat(dueOf(key(2, CODE + "02"))).as("ภายใน ๓๐ วัน หลังเสร็จสิ้นการประชุม (ไตรมาส ๓-๔)")
			.isEqualTo(LocalDate.of(2024, 10, 30));
		assertThat(dueOf(key(2, CODE + "07"))).as("ภายใน ๑๕ สิงหาคม ๒๕๖๗").isEqualTo(LocalDate.of(2024, 8, 15));
		assertThat(dueOf(key(2, CODE + "08"))).as("ภายในเดือนมิถุนายน ๒๕๖๗").isEqualTo(LocalDate.of(2024, 6, 30));
		assertThat(dueOf(key(2, CODE + "18"))).as("ภายใน ๓๑ มิถุนายน ๒๕๖๗, read as 30 June")
			.isEqualTo(LocalDate.of(2024, 6, 30));
		assertThat(dueOf(key(2, CODE + "16"))).as("ภายใน ๒๕ กันยายน ๒๕๖๗").isEqualTo(LocalDate.of(2024, 9, 25));
		assertThat(dueOf(key(2, YEAR_LONG))).as("the year-long project: by the round's deadline")
			.isEqualTo(LocalDate.of(2024, 9, 15));
		assertThat(draft(key(2, CODE + "07")).getDueDate()).isEqualTo(Clock.endOfDay(LocalDate.of(2024, 8, 15)));

		// "7 days after": planned end 10 June 2567, due 17 June 2567; the officer enters
		// the actual end (20 June)
		String june = key(2, SEVEN_DAYS_AFTER_JUNE);
		assertThat(dueOf(june)).isEqualTo(LocalDate.of(2024, 6, 17));
		String juneInstance = draft(june).getProcessInstanceId();
		assertThat(draft(june).getDueDate()).isEqualTo(Clock.endOfDay(LocalDate.of(2024, 6, 17)));
		dayComes(LocalDate.of(2024, 6, 12));
		assertThat(deadlines.activityEndEntered(juneInstance, LocalDate.of(2024, 6, 20)))
			.contains(LocalDate.of(2024, 6, 27));
		assertThat(draft(june).getDueDate()).isEqualTo(Clock.endOfDay(LocalDate.of(2024, 6, 27)));
		assertThat(dueOf(june)).isEqualTo(LocalDate.of(2024, 6, 27));
		assertThat(management.createJobQuery()
			.processInstanceId(juneInstance)
			.activityId(DistrictReportProcess.TIMER_DUE_DATE_PASSED)
			.singleResult()
			.getDuedate()).isEqualTo(Clock.endOfDay(LocalDate.of(2024, 6, 27)));
		assertThat(management.createJobQuery()
			.processInstanceId(juneInstance)
			.activityId(DistrictReportProcess.TIMER_REMINDER_BEFORE_DUE)
			.singleResult()
			.getDuedate()).isEqualTo(Date.from(LocalDate.of(2024, 6, 24).atStartOfDay(Clock.ZONE).toInstant()));
		dayComes(LocalDate.of(2024, 6, 18)); // the planned date's due day has gone by:
												// not late
		assertThat(lateKeys()).doesNotContain(june);
		dayComes(LocalDate.of(2024, 6, 25));
		submit(june, "01/06/2567", "20/06/2567");
		assertThat(jdbc.queryForObject(
				"select on_time from raingan.report_version where business_key = ? order by revision desc limit 1",
				Boolean.class, june))
			.isTrue();

		// the year-long project reports again, its progress by the round's deadline
		dayComes(LocalDate.of(2024, 9, 10));
		submit(key(2, YEAR_LONG), "01/10/2566", "10/09/2567");
		assertThat(jdbc.queryForList(
				"select round_key from raingan.report_version v join raingan.assignment a on a.id = v.assignment_id"
						+ " join raingan.project p on p.id = a.project_id where p.budget_code = ? order by round_key",
				String.class, YEAR_LONG))
			.containsExactly("2567-1/57", "2567-2/57");

		// 30 September: round 2 closes the reports due in it; those due in October stay
		// open until they are due
		dayComes(LocalDate.of(2024, 9, 30));
		clockAt(LocalDate.of(2024, 10, 1), 0);
		management
			.executeJob(management.createJobQuery().processInstanceId(round2.getId()).timers().singleResult().getId());
		List<String> dueInOctober = List.of(key(2, CODE + "01"), key(2, CODE + "02"), key(2, CODE + "03"),
				key(2, CODE + "04"), key(2, CODE + "05"), key(2, CODE + "06"));
		assertThat(dueInOctober).allSatisfy(k -> assertThat(tracker.statusOf(k)).isEqualTo("draft"));
		assertThat(runtime.getVariable(round2.getId(), ReportingRoundProcess.NOT_SUBMITTED_COUNT))
			.as("22 reports: 2 submitted, 6 due in October")
			.isEqualTo(14);
		assertThat(lateKeys()).as("none of the October ones is late in September")
			.doesNotContainAnyElementsOf(dueInOctober);
		List<String> round1Reminded = new ArrayList<>(remindedKeys());
		round1Reminded.removeIf(k -> k.startsWith("2567-2/"));
		assertThat(round1Reminded).containsExactlyInAnyOrder(key(1, YEAR_LONG), key(1, QUARTER_2));
		assertThat(Optional.ofNullable(tracker.statusOf(key(1, QUARTER_2)))).contains("not_submitted");
	}

}
