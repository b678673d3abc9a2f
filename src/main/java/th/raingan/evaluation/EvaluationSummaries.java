package th.raingan.evaluation;

import static th.raingan.evaluation.EvaluationSummaryProcess.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.raingan.attachment.Attachment;
import th.raingan.attachment.AttachmentService;
import th.raingan.org.Directory;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.project.Assignment;
import th.raingan.project.DeadlineRule;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.ReportRefused;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;
import th.raingan.thai.FiscalYear;

/**
 * The province's summary of an evaluated activity: every assigned office's EA3 side by
 * side (its latest approved report), the province's figure per plan topic weighted by
 * respondents (Σ count / Σ respondents × 100, which is the respondent-weighted mean of
 * the offices' percentages), and the province-wide EA3 the strategy unit records and
 * signs (it may differ from the weighted figure only with a reason), with the EA4 files.
 */
@Service
public class EvaluationSummaries {

	public static final String NOT_FOUND = "ไม่พบงานสรุปผลการประเมินนี้ หรือท่านไม่มีสิทธิ์";

	/**
	 * One office's part: its report (null when none is approved yet) and its EA3 rows.
	 */
	public record District(String officeCode, String officeName, String businessKey, Long versionId,
			Integer respondents, List<Ea3Check.Topic> topics, List<Attachment> ea4Files) {

	}

	/**
	 * A plan topic's province figure: respondents of the offices that reported it, and
	 * the weighted percentages.
	 */
	public record Weighted(String topic, int respondents, BigDecimal knowledge, BigDecimal use,
			BigDecimal satisfaction) {

	}

	/** The recorded province-wide EA3 of a topic. */
	public record ResultTopic(String topic, int respondents, BigDecimal weightedKnowledge, BigDecimal weightedUse,
			BigDecimal weightedSatisfaction, BigDecimal knowledge, BigDecimal use, BigDecimal satisfaction) {

	}

	public record Result(long id, int respondents, int districts, String adjustReason, String recordedBy,
			Date recordedAt, List<ResultTopic> topics) {

	}

	public record Summary(PlanActivity activity, String businessKey, List<District> districts, List<Weighted> weighted,
			int respondents, Optional<Result> result, List<Attachment> provinceEa4) {

		public long approvedDistricts() {
			return districts.stream().filter(d -> d.versionId() != null).count();
		}

	}

	/**
	 * What the strategy unit records: per plan topic the three percentages (as typed),
	 * and a reason if adjusted.
	 */
	public record Recording(List<Map<String, Object>> topics, String adjustReason) {

	}

	private final EvaluationPlans plans;

	private final ProjectCatalog catalog;

	private final EvaluationReports reports;

	private final AttachmentService attachments;

	private final OrgUnits orgUnits;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final Directory directory;

	private final JdbcTemplate jdbc;

