package th.raingan.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import th.raingan.attachment.Attachment;
import th.raingan.attachment.AttachmentAccess;
import th.raingan.attachment.AttachmentService;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.org.People;
import th.raingan.report.ReportRefused;
import th.raingan.report.ReportVersions;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/**
 * The evaluation screens' answers, for the signed-in user (the engine's current
 * authentication): the plan (read, CSV export, CSV import and the screen's save, for the
 * province's strategy unit), the province's summary on its task, its exports, a report's
 * EA3 and the EA4 files. Every refusal is a Thai {@code message}.
 */
@Service
public class EvaluationApi {

	/**
	 * An HTTP status and a body (a JSON map, or bytes with their media type and file
	 * name).
	 */
	public record Answer(int status, Object body, String mediaType, String fileName) {

		static Answer json(int status, Object body) {
			return new Answer(status, body, "application/json", null);
		}

		static Answer refuse(int status, String message) {
			return json(status, Map.of("message", message));
		}

		static Answer refuse(int status, String message, List<String> problems) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("message", message);
			body.put("problems", problems);
			return json(status, body);
		}

	}

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final EvaluationAccess access;

	private final EvaluationPlanService planService;

	private final EvaluationPlans plans;

	private final EvaluationSummaries summaries;

	private final EvaluationReports reports;

	private final ReportVersions versions;

	private final AttachmentService attachments;

	private final AttachmentAccess attachmentAccess;

	private final OrgUnits orgUnits;

	private final People people;

	EvaluationApi(EvaluationAccess access, EvaluationPlanService planService, EvaluationPlans plans,
			EvaluationSummaries summaries, EvaluationReports reports, ReportVersions versions,
			AttachmentService attachments, AttachmentAccess attachmentAccess, OrgUnits orgUnits, People people) {
		this.access = access;
		this.planService = planService;
		this.plans = plans;
		this.summaries = summaries;
		this.reports = reports;
		this.versions = versions;
		this.attachments = attachments;
		this.attachmentAccess = attachmentAccess;
		this.orgUnits = orgUnits;
		this.people = people;
	}

	public Answer provinces() {
		String user = access.userId().orElse(null);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("keeps", access.provincesKept(user).stream().map(this::province).toList());
		body.put("reads", access.provincesRead(user).stream().map(this::province).toList());
		body.put("year", th.raingan.thai.FiscalYear.containing(Clock.today()).yearBe());
		return Answer.json(200, body);
	}

	public Answer plan(String province, Integer year) {
		String user = access.userId().orElse(null);
		if (province == null || year == null || !access.readsPlan(user, province)) {
			return Answer.refuse(403, EvaluationAccess.NO_ACCESS);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("province", province(province));
		body.put("year", year);
		body.put("editable", access.keepsPlan(user, province));
		body.put("activities", planService.plan(year, province).stream().map(a -> activity(a, user)).toList());
		return Answer.json(200, body);
	}

	public Answer exportCsv(String province, Integer year) {
		if (province == null || year == null || !access.readsPlan(access.userId().orElse(null), province)) {
			return Answer.refuse(403, EvaluationAccess.NO_ACCESS);
		}
		return new Answer(200, planService.exportCsv(year, province).getBytes(StandardCharsets.UTF_8),
				"text/csv; charset=UTF-8", "evaluation-plan-" + year + "-" + province + ".csv");
	}

	public Answer importCsv(String province, Integer year, byte[] csv) {
		String user = access.userId().orElse(null);
		if (province == null || year == null || !access.keepsPlan(user, province)) {
			return Answer.refuse(403, EvaluationAccess.NOT_STRATEGY_UNIT);
		}
		return outcome(planService.importCsv(year, province, csv == null ? new byte[0] : csv, user));
	}

	public Answer saveRows(String province, Integer year, List<Map<String, String>> rows) {
		String user = access.userId().orElse(null);
		if (province == null || year == null || !access.keepsPlan(user, province)) {
			return Answer.refuse(403, EvaluationAccess.NOT_STRATEGY_UNIT);
		}
		return outcome(planService.saveRows(year, province, rows == null ? List.of() : rows, user));
	}

	private Answer outcome(EvaluationPlanService.Outcome outcome) {
		if (!outcome.isValid()) {
			return Answer.refuse(400, "ไม่ได้บันทึกแผนประเมินผล (ไม่มีแถวใดถูกบันทึก) กรุณาแก้ไข:", outcome.messages());
		}
		return Answer.json(200,
				Map.of("saved", outcome.saved(), "message", "บันทึกแผนประเมินผลแล้ว " + outcome.saved() + " กิจกรรม"));
	}

	public Answer summary(String taskId) {
		return summaries.ofTask(taskId)
			.map(s -> Answer.json(200, summaryJson(s)))
			.orElse(Answer.refuse(404, EvaluationSummaries.NOT_FOUND));
	}

	@SuppressWarnings("unchecked")
	public Answer record(String taskId, Map<String, Object> body) {
		String user = access.userId().orElse(null);
		Optional<EvaluationSummaries.Summary> s = summaries.ofTask(taskId);
		if (s.isEmpty() || !access.keepsPlan(user, s.get().activity().provinceCode())) {
			return Answer.refuse(404, EvaluationSummaries.NOT_FOUND);
		}
		Object topics = body == null ? null : body.get("topics");
		Object reason = body == null ? null : body.get("adjustReason");
		try {
			summaries.record(taskId,
					new EvaluationSummaries.Recording(
							topics instanceof List<?> list ? (List<Map<String, Object>>) list : List.of(),
							reason == null ? null : reason.toString()),
					user);
		}
		catch (ClassCastException ex) {
			return Answer.refuse(400, "ข้อมูลผลระดับจังหวัดไม่ถูกต้อง");
		}
		catch (RuntimeException failure) {
			// thrown here, or by a listener of the task's completion and then translated
			// by the engine
			ReportRefused ex = ReportRefused.in(failure).orElseThrow(() -> failure);
			return Answer.refuse(400, ex.getMessage(), ex.problems());
		}
		return Answer.json(200, Map.of("message", "บันทึกและลงนามผลการประเมินระดับจังหวัดแล้ว"));
	}

	public Answer summaryFile(String taskId, String format) {
		return summaries.ofTask(taskId)
			.map(s -> file(s, format))
			.orElse(Answer.refuse(404, EvaluationSummaries.NOT_FOUND));
	}

	/**
	 * The kept result's exports, after the task: the province's strategy unit, its
	 * manager, the department.
	 */
	public Answer resultFile(long activityId, String format) {
		String user = access.userId().orElse(null);
		Optional<PlanActivity> a = plans.find(activityId);
		if (a.isEmpty() || !readsSummary(user, a.get().provinceCode())) {
			return Answer.refuse(404, EvaluationSummaries.NOT_FOUND);
		}
		return file(summaries.summary(a.get()), format);
	}

	/**
	 * The recorded province figures of a province's plan (no office's own figures):
	 * everyone who reads the plan.
	 */
	public Answer results(String province, Integer year) {
		String user = access.userId().orElse(null);
		if (province == null || year == null || !access.readsPlan(user, province)) {
			return Answer.refuse(403, EvaluationAccess.NO_ACCESS);
		}
		List<Map<String, Object>> results = new ArrayList<>();
		for (PlanActivity a : plans.of(year, province)) {
			summaries.result(a.id()).ifPresent(r -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("activityId", a.id());
				m.put("activity", a.activityTh());
				m.put("respondents", r.respondents());
				m.put("districts", r.districts());
				m.put("recordedBy", people.displayName(r.recordedBy()));
				m.put("recordedAt", BuddhistDates.format(Clock.day(r.recordedAt())));
				m.put("adjustReason", r.adjustReason());
				m.put("topics", r.topics());
				m.put("exportable", readsSummary(user, province));
				results.add(m);
			});
		}
		return Answer.json(200, Map.of("results", results));
	}

	/**
	 * A report's EA3 per topic (its latest submitted version): the report's own office
	 * (it can see the report's task) or the province's strategy unit; nobody else.
	 */
	public Answer reportEa3(String businessKey) {
		String user = access.userId().orElse(null);
		if (businessKey == null || !mayReadReport(user, businessKey)) {
			return Answer.refuse(404, "ไม่พบรายงานนี้ หรือท่านไม่มีสิทธิ์ดูผลการประเมินของรายงานนี้");
		}
		List<ReportVersions.Version> all = versions.ofReport(businessKey);
		List<Map<String, Object>> topics = all.isEmpty() ? List.of()
				: reports.topicsOf(all.get(all.size() - 1).id()).stream().map(EvaluationSummaries::topicJson).toList();
		List<Map<String, Object>> ea4 = attachments.list(businessKey)
			.stream()
			.filter(f -> Attachment.KIND_EA4.equals(f.kind()))
			.map(this::fileJson)
			.toList();
		return Answer.json(200, Map.of("businessKey", businessKey, "topics", topics, "ea4", ea4));
	}

	/**
	 * An EA4 file of a report or of the province's summary, for who may read that report
	 * or summary.
	 */
	public Answer ea4File(long id) {
		String user = access.userId().orElse(null);
		Optional<Attachment> file = attachments.find(id)
			.filter(f -> Attachment.KIND_EA4.equals(f.kind()) || Attachment.KIND_EA4_PROVINCE.equals(f.kind()));
		if (file.isEmpty() || !mayReadReport(user, file.get().businessKey())) {
			return Answer.refuse(404, "ไม่พบไฟล์นี้ หรือท่านไม่มีสิทธิ์เปิด");
		}
		return new Answer(200, attachments.content(id), file.get().mediaType(), file.get().fileName());
	}

	/**
	 * A report's EA3/EA4: its own office, and the province's strategy unit; a summary's:
	 * the strategy unit, the province's manager and the department. No other office, no
	 * other province.
	 */
	private boolean mayReadReport(String user, String businessKey) {
		if (user == null) {
			return false;
		}
		Optional<String> province = provinceOf(businessKey);
		if (province.isEmpty()) {
			return false;
		}
		if (access.keepsPlan(user, province.get())) {
			return true;
		}
		if (businessKey.startsWith("eval/")) {
			return access.managesOrDepartment(user, province.get());
		}
		String office = businessKey.substring(businessKey.lastIndexOf('/') + 1);
		return access.worksIn(user, office);
	}

	/**
	 * {@code 2567-1/<budget code>/5701} (a report) or {@code eval/2567/57/12} (a
	 * summary): the province.
	 */
	private Optional<String> provinceOf(String businessKey) {
		String[] parts = businessKey.split("/");
		if (businessKey.startsWith("eval/") && parts.length == 4) {
			return Optional.of(parts[2]);
		}
		return parts.length == 3 ? orgUnits.find(parts[2]).map(OrgUnit::provinceCode) : Optional.empty();
	}

	private boolean readsSummary(String user, String province) {
		return access.keepsPlan(user, province) || access.readsPlan(user, province) && !isDistrictOnly(user, province);
	}

	private boolean isDistrictOnly(String user, String province) {
		return access.provincesKept(user).isEmpty() && access.readsPlan(user, province)
				&& !access.managesOrDepartment(user, province);
	}

	private Answer file(EvaluationSummaries.Summary s, String format) {
		String name = "evaluation-" + s.activity().fiscalYearBe() + "-" + s.activity().provinceCode() + "-"
				+ s.activity().id();
		if ("pdf".equals(format)) {
			return new Answer(200, EvaluationDocuments.pdf(s), "application/pdf", name + ".pdf");
		}
		return new Answer(200, EvaluationDocuments.xlsx(s), XLSX, name + ".xlsx");
	}

	Map<String, Object> summaryJson(EvaluationSummaries.Summary s) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("activity", activity(s.activity(), null));
		body.put("respondents", s.respondents());
		body.put("approvedDistricts", s.approvedDistricts());
		body.put("districts", s.districts().stream().map(d -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("officeCode", d.officeCode());
			m.put("officeName", d.officeName());
			m.put("approved", d.versionId() != null);
			m.put("respondents", d.respondents());
			m.put("topics", d.topics().stream().map(EvaluationSummaries::topicJson).toList());
			m.put("ea4", d.ea4Files().stream().map(this::fileJson).toList());
			return m;
		}).toList());
		body.put("weighted", s.weighted());
		body.put("provinceEa4", s.provinceEa4().stream().map(this::fileJson).toList());
		body.put("result", s.result().orElse(null));
		return body;
	}

	private Map<String, Object> fileJson(Attachment f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", f.id());
		m.put("name", f.fileName());
		m.put("size", f.sizeBytes());
		m.put("uploadedBy", people.displayName(f.uploadedBy()));
		m.put("uploadedAt", BuddhistDates.format(Clock.day(f.uploadedAt())));
		return m;
	}

	private Map<String, Object> activity(PlanActivity a, String user) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", a.id());
		m.put("seq", a.seq());
		m.put("no", a.itemNo());
		m.put("projectTh", a.projectTh());
		m.put("activityTh", a.activityTh());
		m.put("budgetCode", a.budgetCode());
		m.put("evaluationForm", a.evaluationForm());
		m.put("dataForm", a.dataForm());
		m.put("deadlineRule", a.deadlineRule());
		m.put("windowTh", a.windowTh());
		m.put("topics", a.topics());
		if (user != null) {
			summaries.result(a.id()).ifPresent(r -> m.put("recorded", true));
		}
		return m;
	}

	private Map<String, Object> province(String code) {
		return Map.of("code", code, "name", orgUnits.find(code).map(OrgUnit::nameTh).orElse(code));
	}

}
