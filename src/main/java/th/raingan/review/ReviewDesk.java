package th.raingan.review;

import static th.raingan.report.DistrictReportProcess.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import th.raingan.engine.SignedIn;
import th.raingan.org.Groups;
import th.raingan.org.OfficeAccess;
import th.raingan.org.People;
import th.raingan.report.ReportRefused;
import th.raingan.report.ReportService;
import th.raingan.report.ReportVersions;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/**
 * The reviewer's desk: the province's reports waiting for review, and approving several
 * of them at once. Each report is approved exactly as one by one in Tasklist: its real
 * {@code Task_ProvinceReview} is claimed by the reviewer and completed with the approve
 * decision through the engine, as that reviewer, in a transaction of its own. A report
 * that is not the reviewer's province's, that was decided, taken by someone else or
 * resubmitted since the list was loaded is left out with its Thai reason; the others go
 * through.
 */
@Service
class ReviewDesk {

	static final String NOT_REVIEWER = "ท่านไม่ได้อยู่ในกลุ่มผู้พิจารณารายงานของจังหวัดนี้";

	static final String NOT_YOUR_PROVINCE = "ไม่ใช่รายงานของจังหวัดที่ท่านพิจารณา หรือไม่พบรายงานนี้";

	static final String EMPTY = "กรุณาเลือกรายงานที่จะอนุมัติอย่างน้อย 1 รายการ";

	/**
	 * Reports approved in one request, and listed on the desk's page at once: each is its
	 * own transaction (some tens of ms), so 200 answer within seconds, and 200 rows are
	 * already more than a reviewer reads through before ticking (issue 30: 100,000
	 * entries kept the server busy 94 s).
	 */
	static final int MAX_BATCH = 200;

	private static final List<String> LISTED = List.of(REPORT_KEY, REPORT_VERSION_ID, OFFICE_CODE, OFFICE_NAME,
			PROJECT_NAME, BUDGET_CODE, REVISION, SPENT_BAHT, ALLOCATION, SPENDING_WARNING, DUE_DATE_TEXT);

	/** One report waiting for the province's decision, as the list shows it. */
	record Waiting(String businessKey, long versionId, String taskId, String assignee, String assigneeName,
			String officeCode, String officeName, String budgetCode, String projectName, int revision,
			String submittedAtTh, boolean onTime, Object spentBaht, Object allocationBaht, String spendingWarning,
			String dueDateText, List<String> changes) {

	}

	/** What the reviewer ticked: the report and the version they saw in the list. */
	record Selection(String businessKey, Long versionId) {

	}

	record Refusal(String businessKey, String title, String reason) {

	}

	record Outcome(List<Waiting> approved, List<Refusal> refused) {

	}

	private final TaskService tasks;

	private final IdentityService identity;

	private final ReportVersions versions;

	private final People people;

	private final TransactionTemplate eachOnItsOwn;

	private final JdbcTemplate jdbc;

	private final ReportChanges changes;

	private final OfficeAccess access;

