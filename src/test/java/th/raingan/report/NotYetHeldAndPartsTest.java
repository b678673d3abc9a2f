package th.raingan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.dashboard.DashboardService;
import th.raingan.project.Assignment;
import th.raingan.project.ProjectCatalog;
import th.raingan.thai.Clock;

/**
 * {@code district-report}'s new paths: an activity not yet held
 * ({@code Gateway_ActivityHeld} > {@code Task_RecordNotHeld} > back to the draft), part 2
 * only for assignments that need area data, success points optional, and the spending
 * shown to the reviewer beside the areas and the allocation.
 */
@ApplicationTest
class NotYetHeldAndPartsTest {

	/**
	 * A round of its own (fiscal 2569, round 8, Loei) so that the dashboard's counts are
	 * this test's alone; in the fiscal year of the demo assignments, since a report's
	 * fiscal year is its round key's.
	 */
	static final String ROUND = "2569-8/42";

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	ReportTracker tracker;

	@Autowired
	ReportVersions versions;

	@Autowired
	DashboardService dashboard;

	@LocalServerPort
	int port;

	@BeforeEach
	void init() {
		BpmnAwareTests.init(engine);
		clockAt(LocalDate.of(2026, 3, 10), 10);
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
		identity.clearAuthentication();
	}

	static void clockAt(LocalDate day, int hour) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(Clock.ZONE).toInstant()));
	}

	/**
	 * A report of 4201 on a 2569 demo assignment, due 17 March 2569, started as the round
	 * starts it.
	 */
	/** A round of its own in fiscal year 2569, as a round key. */
	static String ownRound() {
		return "2569-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 100_000) + "/42";
	}

	ProcessInstance start(String budgetCode, String roundKey) {
		Assignment assignment = catalog.assignment(2569, budgetCode, "4201").orElseThrow();
		Map<String, Object> inputs = ReportDrafts.inputsFor4201(assignment);
		inputs.put(ROUND_KEY, roundKey);
		inputs.put(NEEDS_AREA_DATA, assignment.needsAreaData());
		inputs.put(EVALUATION_REQUIRED, false);
		inputs.put(ALLOCATION, "3000");
		inputs.put(DEADLINE_RULE, assignment.deadlineRule().toString());
		inputs.put(DistrictReportProcess.ROUND_DEADLINE, Clock.endOfDay(LocalDate.of(2026, 3, 17)));
		return runtime.startProcessInstanceByKey(KEY, "test-" + UUID.randomUUID(), inputs);
	}

	void completeAs(ProcessInstance report, String user, Map<String, Object> values) {
		th.raingan.Users.signIn(identity, user);
		try {
			engine.getTaskService()
				.complete(engine.getTaskService()
					.createTaskQuery()
					.processInstanceId(report.getId())
					.singleResult()
					.getId(), values);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	static Map<String, Object> notHeld(String reason, String plannedDate) {
		Map<String, Object> values = new HashMap<>();
		values.put(ACTIVITY_STATUS, ACTIVITY_NOT_HELD_VALUE);
		values.put(NOT_HELD_REASON, reason);
		values.put(NOT_HELD_PLANNED_DATE, plannedDate);
		values.put(CONFIRM_SUBMIT, true);
		return values;
	}

	/** The report's timers due by now fire, as the job executor would fire them. */
	void timersFire(ProcessInstance report) {
		for (Job job : management.createJobQuery()
			.processInstanceId(report.getId())
			.timers()
			.duedateLowerThan(ClockUtil.getCurrentTime())
			.list()) {
			management.executeJob(job.getId());
		}
	}

	DashboardService.DistrictRow row4201() {
		return dashboard.districts(ROUND, "42")
			.stream()
			.filter(r -> r.officeCode().equals("4201"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	@SuppressWarnings("unchecked")
	void anActivityNotYetHeldIsReportedWithAReasonAndAPlannedDate() throws Exception {
		ProcessInstance report = start("801-112-P0167-2026-02", ROUND);
		String key = report.getBusinessKey();

		// nothing else is asked; but the reason and a planned date in the fiscal year,
		// from today on, are
		assertThatThrownBy(() -> completeAs(report, "str4201", notHeld(" ", "15/10/2569")))
			.hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("เหตุผลที่ยังไม่ได้ดำเนินการ: ยังไม่ได้กรอก")
			.hasMessageContaining("วันที่คาดว่าจะดำเนินการแล้วเสร็จ: ต้องอยู่ในปีงบประมาณ 2569");
		assertThatThrownBy(() -> completeAs(report, "str4201", notHeld("รองบประมาณจากจังหวัด", "01/03/2569")))
			.hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("วันที่คาดว่าจะดำเนินการแล้วเสร็จ: ต้องไม่ก่อนวันนี้ (10/03/2569)");
		assertThat(tracker.statusOf(key)).isEqualTo("draft");

		completeAs(report, "str4201", notHeld("รอกำหนดการประชุมจากอำเภอ ยังไม่ได้จัด", "15/05/2569"));
		assertThat(report).hasPassed(TASK_VALIDATE_REPORT, GATEWAY_ACTIVITY_HELD, TASK_RECORD_NOT_HELD)
			.hasNotPassed(TASK_SUBMIT_REPORT)
			.isWaitingAt(TASK_DISTRICT_DRAFT);
		assertThat(tracker.statusOf(key)).isEqualTo("not_held");
		assertThat(versions.ofReport(key)).as("no version: nothing was invented").isEmpty();
		// the due date follows the plan; the draft's timers are set from it
		assertThat(task(report)).hasDueDate(Clock.endOfDay(LocalDate.of(2026, 5, 15)));
		assertThat(management.createJobQuery()
			.processInstanceId(report.getId())
			.activityId(TIMER_DUE_DATE_PASSED)
			.singleResult()
			.getDuedate()).isEqualTo(Clock.endOfDay(LocalDate.of(2026, 5, 15)));
		assertThat((String) runtime.getVariable(report.getId(), NOT_HELD_TEXT))
			.contains("รอกำหนดการประชุมจากอำเภอ ยังไม่ได้จัด")
			.contains("15 พฤษภาคม 2569");

		// the round's deadline (17 March) passes: no reminder, no escalation, not late;
		// the dashboard counts it apart
		clockAt(LocalDate.of(2026, 3, 20), 9);
		timersFire(report);
		assertThat(report).hasNotPassed(TASK_ESCALATE_OVERDUE);
		assertThat(tracker.isLate(key)).isFalse();
		assertThat(row4201().notHeld()).isEqualTo(1);
		assertThat(row4201().overdue()).isZero();
		assertThat(dashboard.overdue(ROUND, "42")).isEmpty();
		assertThat(dashboard.notHeld(ROUND, "42")).singleElement().satisfies(n -> {
			assertThat(n.reason()).isEqualTo("รอกำหนดการประชุมจากอำเภอ ยังไม่ได้จัด");
			assertThat(n.plannedDate()).isEqualTo(LocalDate.of(2026, 5, 15));
		});

		// the province sees the reason on its dashboard in Cockpit
		WebappSession manager42 = WebappSession.login(port, "cockpit", "manager42", "manager42");
		Map<String, Object> summary = new ObjectMapper().readValue(
				manager42.get("/camunda/api/cockpit/plugin/raingan-dashboard/default/summary?fiscalYear=2569&round=8")
					.body(),
				Map.class);
		assertThat((List<Map<String, Object>>) summary.get("notHeld")).singleElement().satisfies(n -> {
			assertThat(n).containsEntry("reason", "รอกำหนดการประชุมจากอำเภอ ยังไม่ได้จัด")
				.containsEntry("plannedDate", "15/05/2569");
		});
		assertThat((List<?>) summary.get("overdue")).isEmpty();

		// the plan's date passes without a report: now it is late and escalated like any
		// other
		clockAt(LocalDate.of(2026, 5, 16), 9);
		timersFire(report);
		assertThat(report).hasPassed(TASK_QUEUE_REMINDER, TASK_ESCALATE_OVERDUE).isWaitingAt(TASK_DISTRICT_DRAFT);
		assertThat(tracker.isLate(key)).isTrue();
		assertThat(row4201().overdue()).isEqualTo(1);
		assertThat(row4201().notHeld()).isZero();

		// held at last: reported as usual; the reviewer sees the earlier reason
		Map<String, Object> held = ReportDrafts.valid();
		held.put(ACTIVITY_STATUS, ACTIVITY_HELD_VALUE);
		held.put(START_DATE, "10/05/2569");
		held.put(END_DATE, "12/05/2569");
		completeAs(report, "str4201", held);
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);
		assertThat(tracker.statusOf(key)).isEqualTo("submitted");
		assertThat((String) runtime.getVariable(report.getId(), NOT_HELD_TEXT)).contains("รอกำหนดการประชุม");
	}

	@Test
	void aProjectWithoutAreaDataIsSubmittedWithoutPart2AndWithoutSuccessPoints() {
		// จปฐ. (809-112-P0453): the Sa Kaeo manual lists no area data for it
		// (docs/requirements/overview.md); the demo assignment says needs_area_data N
		assertThat(catalog.assignment(2569, "809-112-P0453-2026-02", "4201").orElseThrow().needsAreaData()).isFalse();
		ProcessInstance report = start("809-112-P0453-2026-02", ownRound());
		Map<String, Object> draft = ReportDrafts.valid();
		draft.remove(AREAS);
		draft.remove(SUCCESS_POINTS);
		draft.put(SPENT_BAHT, "3,000");
		completeAs(report, "str4201", draft);
		assertThat(report).hasPassed(TASK_SUBMIT_REPORT).isWaitingAt(TASK_PROVINCE_REVIEW);
		long version = ((Number) runtime.getVariable(report.getId(), REPORT_VERSION_ID)).longValue();
		assertThat(versions.areas(version)).isEmpty();
		assertThat((String) runtime.getVariable(report.getId(), SPENDING_TEXT))
			.isEqualTo("ผลการใช้จ่าย 3,000 บาท · งบประมาณที่ได้รับจัดสรร 3,000 บาท");
		assertThat(runtime.getVariable(report.getId(), SPENDING_WARNING)).isNull();
	}

	@Test
	void aProjectWithAreaDataStillRequiresARow() {
		assertThat(catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow().needsAreaData()).isTrue();
		ProcessInstance report = start("801-112-P0167-2026-02", ownRound());
		Map<String, Object> draft = ReportDrafts.valid();
		draft.remove(AREAS);
		assertThatThrownBy(() -> completeAs(report, "str4201", draft)).hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("ข้อมูลเชิงพื้นที่: ต้องมีพื้นที่ดำเนินการอย่างน้อย 1 แห่ง");
		assertThat(report).isWaitingAt(TASK_DISTRICT_DRAFT);
		assertThat(versions.ofReport(report.getBusinessKey())).isEmpty();
	}

	@Test
	void spendingAboveTheAllocationIsAWarningToTheReviewerNotARefusal() {
		ProcessInstance report = start("801-112-P0167-2026-02", ownRound());
		Map<String, Object> draft = ReportDrafts.valid(); // three areas of 1,000 baht
		draft.put(SPENT_BAHT, "3,500");
		completeAs(report, "str4201", draft);
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);
		assertThat((String) runtime.getVariable(report.getId(), SPENDING_TEXT)).isEqualTo(
				"ผลการใช้จ่าย 3,500 บาท · ค่าใช้จ่ายรวมของพื้นที่ (3 แห่ง) 3,000 บาท · งบประมาณที่ได้รับจัดสรร 3,000 บาท");
		assertThat((String) runtime.getVariable(report.getId(), SPENDING_WARNING)).isEqualTo(
				"ผลการใช้จ่าย 3,500 บาท สูงกว่างบประมาณที่ได้รับจัดสรร 3,000 บาท อยู่ 500 บาท · ค่าใช้จ่ายรวมของพื้นที่ 3,000 บาท ไม่เท่ากับผลการใช้จ่าย 3,500 บาท");
	}

}
