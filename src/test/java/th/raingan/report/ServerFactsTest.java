package th.raingan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.Users;
import th.raingan.project.Assignment;
import th.raingan.project.ProjectCatalog;
import th.raingan.thai.Clock;

/**
 * Issue 29, the second wall: whatever a district's completion puts into the report's
 * variables (here set as the engine itself with {@code runtime.setVariable} before the
 * completion, as if the engine's form guard had let them through; the completions send
 * only their forms' fields, so the guard does not stop them first), who reviews, which
 * version is decided, which assignment is written, when the report was due and what it
 * must contain are the server's: from the report's row and its assignment
 * ({@link ReportFacts}), and every decision is refused to anyone outside the group of the
 * report's own province ({@code org.Routing}).
 */
@ApplicationTest
class ServerFactsTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	ReportVersions versions;

	@Autowired
	JdbcTemplate jdbc;

	Assignment assignment;

	@BeforeEach
	void clockInTheRound() {
		BpmnAwareTests.init(engine);
		assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();
		ClockUtil.setCurrentTime(
				java.util.Date.from(LocalDate.of(2026, 3, 10).atTime(10, 0).atZone(Clock.ZONE).toInstant()));
	}

	@AfterEach
	void resetClockAndUser() {
		ClockUtil.reset();
		identity.clearAuthentication();
	}

	/** A report of 4201's assignment, as the round starts it: due 17/03/2569. */
	private ProcessInstance report() {
		return runtime.startProcessInstanceByKey(KEY, "test-" + UUID.randomUUID(),
				ReportDrafts.inputsFor4201(assignment));
	}

	private void completeAs(String user, ProcessInstance report, Map<String, Object> variables) {
		try {
			Users.signIn(identity, user);
			tasks.complete(task(report).getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/** What a guard bug would have let a district's completion keep. */
	private void forged(ProcessInstance report, String name, Object value) {
		runtime.setVariable(report.getId(), name, value);
	}

	@Test
	void aReviewGroupSentWithTheDraftDoesNotRouteTheReview() {
		ProcessInstance report = report();
		forged(report, "reviewGroup", "district-4201");
		forged(report, "officeGroup", "district-4202");
		completeAs("str4201", report, ReportDrafts.valid());
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);
		assertThat(task(report)).hasCandidateGroup("province-42-review");
		assertThat(tasks.getIdentityLinksForTask(task(report).getId()))
			.extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
			.containsExactly("province-42-review");
	}

	@Test
	void aDistrictCannotDecideItsOwnReportEvenWhenTheReviewReachesIt() {
		ProcessInstance report = report();
		completeAs("str4201", report, ReportDrafts.valid());
		// a second bug: the review task routed to the district as well
		tasks.addCandidateGroup(task(report).getId(), "district-4201");
		assertThatThrownBy(() -> completeAs("str4201", report, Map.of(REVIEW_DECISION, DECISION_APPROVE)))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("ผู้ใช้ str4201 ไม่ได้อยู่ในกลุ่ม province-42-review");
		// nothing written: the version still awaits the province
		assertThat(report).isWaitingAt(TASK_PROVINCE_REVIEW);
		assertThat(versions.ofReport(report.getBusinessKey())).singleElement()
			.satisfies(v -> assertThat(v.status()).isEqualTo("submitted"));
		// another province's reviewer neither
		tasks.addCandidateGroup(task(report).getId(), "province-57-review");
		assertThatThrownBy(() -> completeAs("review57", report, Map.of(REVIEW_DECISION, DECISION_APPROVE)))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("province-42-review");
		completeAs("review42", report, Map.of(REVIEW_DECISION, DECISION_APPROVE));
		assertThat(versions.ofReport(report.getBusinessKey())).singleElement()
			.satisfies(v -> assertThat(v.decidedBy()).isEqualTo("review42"));
	}

	@Test
	void theReviewDecidesOnlyThisReportsLatestVersion() {
		ProcessInstance mine = report();
		ProcessInstance other = report();
		completeAs("str4201", mine, ReportDrafts.valid());
		completeAs("str4201", other, ReportDrafts.valid());
		long otherVersion = versions.ofReport(other.getBusinessKey()).get(0).id();
		forged(mine, REPORT_VERSION_ID, otherVersion);
		assertThatThrownBy(() -> completeAs("review42", mine, Map.of(REVIEW_DECISION, DECISION_APPROVE)))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("reportVersionId");
		assertThat(versions.find(otherVersion).orElseThrow().status()).isEqualTo("submitted");
		assertThat(versions.ofReport(mine.getBusinessKey()).get(0).status()).isEqualTo("submitted");
	}

	@Test
	void anotherAssignmentSentWithTheDraftIsRefusedAndNothingIsWritten() {
		ProcessInstance report = report();
		Assignment another = catalog.assignmentsOf(2569, "42")
			.stream()
			.filter(a -> a.id() != assignment.id())
			.findFirst()
			.orElseThrow();
		forged(report, ASSIGNMENT_ID, another.id());
		Map<String, Object> draft = ReportDrafts.valid();
		draft.put(SPENT_BAHT, "9,999,999");
		int before = jdbc.queryForObject("select count(*) from raingan.report_version where assignment_id = ?",
				Integer.class, another.id());
		assertThatThrownBy(() -> completeAs("str4201", report, draft))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("assignmentId");
		assertThat(report).isWaitingAt(TASK_DISTRICT_DRAFT);
		assertThat(versions.ofReport(report.getBusinessKey())).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from raingan.report_version where assignment_id = ?",
				Integer.class, another.id()))
			.isEqualTo(before);
	}

	@Test
	void aDueDateOrRuleSentAsVariablesLeavesALateReportLate() {
		ProcessInstance report = report();
		// submitted 20/03/2569: three days after the row's due date, 17/03/2569
		ClockUtil.setCurrentTime(
				java.util.Date.from(LocalDate.of(2026, 3, 20).atTime(10, 0).atZone(Clock.ZONE).toInstant()));
		java.util.Date later = Clock.endOfDay(LocalDate.of(2026, 4, 30));
		forged(report, DUE_DATE, later);
		forged(report, DEADLINE_RULE, "days_after_activity:90");
		forged(report, ROUND_DEADLINE, later);
		completeAs("str4201", report, ReportDrafts.valid());
		assertThat(versions.ofReport(report.getBusinessKey())).singleElement()
			.satisfies(v -> assertThat(v.onTime()).isFalse());
		assertThat((String) runtime.getVariable(report.getId(), SUBMISSION_TEXT)).contains("ส่งล่าช้า")
			.contains("17/03/2569");
	}

	@Test
	void requirementsSentAsVariablesDoNotSkipTheSectionsTheAssignmentAsks() {
		// this test's assignment asks for part 2 and the evaluation (its own terms)
		Boolean ownEvaluation = jdbc.queryForObject("select evaluation_required from raingan.assignment where id = ?",
				Boolean.class, assignment.id());
		boolean areas = jdbc.queryForObject("select needs_area_data from raingan.assignment where id = ?",
				Boolean.class, assignment.id());
		jdbc.update("update raingan.assignment set evaluation_required = true, needs_area_data = true where id = ?",
				assignment.id());
		try {
			ProcessInstance report = report();
			forged(report, EVALUATION_REQUIRED, false);
			forged(report, NEEDS_AREA_DATA, false);
			Map<String, Object> draft = new HashMap<>(ReportDrafts.valid());
			draft.remove(AREAS);
			draft.remove(RESPONDENTS);
			assertThatThrownBy(() -> completeAs("str4201", report, draft))
				.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
				.hasMessageContaining("ข้อมูลเชิงพื้นที่")
				.hasMessageContaining("จำนวนผู้ตอบแบบประเมิน (คน)");
			assertThat(report).isWaitingAt(TASK_DISTRICT_DRAFT);
			assertThat(versions.ofReport(report.getBusinessKey())).isEmpty();
		}
		finally {
			jdbc.update("update raingan.assignment set evaluation_required = ?, needs_area_data = ? where id = ?",
					ownEvaluation, areas, assignment.id());
		}
	}

}