	ReviewDesk(TaskService tasks, IdentityService identity, ReportVersions versions, People people,
			PlatformTransactionManager transactions, JdbcTemplate jdbc, ReportChanges changes, OfficeAccess access) {
		this.access = access;
		this.jdbc = jdbc;
		this.changes = changes;
		this.tasks = tasks;
		this.identity = identity;
		this.versions = versions;
		this.people = people;
		this.eachOnItsOwn = new TransactionTemplate(transactions);
		this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	String userId() {
		SignedIn user = SignedIn.current(identity).orElse(null);
		return user == null ? "" : user.userId();
	}

	/**
	 * The provinces whose reports the signed-in user reviews (from the groups
	 * {@code province-<code>-review}).
	 */
	Set<String> provinces() {
		return new LinkedHashSet<>(access.provincesReviewed());
	}

	/**
	 * Whether the signed-in user reviews the version's province or works in its district.
	 */
	boolean mayRead(ReportChanges.Version version) {
		return access.districts().contains(version.officeCode()) || access.administrator()
				|| provinces().contains(provinceOfReport(version.businessKey()));
	}

	/** The province's reports waiting for review, oldest submission first. */
	List<Waiting> waiting(String provinceCode) {
		List<Task> open = tasks.createTaskQuery()
			.taskDefinitionKey(TASK_PROVINCE_REVIEW)
			.taskCandidateGroup(Groups.provinceReview(provinceCode))
			.includeAssignedTasks()
			.list();
		List<Waiting> list = new ArrayList<>();
		for (Task task : open) {
			// through the task, as Tasklist reads them: a reviewer may read a review
			// task's variables, not the instance's
			Map<String, Object> v = tasks.getVariables(task.getId(), LISTED);
			if (v.get(REPORT_KEY) == null || v.get(REPORT_VERSION_ID) == null) {
				continue;
			}
			list.add(waiting(task, v));
		}
		list.sort(Comparator.comparing(Waiting::officeCode).thenComparing(Waiting::budgetCode));
		return list;
	}

	/**
	 * Approves each selected report in its own transaction; the refusals name the report
	 * and why. The whole request is refused only when nothing was selected.
	 */
	Outcome approve(List<Selection> selection) {
		if (selection == null || selection.isEmpty()) {
			throw new ReportRefused("อนุมัติไม่ได้:", List.of(EMPTY));
		}
		if (selection.size() > MAX_BATCH) {
			throw new ReportRefused("อนุมัติไม่ได้:", List.of("อนุมัติได้ครั้งละไม่เกิน " + MAX_BATCH
					+ " รายการ (เลือกมา " + selection.size() + " รายการ) กรุณาเลือกใหม่ ยังไม่ได้อนุมัติรายการใด"));
		}
		String reviewer = SignedIn.current(identity).orElseThrow().userId();
		Set<String> mine = provinces();
		List<Waiting> approved = new ArrayList<>();
		List<Refusal> refused = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (Selection s : selection) {
			String key = s == null || s.businessKey() == null ? "" : s.businessKey().strip();
			if (key.isEmpty() || s.versionId() == null) {
				refused.add(new Refusal(key, key, "ไม่ได้ระบุรายงานหรือฉบับที่เลือก (ต้องมีทั้งรหัสรายงานและฉบับ)"));
				continue;
			}
			if (!seen.add(key)) {
				continue; // ticked twice: approved once
			}
			try {
				approved.add(eachOnItsOwn.execute(tx -> approveOne(key, s.versionId(), reviewer, mine)));
			}
			catch (Refused r) {
				refused.add(new Refusal(key, r.title, r.getMessage()));
			}
			catch (ReportRefused r) {
				refused.add(new Refusal(key, titleOf(key), String.join(" ", r.problems())));
			}
			catch (OptimisticLockingException | DataAccessException e) {
				refused.add(new Refusal(key, titleOf(key), takenMeanwhile(key)));
			}
			catch (ProcessEngineException e) {
				// a refusal of the decision's delegate arrives as the engine's
				// translation of it
				refused.add(new Refusal(key, titleOf(key),
						ReportRefused.in(e)
							.map(r -> String.join(" ", r.problems()))
							.orElseGet(() -> takenMeanwhile(key))));
			}
			catch (RuntimeException e) {
				// a second reviewer's approval of the same report in the same instant can
				// end its execution between
				// this one reading the task and completing it: the engine then fails
				// inside (seen: an NPE on the
				// vanished execution) instead of with an optimistic-locking error; the
				// report was decided meanwhile
				if (stillWaitingForReview(key)) {
					throw e;
				}
				refused.add(new Refusal(key, titleOf(key), takenMeanwhile(key)));
			}
		}
		return new Outcome(approved, refused);
	}

	private boolean stillWaitingForReview(String key) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey(TASK_PROVINCE_REVIEW)
			.count() > 0;
	}

	private Waiting approveOne(String key, long versionId, String reviewer, Set<String> mine) {
		Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey(TASK_PROVINCE_REVIEW)
			.singleResult();
		Map<String, Object> v = task == null ? Map.of() : tasks.getVariables(task.getId(), LISTED);
		// the report's province is its row's (raingan.report), not a variable's
		if (task != null && !mine.contains(provinceOfReport(key))) {
			throw new Refused(key, NOT_YOUR_PROVINCE);
		}
		if (task == null) {
			// no review open: decided already, back with the district, or not this
			// reviewer's at all
			List<ReportVersions.Version> all = versions.ofReport(key);
			ReportVersions.Version last = all.isEmpty() ? null : all.get(all.size() - 1);
			if (last == null || !mine.contains(provinceOfReport(key))) {
				throw new Refused(key, NOT_YOUR_PROVINCE);
			}
			throw new Refused(titleOf(key), decided(last, versionId));
		}
		String title = v.get(PROJECT_NAME) + " (" + v.get(OFFICE_NAME) + ")";
		long current = ((Number) v.get(REPORT_VERSION_ID)).longValue();
		if (current != versionId) {
			throw new Refused(title, "อำเภอส่งรายงานฉบับใหม่ (ส่งครั้งที่ " + v.get(REVISION)
					+ ") หลังจากที่ท่านเปิดรายการ กรุณาเปิดตรวจฉบับใหม่ก่อนอนุมัติ");
		}
		if (task.getAssignee() != null && !task.getAssignee().equals(reviewer)) {
			throw new Refused(title, "รายงานนี้อยู่ระหว่างการพิจารณาของ " + people.displayName(task.getAssignee())
					+ " (รับงานไว้แล้ว) จึงไม่ได้อนุมัติให้");
		}
		Waiting listed = waiting(task, v);
		if (task.getAssignee() == null) {
			tasks.claim(task.getId(), reviewer);
		}
		tasks.complete(task.getId(), Map.of(REVIEW_DECISION, DECISION_APPROVE));
		return listed;
	}

