package th.raingan.review;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.org.Groups;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.ReportDrafts;
import th.raingan.thai.Clock;

/**
 * Bulk approval as review42 does it from the reviewer's desk, over the desk's endpoint
 * with a signed-in webapp session: ten Loei districts submit, review42 loads the list, a
 * second Loei reviewer returns one of them in between, and review42 approves the ten
 * ticked ones in one action: nine go through exactly as one by one (a completed review
 * task of review42's in history, the version approved and locked, the process ended), the
 * tenth is named with its Thai reason. Then the refusals, and two reviewers approving
 * overlapping selections at once.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkApprovalApplicationTest {

	static final String DESK = "/camunda/api/tasklist/plugin/raingan-review-desk/default";

	static final String PROJECT = "801-112-P0167-2027-02";

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	/** A second reviewer of Loei's strategy unit (เจ้าหน้าที่กลุ่มงานยุทธศาสตร์อีกคน). */
	@BeforeAll
	void secondLoeiReviewer() {
		if (identity.createUserQuery().userId("review42b").count() == 0) {
			User user = identity.newUser("review42b");
			user.setFirstName("ศิริพร");
			user.setLastName("ทดสอบ");
			user.setPassword("review42b");
			th.raingan.engine.PolicyExempt.saveDemoUser(identity, user); // a demo-like
																			// account,
																			// the
																			// password
																			// its id
			identity.createMembership("review42b", Groups.provinceReview("42"));
		}
	}

	@Test
	void tenTickedReportsApprovedInOneActionExceptTheOneReturnedMeanwhile() throws Exception {
		List<String> keys = submitted(10);
		WebappSession review42 = WebappSession.login(port, "review42", "review42");

		// review42 loads the province's list: the ten are there, each with the version
		// the district submitted
		Map<String, Long> versions = listed(review42, keys);
		assertThat(versions).hasSize(10);

		// meanwhile the second reviewer opens the tenth and returns it with a reason
		String returned = keys.get(9);
		decideAs("review42b", returned,
				Map.of(REVIEW_DECISION, DECISION_RETURN, RETURN_REASON, "ค่าใช้จ่ายไม่ตรงกับหลักฐาน"));

		Map<?, ?> answer = approve(review42, keys, versions, 200);
		System.out.println("bulk approval: " + answer.get("message"));
		assertThat(names(answer, "approved", "businessKey")).containsExactlyInAnyOrderElementsOf(keys.subList(0, 9));
		List<?> refused = (List<?>) answer.get("refused");
		assertThat(refused).hasSize(1);
		Map<?, ?> tenth = (Map<?, ?>) refused.get(0);
		assertThat(tenth.get("businessKey")).isEqualTo(returned);
		assertThat((String) tenth.get("reason")).contains("ถูกส่งกลับแก้ไขไปแล้ว").contains("ศิริพร ทดสอบ");
		System.out.println("left out: " + tenth.get("businessKey") + ": " + tenth.get("reason"));

		for (String key : keys.subList(0, 9)) {
			approvedOnceBy("review42", key);
		}
		assertThat(jdbc.queryForObject("select status from raingan.report_version where business_key = ?", String.class,
				returned))
			.isEqualTo("returned");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(returned).count())
			.as("the returned report is back with the district")
			.isEqualTo(1);

		// an approved report cannot be approved again; nothing changes
		Map<?, ?> again = approve(review42, keys.subList(0, 1), versions, 200);
		assertThat(names(again, "approved", "businessKey")).isEmpty();
		assertThat(reason(again, 0)).contains("อนุมัติไปแล้ว").contains("ล็อก");
		approvedOnceBy("review42", keys.get(0));

		// a returned report (at the district) is refused with its reason
		assertThat(reason(approve(review42, List.of(returned), versions, 200), 0)).contains("ถูกส่งกลับแก้ไขไปแล้ว");

		// the district resubmits after review42 loaded the list: the old version ticked
		// is refused, the new one goes
		submitAs(returned);
		Map<?, ?> stale = approve(review42, List.of(returned), versions, 200);
		assertThat(reason(stale, 0)).contains("ส่งรายงานฉบับใหม่").contains("ส่งครั้งที่ 2");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(returned).count()).isEqualTo(1);
		Map<String, Long> reloaded = listed(review42, List.of(returned));
		assertThat(names(approve(review42, List.of(returned), reloaded, 200), "approved", "businessKey"))
			.containsExactly(returned);
		approvedOnceBy("review42", returned);

		// an empty selection is refused in Thai
		var empty = review42.send("POST", DESK + "/approve", "application/json", "{\"reports\":[]}".getBytes());
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(WebappSession.text(empty)).contains("กรุณาเลือกรายงานที่จะอนุมัติอย่างน้อย 1 รายการ");
	}

	@Test
	void aReportOfAnotherProvinceOrUnknownIsRefusedAndTheRestGoThrough() throws Exception {
		List<String> keys = submitted(2);
		WebappSession review42 = WebappSession.login(port, "review42", "review42");
		Map<String, Long> versions = new HashMap<>(listed(review42, keys));
		versions.put("2569-2/ไม่มี/2701", 1L);
		List<String> selection = new ArrayList<>(keys);
		selection.add("2569-2/ไม่มี/2701");
		Map<?, ?> answer = approve(review42, selection, versions, 200);
		assertThat(names(answer, "approved", "businessKey")).containsExactlyInAnyOrderElementsOf(keys);
		assertThat(reason(answer, 0)).contains("ไม่ใช่รายงานของจังหวัดที่ท่านพิจารณา");

		// review27 (Sa Kaeo) cannot see Loei's list nor approve a Loei report
		List<String> loei = submitted(1);
		Map<String, Long> loeiVersions = listed(review42, loei);
		WebappSession review27 = WebappSession.login(port, "review27", "review27");
		assertThat(review27.get(DESK + "/reports?province=42").statusCode()).isEqualTo(403);
		Map<?, ?> refused = approve(review27, loei, loeiVersions, 200);
		assertThat(names(refused, "approved", "businessKey")).isEmpty();
		assertThat(reason(refused, 0)).contains("ไม่ใช่รายงานของจังหวัดที่ท่านพิจารณา");
		assertThat(jdbc.queryForObject("select status from raingan.report_version where business_key = ?", String.class,
				loei.get(0)))
			.isEqualTo("submitted");
		// a district officer has no desk at all
		WebappSession str4201 = WebappSession.login(port, "str4201", "test4201");
		assertThat(str4201.get(DESK + "/reports?province=42").statusCode()).isEqualTo(403);
		assertThat(str4201.send("POST", DESK + "/approve", "application/json", body(loei, loeiVersions)).statusCode())
			.isEqualTo(403);
	}

	@Test
	void twoReviewersApprovingOverlappingSelectionsAtOnceApproveEachReportOnce() throws Exception {
		List<String> keys = submitted(8);
		WebappSession review42 = WebappSession.login(port, "review42", "review42");
		WebappSession review42b = WebappSession.login(port, "review42b", "review42b");
		Map<String, Long> versions = listed(review42, keys);
		List<String> first = keys.subList(0, 6);
		List<String> second = keys.subList(2, 8);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService two = Executors.newFixedThreadPool(2);
		try {
			CompletableFuture<Map<?, ?>> a = CompletableFuture
				.supplyAsync(() -> afterLatch(go, review42, first, versions), two);
			CompletableFuture<Map<?, ?>> b = CompletableFuture
				.supplyAsync(() -> afterLatch(go, review42b, second, versions), two);
			go.countDown();
			Map<?, ?> byA = a.get();
			Map<?, ?> byB = b.get();
			System.out.println("at once: review42 " + byA.get("message") + " / review42b " + byB.get("message"));
			List<String> approvedA = names(byA, "approved", "businessKey");
			List<String> approvedB = names(byB, "approved", "businessKey");
			assertThat(approvedA).doesNotContainAnyElementsOf(approvedB);
			List<String> all = new ArrayList<>(approvedA);
			all.addAll(approvedB);
			assertThat(all).containsExactlyInAnyOrderElementsOf(keys);
			assertThat(names(byA, "refused", "businessKey"))
				.containsExactlyInAnyOrderElementsOf(first.stream().filter(k -> !approvedA.contains(k)).toList());
			assertThat(names(byB, "refused", "businessKey"))
				.containsExactlyInAnyOrderElementsOf(second.stream().filter(k -> !approvedB.contains(k)).toList());
			for (String key : keys) {
				approvedOnceBy(approvedA.contains(key) ? "review42" : "review42b", key);
			}
		}
		finally {
			two.shutdownNow();
		}
	}

	private Map<?, ?> afterLatch(CountDownLatch go, WebappSession who, List<String> keys, Map<String, Long> versions) {
		try {
			go.await();
			return approve(who, keys, versions, 200);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * One approval, by that reviewer, exactly as one by one: history, version locked,
	 * process ended.
	 */
	private void approvedOnceBy(String reviewer, String key) {
		List<Map<String, Object>> rows = jdbc.queryForList(
				"select status, decided_by from raingan.report_version where business_key = ? order by revision", key);
		Map<String, Object> last = rows.get(rows.size() - 1);
		assertThat(last).as(key).containsEntry("status", "approved").containsEntry("decided_by", reviewer);
		assertThat(rows.stream().filter(r -> "approved".equals(r.get("status"))).count()).as(key).isEqualTo(1);
		assertThat(jdbc.queryForObject("select status from raingan.report where business_key = ?", String.class, key))
			.isEqualTo("approved");
		var instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
		assertThat(instance.getEndTime()).as(key + " ended").isNotNull();
		assertThat(instance.getEndActivityId()).isEqualTo(END_APPROVED);
		List<HistoricTaskInstance> reviews = history.createHistoricTaskInstanceQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK_PROVINCE_REVIEW)
			.finished()
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list();
		HistoricTaskInstance approval = reviews.get(reviews.size() - 1);
		assertThat(approval.getAssignee()).as(key + ": the review task in history").isEqualTo(reviewer);
		assertThat(approval.getDeleteReason()).isEqualTo("completed");
	}

	/**
	 * Reports of Loei's districts 4201... submitted by their districts, now waiting for
	 * review42.
	 */
	private List<String> submitted(int count) {
		List<String> keys = new ArrayList<>();
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 1; i <= count; i++) {
			String office = String.format("42%02d", i);
			var assignment = th.raingan.review.DeskProject.assignment(catalog, office);
			Map<String, Object> inputs = ReportDrafts.inputsFor4201(assignment);
			String key = "desk-" + run + "/" + PROJECT + "/" + office;
			inputs.put(ROUND_KEY, "2569-1/42");
			inputs.put(OFFICE_CODE, office);
			inputs.put(OFFICE_NAME, "สำนักงานพัฒนาชุมชนอำเภอ " + office);
			inputs.put(REPORT_KEY, key);
			inputs.put(DUE_DATE, Clock.endOfDay(LocalDate.now(Clock.ZONE).plusDays(30)));
			runtime.startProcessInstanceByKey(KEY, key, inputs);
			submitAs(key);
			keys.add(key);
		}
		return keys;
	}

	/** The district's officer completes its draft (first submission or resubmission). */
	private void submitAs(String key) {
		String office = key.substring(key.lastIndexOf('/') + 1);
		try {
			identity.setAuthentication("str" + office, List.of(Groups.district(office)));
			Task draft = tasks.createTaskQuery()
				.processInstanceBusinessKey(key)
				.taskDefinitionKey(TASK_DISTRICT_DRAFT)
				.singleResult();
			tasks.complete(draft.getId(), ReportDrafts.valid());
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult().getTaskDefinitionKey())
			.isEqualTo(TASK_PROVINCE_REVIEW);
	}

	private void decideAs(String reviewer, String key, Map<String, Object> decision) {
		try {
			identity.setAuthentication(reviewer, List.of(Groups.provinceReview("42")));
			Task review = tasks.createTaskQuery()
				.processInstanceBusinessKey(key)
				.taskDefinitionKey(TASK_PROVINCE_REVIEW)
				.singleResult();
			tasks.claim(review.getId(), reviewer);
			tasks.complete(review.getId(), decision);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/** The desk's list as review42's page loads it: business key to the version shown. */
	private Map<String, Long> listed(WebappSession session, List<String> keys) throws Exception {
		var response = session.get(DESK + "/reports?province=42");
		assertThat(response.statusCode()).as(WebappSession.text(response)).isEqualTo(200);
		Map<?, ?> json = JSON.readValue(response.body(), Map.class);
		Map<String, Long> versions = new HashMap<>();
		for (Object item : (List<?>) json.get("reports")) {
			Map<?, ?> r = (Map<?, ?>) item;
			if (keys.contains(r.get("businessKey"))) {
				versions.put((String) r.get("businessKey"), ((Number) r.get("versionId")).longValue());
			}
		}
		return versions;
	}

	private static byte[] body(List<String> keys, Map<String, Long> versions) throws Exception {
		List<Map<String, Object>> reports = keys.stream()
			.map(k -> Map.<String, Object>of("businessKey", k, "versionId", versions.get(k)))
			.toList();
		return JSON.writeValueAsBytes(Map.of("reports", reports));
	}

	private static Map<?, ?> approve(WebappSession session, List<String> keys, Map<String, Long> versions, int status)
			throws Exception {
		var response = session.send("POST", DESK + "/approve", "application/json", body(keys, versions));
		assertThat(response.statusCode()).as(WebappSession.text(response)).isEqualTo(status);
		return JSON.readValue(response.body(), Map.class);
	}

	private static List<String> names(Map<?, ?> answer, String list, String field) {
		return ((List<?>) answer.get(list)).stream().map(x -> (String) ((Map<?, ?>) x).get(field)).toList();
	}

	private static String reason(Map<?, ?> answer, int i) {
		return (String) ((Map<?, ?>) ((List<?>) answer.get("refused")).get(i)).get("reason");
	}

}