	EvaluationSummaries(EvaluationPlans plans, ProjectCatalog catalog, EvaluationReports reports,
			AttachmentService attachments, OrgUnits orgUnits, RuntimeService runtime, TaskService tasks,
			Directory directory, JdbcTemplate jdbc) {
		this.plans = plans;
		this.catalog = catalog;
		this.reports = reports;
		this.attachments = attachments;
		this.orgUnits = orgUnits;
		this.runtime = runtime;
		this.tasks = tasks;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	/**
	 * A district report was approved: if its activity is evaluated in the province's
	 * plan, its summary starts (the first approval) or hears that every office's report
	 * is now approved.
	 */
	public void reportApproved(long assignmentId) {
		Optional<Assignment> assignment = catalog.assignment(assignmentId);
		if (assignment.isEmpty()) {
			return;
		}
		Optional<PlanActivity> activity = plans.ofProject(assignment.get().project().id())
			.filter(a -> a.evaluationForm() || a.dataForm());
		if (activity.isEmpty()) {
			return;
		}
		PlanActivity a = activity.get();
		String key = businessKey(a.fiscalYearBe(), a.provinceCode(), a.id());
		boolean all = allApproved(a);
		directory.asEngine(() -> {
			ProcessInstance running = runtime.createProcessInstanceQuery()
				.processDefinitionKey(KEY)
				.processInstanceBusinessKey(key)
				.singleResult();
			boolean done = running == null
					&& jdbc.queryForObject("select count(*) from raingan.evaluation_result where activity_id = ?",
							Integer.class, a.id()) > 0;
			if (done) {
				return null;
			}
			if (running == null) {
				Map<String, Object> variables = new HashMap<>();
				variables.put(REPORT_KEY, key);
				variables.put(ACTIVITY_ID, a.id());
				variables.put(PROVINCE_CODE, a.provinceCode());
				variables.put(FISCAL_YEAR, a.fiscalYearBe());
				variables.put(PROJECT_NAME, a.projectTh());
				variables.put(ACTIVITY_NAME, a.activityTh());
				variables.put(ALL_APPROVED, all);
				variables.put(WINDOW_CLOSES, Clock.endOfDay(windowCloses(a)));
				variables.put(REASON_TEXT, all ? "รายงานของทุกหน่วยงานได้รับอนุมัติแล้ว" : null);
				if (a.dataForm()) {
					variables.put(th.raingan.attachment.AttachmentAccess.UPLOAD_SLOT, Attachment.KIND_EA4_PROVINCE);
				}
				runtime.startProcessInstanceByKey(KEY, key, variables);
			}
			else if (all) {
				runtime.setVariable(running.getId(), REASON_TEXT, "รายงานของทุกหน่วยงานได้รับอนุมัติแล้ว");
				runtime.createMessageCorrelation(MESSAGE_REPORTS_COMPLETE)
					.processInstanceBusinessKey(key)
					.correlateAllWithResult();
			}
			return null;
		});
	}

	/**
	 * The last day of the plan's recording window: the rule's date, or the end of the
	 * fiscal year.
	 */
	static LocalDate windowCloses(PlanActivity a) {
		DeadlineRule rule = a.deadlineRule() == null ? DeadlineRule.ROUND : DeadlineRule.parse(a.deadlineRule());
		return switch (rule.kind()) {
			case BY_DATE -> rule.date();
			case WITHIN_MONTH -> rule.month().atEndOfMonth();
			default -> FiscalYear.of(a.fiscalYearBe()).end();
		};
	}

	boolean allApproved(PlanActivity a) {
		List<Assignment> assigned = assignments(a);
		return !assigned.isEmpty() && assigned.stream().allMatch(x -> latestApproved(x.id()).isPresent());
	}

	private List<Assignment> assignments(PlanActivity a) {
		return catalog.assignmentsOf(a.fiscalYearBe(), a.provinceCode())
			.stream()
			.filter(x -> a.projectId() != null && x.project().id() == a.projectId().longValue())
			.sorted(java.util.Comparator.comparing(Assignment::officeCode))
			.toList();
	}

	private record Approved(long versionId, String businessKey, int respondents) {

	}

	private Optional<Approved> latestApproved(long assignmentId) {
		return jdbc
			.query("""
					select id, business_key, respondents from raingan.report_version where assignment_id = ? and status = 'approved'
					order by decided_at desc, id desc""",
					(rs, i) -> new Approved(rs.getLong("id"), rs.getString("business_key"), rs.getInt("respondents")),
					assignmentId)
			.stream()
			.findFirst();
	}

	/** The summary of the activity behind a summary task the signed-in user can see. */
	public Optional<Summary> ofTask(String taskId) {
		Task task = tasks.createTaskQuery().taskId(taskId).taskDefinitionKey(TASK_PROVINCE_SUMMARY).singleResult();
		if (task == null) {
			return Optional.empty();
		}
		Object id = tasks.getVariable(taskId, ACTIVITY_ID);
		return id == null ? Optional.empty() : plans.find(((Number) id).longValue()).map(this::summary);
	}

	public Summary summary(PlanActivity a) {
		List<District> districts = new ArrayList<>();
		for (Assignment x : assignments(a)) {
			String name = orgUnits.find(x.officeCode()).map(OrgUnit::nameTh).orElse(x.officeCode());
			Optional<Approved> approved = latestApproved(x.id());
			if (approved.isEmpty()) {
				districts.add(new District(x.officeCode(), name, null, null, null, List.of(), List.of()));
				continue;
			}
			Approved v = approved.get();
			districts.add(new District(x.officeCode(), name, v.businessKey(), v.versionId(), v.respondents(),
					reports.topicsOf(v.versionId()),
					attachments.list(v.businessKey())
						.stream()
						.filter(f -> Attachment.KIND_EA4.equals(f.kind()))
						.toList()));
		}
		List<Weighted> weighted = new ArrayList<>();
		for (String topic : a.topics()) {
			int respondents = 0;
			int k = 0;
			int u = 0;
			int s = 0;
			for (District d : districts) {
				for (Ea3Check.Topic t : d.topics()) {
					if (t.topic().equals(topic) && !t.ownTopic()) {
						respondents += d.respondents();
						k += t.knowledgeCount();
						u += t.useCount();
						s += t.satisfactionCount();
					}
				}
			}
			weighted.add(respondents == 0 ? new Weighted(topic, 0, null, null, null) : new Weighted(topic, respondents,
					Ea3Check.of(k, respondents), Ea3Check.of(u, respondents), Ea3Check.of(s, respondents)));
		}
		int respondents = districts.stream().filter(d -> d.respondents() != null).mapToInt(District::respondents).sum();
		String key = businessKey(a.fiscalYearBe(), a.provinceCode(), a.id());
		return new Summary(a, key, districts, weighted, respondents, result(a.id()),
				attachments.list(key).stream().filter(f -> Attachment.KIND_EA4_PROVINCE.equals(f.kind())).toList());
	}

	public Optional<Result> result(long activityId) {
		return jdbc
			.query("select * from raingan.evaluation_result where activity_id = ?",
					(rs, i) -> new Result(rs.getLong("id"), rs.getInt("respondents"), rs.getInt("districts"),
							rs.getString("adjust_reason"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at"),
							List.of()),
					activityId)
			.stream()
			.findFirst()
			.map(r -> new Result(r.id(), r.respondents(), r.districts(), r.adjustReason(), r.recordedBy(),
					r.recordedAt(),
					jdbc.query("select * from raingan.evaluation_result_topic where result_id = ? order by seq",
							(rs, i) -> new ResultTopic(rs.getString("topic_th"), rs.getInt("respondents"),
									rs.getBigDecimal("weighted_knowledge"), rs.getBigDecimal("weighted_use"),
									rs.getBigDecimal("weighted_satisfaction"), rs.getBigDecimal("knowledge_percent"),
									rs.getBigDecimal("use_percent"), rs.getBigDecimal("satisfaction_percent")),
							r.id())));
	}

	/**
	 * Records and signs the province-wide EA3 on the summary task, and completes it:
	 * every plan topic's three percentages 0-100; a figure other than the weighted one
	 * needs a reason; an activity with the data form needs the province's EA4 summary
	 * file. Refused whole, in Thai, naming the field.
	 */
	@Transactional
	public Result record(String taskId, Recording recording, String userId) {
		Summary s = ofTask(taskId).orElseThrow(() -> new ReportRefused(NOT_FOUND, List.of()));
		List<String> errors = new ArrayList<>();
		if (s.approvedDistricts() == 0) {
			errors.add("ผลของอำเภอ: ยังไม่มีรายงานของหน่วยงานใดได้รับอนุมัติ จึงยังสรุปผลระดับจังหวัดไม่ได้");
		}
		List<ResultTopic> topics = new ArrayList<>();
		boolean adjusted = false;
		List<Map<String, Object>> typed = recording.topics() == null ? List.of() : recording.topics();
		for (int i = 0; i < s.weighted().size(); i++) {
			Weighted w = s.weighted().get(i);
			String label = "ประเด็นที่ " + (i + 1);
			Map<String, Object> row = i < typed.size() && typed.get(i) != null ? typed.get(i) : Map.of();
			BigDecimal k = percent(row.get("knowledge"), label + " ความรู้ความเข้าใจ (ร้อยละ)", w.knowledge(), errors);
			BigDecimal u = percent(row.get("use"), label + " การนำไปใช้ประโยชน์ (ร้อยละ)", w.use(), errors);
			BigDecimal t = percent(row.get("satisfaction"), label + " ความพึงพอใจ (ร้อยละ)", w.satisfaction(), errors);
			if (k == null || u == null || t == null) {
				continue;
			}
			adjusted |= differs(k, w.knowledge()) || differs(u, w.use()) || differs(t, w.satisfaction());
			topics.add(new ResultTopic(w.topic(), w.respondents(), w.knowledge(), w.use(), w.satisfaction(), k, u, t));
		}
		String reason = recording.adjustReason() == null ? "" : recording.adjustReason().strip();
		if (adjusted && reason.length() < 5) {
			errors.add(
					"เหตุผลที่ปรับจากค่าถ่วงน้ำหนัก: ผลระดับจังหวัดต่างจากค่าที่คำนวณจากอำเภอ ต้องระบุเหตุผล (อย่างน้อย 5 ตัวอักษร)");
		}
		else if (reason.length() > 4000) {
			errors.add("เหตุผลที่ปรับจากค่าถ่วงน้ำหนัก: ยาวเกิน 4000 ตัวอักษร");
		}
		if (s.activity().dataForm() && s.provinceEa4().isEmpty()) {
			errors
				.add("ไฟล์สรุปแบบจัดเก็บข้อมูล (EA4) ของจังหวัด: ต้องแนบไฟล์อย่างน้อย 1 ไฟล์ในแท็บ ไฟล์แนบ ก่อนบันทึก");
		}
		if (!errors.isEmpty()) {
			throw new ReportRefused("บันทึกผลการประเมินระดับจังหวัดไม่ได้ กรุณาแก้ไข:", errors);
		}
		Date now = Clock.now();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		String kept = reason.isEmpty() ? null : reason;
		jdbc.update(connection -> {
			var ps = connection.prepareStatement(
					"""
							insert into raingan.evaluation_result (activity_id, business_key, respondents, districts, adjust_reason,
							recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)""",
					new String[] { "id" });
			ps.setLong(1, s.activity().id());
			ps.setString(2, s.businessKey());
			ps.setInt(3, s.respondents());
			ps.setInt(4, (int) s.approvedDistricts());
			ps.setString(5, kept);
			ps.setString(6, userId);
			ps.setTimestamp(7, new Timestamp(now.getTime()));
			return ps;
		}, key);
		long id = key.getKey().longValue();
		int seq = 1;
		for (ResultTopic t : topics) {
			jdbc.update(
					"""
							insert into raingan.evaluation_result_topic (result_id, seq, topic_th, respondents, weighted_knowledge,
							weighted_use, weighted_satisfaction, knowledge_percent, use_percent, satisfaction_percent)
							values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					id, seq++, t.topic(), t.respondents(), t.weightedKnowledge(), t.weightedUse(),
					t.weightedSatisfaction(), t.knowledge(), t.use(), t.satisfaction());
		}
		// the signature line is the server's (kept by the engine, which the candidate
		// group may not update); the candidate completes the task with nothing more, as
		// its form (which has no fields) asks
		String signed = "ลงนามโดย " + userId + " เมื่อ " + BuddhistDates.format(Clock.day(now));
		directory.asEngine(() -> {
			tasks.setVariable(taskId, RECORDED_TEXT, signed);
			return null;
		});
		tasks.complete(taskId);
		return result(s.activity().id()).orElseThrow();
	}

	/**
	 * The province of a summary's business key {@code eval/2567/57/12}
	 * ({@link EvaluationSummaryProcess#businessKey}): the summary task's candidate group
	 * follows from it
	 * ({@code ${routing.reviewGroup(evaluationSummaries.province(execution))}}), never
	 * from a variable.
	 */
	public String province(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
		return execution.getProcessBusinessKey().split("/")[2];
	}

	/**
	 * Whether the province recorded the summary of a business key's activity (its table).
	 */
	public boolean recorded(String businessKey) {
		return result(Long.parseLong(businessKey.substring(businessKey.lastIndexOf('/') + 1))).isPresent();
	}

	private static boolean differs(BigDecimal typed, BigDecimal weighted) {
		return weighted == null || typed.compareTo(weighted) != 0;
	}

	private static BigDecimal percent(Object value, String label, BigDecimal weighted, List<String> errors) {
		if (value == null || value.toString().isBlank()) {
			if (weighted != null) {
				return weighted;
			}
			errors.add(label + ": ยังไม่ได้กรอก (ไม่มีผลของอำเภอให้คำนวณ)");
			return null;
		}
		th.raingan.thai.ThaiNumbers.Parsed parsed = th.raingan.thai.ThaiNumbers.parse(value);
		if (!parsed.isValid()) {
			errors.add(label + ": " + parsed.error());
			return null;
		}
		if (parsed.value().signum() < 0 || parsed.value().compareTo(BigDecimal.valueOf(100)) > 0) {
			errors.add(label + ": ต้องอยู่ระหว่าง 0 ถึง 100 (ได้รับ " + value + ")");
			return null;
		}
		return parsed.value().setScale(2, RoundingMode.HALF_UP);
	}

	/** For the screen and the exports. */
	static Map<String, Object> topicJson(Ea3Check.Topic t) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("topic", t.topic());
		m.put("own", t.ownTopic());
		m.put("knowledgeCount", t.knowledgeCount());
		m.put("knowledgePercent", t.knowledgePercent());
		m.put("useCount", t.useCount());
		m.put("usePercent", t.usePercent());
		m.put("satisfactionCount", t.satisfactionCount());
		m.put("satisfactionPercent", t.satisfactionPercent());
		return m;
	}

}