	/** Why a report without an open review cannot be approved now. */
	private String decided(ReportVersions.Version last, long versionId) {
		String by = last.decidedBy() == null ? "" : " โดย " + people.displayName(last.decidedBy());
		if (ReportService.STATUS_APPROVED.equals(last.status())) {
			return "อนุมัติไปแล้ว" + by + " (ล็อกไว้)";
		}
		if (ReportService.STATUS_RETURNED.equals(last.status())) {
			return "ถูกส่งกลับแก้ไขไปแล้ว" + by + " ขณะนี้อยู่ที่อำเภอ";
		}
		return "รายงานนี้ไม่ได้รอการพิจารณา";
	}

	/** After a lost race (optimistic locking): what the report's state now says. */
	private String takenMeanwhile(String key) {
		List<ReportVersions.Version> all = versions.ofReport(key);
		if (!all.isEmpty()) {
			ReportVersions.Version last = all.get(all.size() - 1);
			if (!ReportService.STATUS_SUBMITTED.equals(last.status())) {
				return decided(last, last.id()) + " ระหว่างที่ท่านกำลังอนุมัติ";
			}
		}
		return "มีผู้อื่นพิจารณารายงานนี้ในเวลาเดียวกัน จึงไม่ได้อนุมัติให้ กรุณาโหลดรายการใหม่";
	}

	/**
	 * "project (office)" of a report of the reviewer's province, for the refusal list.
	 */
	private String titleOf(String key) {
		return jdbc.queryForList("""
				select p.name_th || ' (' || o.name_th || ')' from raingan.report r
				join raingan.assignment a on a.id = r.assignment_id join raingan.project p on p.id = a.project_id
				join raingan.org_unit o on o.code = r.office_code where r.business_key = ?""", String.class, key)
			.stream()
			.findFirst()
			.orElse(key);
	}

	private String provinceOfReport(String key) {
		return jdbc.queryForList("select province_code from raingan.report where business_key = ?", String.class, key)
			.stream()
			.findFirst()
			.orElse("");
	}

	private Waiting waiting(Task task, Map<String, Object> v) {
		long versionId = ((Number) v.get(REPORT_VERSION_ID)).longValue();
		// the spending as stored with the submitted version, beside the assignment's
		// allocation; when it was sent and whether on time, as stored with it
		Map<String, Object> money = jdbc
			.queryForList("""
					select v.spent_baht, v.submitted_at, v.on_time, a.allocation_baht from raingan.report_version v
					join raingan.assignment a on a.id = v.assignment_id where v.id = ?""",
					((Number) v.get(REPORT_VERSION_ID)).longValue())
			.stream()
			.findFirst()
			.orElse(Map.of());
		return new Waiting((String) v.get(REPORT_KEY), ((Number) v.get(REPORT_VERSION_ID)).longValue(), task.getId(),
				task.getAssignee(), task.getAssignee() == null ? null : people.displayName(task.getAssignee()),
				String.valueOf(v.get(OFFICE_CODE)), String.valueOf(v.get(OFFICE_NAME)),
				String.valueOf(v.get(BUDGET_CODE)), String.valueOf(v.get(PROJECT_NAME)),
				v.get(REVISION) instanceof Number n ? n.intValue() : 1,
				money.get("submitted_at") instanceof Date d ? thaiDateTime(d) : null,
				!Boolean.FALSE.equals(money.get("on_time")), money.get("spent_baht"), money.get("allocation_baht"),
				(String) v.get(SPENDING_WARNING), (String) v.get(DUE_DATE_TEXT), changesOf(versionId));
	}

	/**
	 * A resubmission's changes against the version before it, as plain lines; none for a
	 * first submission.
	 */
	private List<String> changesOf(long versionId) {
		ReportChanges.Version to = changes.version(versionId).orElse(null);
		ReportChanges.Version from = to == null ? null : changes.previous(to).orElse(null);
		return from == null ? List.of() : ReportChanges.lines(changes.between(from, to));
	}

	private static String thaiDateTime(Date d) {
		var local = d.toInstant().atZone(Clock.ZONE);
		return BuddhistDates.format(local.toLocalDate())
				+ String.format(" %02d:%02d น.", local.getHour(), local.getMinute());
	}

	/** A report left out, with its title as the reviewer knows it. */
	static final class Refused extends RuntimeException {

		private final String title;

		Refused(String title, String reason) {
			super(reason, null, false, false);
			this.title = title;
		}

	}

}
