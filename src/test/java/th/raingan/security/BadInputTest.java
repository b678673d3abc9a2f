package th.raingan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.attachment.Photos;
import th.raingan.plan.KpiTargetPlanProcess;
import th.raingan.plan.PlanValidator;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.ReportDrafts;
import th.raingan.round.ReportingRoundProcess;
import th.raingan.security.RestCalls.Answer;
import th.raingan.security.RestCalls.Login;

/**
 * Malformed submissions through every door a user has: the district's draft, the
 * province's review and the manager's round start through {@code /engine-rest}, the KPI
 * plan, the catalogue imports, the KPI and budget endpoints, the attachments tab. Each is
 * refused with a Thai message (naming the field where the project checks it), writes
 * nothing (the project's tables, the engine's instances, the task and its variables stay
 * as they were), and afterwards the same draft, review and plan still take a valid
 * submission.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

	static final String MB = "ก".repeat(1024 * 1024);

	static final String MB_DIGITS = "1".repeat(1024 * 1024);

	static final Pattern THAI = Pattern.compile("[\\u0E00-\\u0E7F]");

	static final String ATTACHMENTS = "/camunda/api/tasklist/plugin/raingan-attachments/default";

	static final Login ADMIN = new Login("admin", "admin");

	static final Login STR4201 = new Login("str4201", "test4201");

	static final Login REVIEW42 = new Login("review42", "review42");

	static final Login MANAGER42 = new Login("manager42", "manager42");

	static final List<String> TABLES = List.of("report_version", "report_area", "attachment", "project", "assignment",
			"kpi_plan");

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

	@Autowired
	th.raingan.plan.IndicatorCatalogue indicators;

	/** A catalogue indicator Mueang Loei plans, and one only Sa Kaeo's offices plan. */
	static String planCode;

	static String sakaeoCode;

	RestCalls rest;

	WebappSession str4201;

	String draftInstance;

	String reviewInstance;

	String planInstance;

	int submissions;

	int refusedInThai;

	int partialWrites;

	/** Where a malformed submission goes. */
	enum Door {

		DRAFT, REVIEW, ROUND_START, PLAN_START, PLAN_EDIT

	}

	/**
	 * One malformed submission through {@code /engine-rest}: the valid values with one
	 * field spoilt.
	 */
	record EngineCase(Door door, String name, Consumer<Map<String, Object>> spoil, String field) {

	}

	private long evaluatedAssignment;

	private Boolean ownEvaluation;

	@org.junit.jupiter.api.AfterAll
	void theAssignmentAsItWas() {
		jdbc.update("update raingan.assignment set evaluation_required = ? where id = ?", ownEvaluation,
				evaluatedAssignment);
	}

	@BeforeAll
	void aDraftAReviewAndAPlanOf4201() throws Exception {
		rest = new RestCalls(port);
		planCode = th.raingan.plan.Indicators.add(indicators, "ร้อยละของครัวเรือนที่ผ่านเกณฑ์ จปฐ.", "ร้อยละ",
				th.raingan.plan.IndicatorCatalogue.QUANTITY, "42");
		sakaeoCode = th.raingan.plan.Indicators.add(indicators, "ร้อยละของกลุ่มอาชีพที่ได้รับการพัฒนา", "ร้อยละ",
				th.raingan.plan.IndicatorCatalogue.QUANTITY, "27");
		var assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();
		Map<String, Object> inputs = ReportDrafts.inputsFor4201(assignment);
		// the evaluation summary is checked too: the assignment asks for it (the server
		// reads the table, never the evaluationRequired variable)
		evaluatedAssignment = assignment.id();
		ownEvaluation = jdbc.queryForObject("select evaluation_required from raingan.assignment where id = ?",
				Boolean.class, evaluatedAssignment);
		jdbc.update("update raingan.assignment set evaluation_required = true where id = ?", evaluatedAssignment);
		inputs.put(EVALUATION_REQUIRED, true);
		draftInstance = runtime.startProcessInstanceByKey(KEY, "bad-input-" + UUID.randomUUID(), inputs).getId();
		reviewInstance = runtime.startProcessInstanceByKey(KEY, "bad-input-" + UUID.randomUUID(), inputs).getId();
		Answer submitted = rest.call(STR4201, "POST", "/engine-rest/task/" + taskOf(reviewInstance) + "/complete",
				AccessMatrixTest.variables(validDraft()));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
		assertThat(tasks.createTaskQuery().processInstanceId(reviewInstance).singleResult().getTaskDefinitionKey())
			.isEqualTo(TASK_PROVINCE_REVIEW);
		Answer plan = rest.call(STR4201, "POST",
				"/engine-rest/process-definition/key/" + KpiTargetPlanProcess.KEY + "/submit-form",
				AccessMatrixTest.variables(validPlanStart()));
		assertThat(plan.status()).as(plan.body()).isEqualTo(200);
		planInstance = (String) ((Map<?, ?>) plan.json()).get("id");
		str4201 = WebappSession.login(port, STR4201.user(), STR4201.password());
	}

	private String taskOf(String instance) {
		return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
	}

	// ---- the valid submissions each case spoils

	static Map<String, Object> validDraft() {
		Map<String, Object> draft = ReportDrafts.valid();
		try {
			draft.put(AREAS, json(RestCalls.JSON.writeValueAsString(draft.get(AREAS))));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return draft;
	}

	static Map<String, Object> validReview() {
		Map<String, Object> review = new HashMap<>();
		review.put(REVIEW_DECISION, DECISION_RETURN);
		review.put(RETURN_REASON, "ค่าใช้จ่ายพื้นที่ไม่ตรงกับเอกสาร");
		return review;
	}

	static Map<String, Object> validRoundStart() {
		// round 2 of 2570 (April-September 2027) is still to come: only the spoilt field
		// can refuse it
		Map<String, Object> start = new HashMap<>();
		start.put(ReportingRoundProcess.FISCAL_YEAR, "2570");
		start.put(ReportingRoundProcess.ROUND_NO, "2");
		start.put(ReportingRoundProcess.REPORTING_DEADLINE, "15/09/2570");
		return start;
	}

	static Map<String, Object> validPlanStart() {
		Map<String, Object> start = new HashMap<>();
		start.put(KpiTargetPlanProcess.FISCAL_YEAR, "2570");
		start.put(KpiTargetPlanProcess.KPI_CODE, planCode);
		return start;
	}

	static Map<String, Object> validPlan() {
		Map<String, Object> plan = new HashMap<>();
		plan.put(KpiTargetPlanProcess.PLAN_ACTION, KpiTargetPlanProcess.ACTION_SAVE);
		plan.put("planOct", "10");
		plan.put("planNov", "10");
		plan.put("planDec", "10");
		plan.put("planQ1", "30");
		plan.put(KpiTargetPlanProcess.TOTAL, "30");
		return plan;
	}

	static Map<String, Object> typed(String type, Object value) {
		return Map.of("type", type, "value", value);
	}

	static Map<String, Object> json(String value) {
		return typed("Json", value);
	}

	// ---- the tables of malformed values

	static final Object MISSING = new Object();

	/** For each field of a door: its Thai label and the values that must be refused. */
	static List<EngineCase> engineCases() {
		List<EngineCase> cases = new ArrayList<>();
		Object[] notText = { typed("Integer", 12345), typed("Boolean", true), Map.of("ชื่อ", "นาย ก"),
				List.of("นาย ก", "นาง ข"), json("{\"name\":\"นาย ก\"}") };
		Object[] notNumber = { "abc", "-5", "1e5", "๑2,3๔", "1.2.3", "1,00", "9999999999999",
				"<script>alert(1)</script>", "${1+1}", "#{7*7}", "'; drop table raingan.report_version; --", "١٢٣",
				"NaN", "0x1F", "สิบสี่", "14 คน", typed("Double", -1.5), List.of(1, 2), MB, MISSING };
		Object[] notDate = { "31/02/2569", "00/00/0000", "05/01/2026", "2026-13-01", "01/10/2569", "32/01/2569",
				"<script>alert(1)</script>", "${T(java.lang.Runtime).getRuntime().exec('id')}",
				"\"; execution.setVariable('approved', true); //", typed("Integer", 20260105),
				Map.of("d", "05/01/2569"), MB, MISSING };

		field(cases, Door.DRAFT, OFFICER_NAME, "ผู้รับผิดชอบโครงการ", MB, "   ", MISSING);
		field(cases, Door.DRAFT, OFFICER_NAME, "ผู้รับผิดชอบโครงการ", notText);
		field(cases, Door.DRAFT, OFFICER_PHONE, "เบอร์โทรศัพท์ผู้รับผิดชอบ", "abc", "12345",
				"<script>alert(1)</script>", "${7*7}", "'; drop table raingan.report_version; --", "๐๔๒๘๑๑๗๗๓๕๕๕๕",
				"0".repeat(40), typed("Long", 42811773L), MISSING);
		field(cases, Door.DRAFT, START_DATE, "วันที่เริ่มดำเนินการ", notDate);
		field(cases, Door.DRAFT, END_DATE, "วันที่สิ้นสุดการดำเนินการ", "01/01/2569", "๓๑/๐๒/๒๕๖๙",
				typed("Date", "2030-01-01T00:00:00.000+0700"));
		field(cases, Door.DRAFT, OUTPUT, "ผลผลิต", MB, typed("Integer", 5), List.of("ก"));
		// "ประเด็นความสำเร็จ (อาจไม่มีข้อมูลให้กรอก)": empty or missing is accepted now
		// (issue 15); the rest is still refused
		field(cases, Door.DRAFT, SUCCESS_POINTS, "ประเด็นความสำเร็จ", MB, List.of("ก", "ข"),
				json("{\"x\":\"<script>alert(1)</script>\"}"));
		field(cases, Door.DRAFT, TARGET_VALUE, "เป้าหมาย", notNumber);
		field(cases, Door.DRAFT, RESULT_VALUE, "ผลการดำเนินงาน", "สิบสี่", "-0.01", typed("Boolean", true));
		field(cases, Door.DRAFT, PROGRESS_PERCENT, "ความก้าวหน้า (ร้อยละ)", "101", "-1", "50%", "๑๐๐.๕",
				typed("Integer", 1000));
		field(cases, Door.DRAFT, SPENT_BAHT, "ผลการใช้จ่ายงบประมาณ (บาท)", "-", "3,000-", "1,000,000,000,000",
				MB_DIGITS);
		field(cases, Door.DRAFT, AREAS, "ข้อมูลเชิงพื้นที่", MISSING, json("[]"), json("{\"place\":\"ตำบลกุดป่อง\"}"),
				json("[1,2]"), typed("String", "ไม่ใช่ JSON"), json("\"<script>alert(1)</script>\""));
		area(cases, AREA_PLACE, "พื้นที่ที่ 1 พื้นที่ดำเนินการ (ตำบล/หมู่บ้าน)", MB, "", Map.of("ตำบล", "กุดป่อง"));
		area(cases, AREA_TARGET_GROUP, "พื้นที่ที่ 1 กลุ่มเป้าหมาย", List.of("ผู้นำ"), 12);
		area(cases, AREA_PEOPLE, "พื้นที่ที่ 1 จำนวน (คน)", "-5", "1.5", "99999999", "๒o", "ยี่สิบ");
		area(cases, AREA_OUTCOME, "พื้นที่ที่ 1 ผลที่ได้รับ", "", MB);
		area(cases, AREA_EXPENSE, "พื้นที่ที่ 1 ค่าใช้จ่าย (บาท)", "1-2", "abc", "-", "1,000.00.00", "' or '1'='1");
		field(cases, Door.DRAFT, RESPONDENTS, "จำนวนผู้ตอบแบบประเมิน (คน)", "0", "-3", "2.5", MISSING);
		field(cases, Door.DRAFT, KNOWLEDGE_PERCENT, "ความรู้ความเข้าใจ (ร้อยละ)", "100.01", "ร้อยละ 80");
		field(cases, Door.DRAFT, USE_PERCENT, "การนำไปใช้ประโยชน์ (ร้อยละ)", "-0.5");
		field(cases, Door.DRAFT, SATISFACTION_PERCENT, "ความพึงพอใจ (ร้อยละ)", "๑๐๑");
		field(cases, Door.DRAFT, CONFIRM_SUBMIT, "ยืนยันการส่งรายงาน", false, MISSING, "yes");

		field(cases, Door.REVIEW, REVIEW_DECISION, "ผลการพิจารณา", MISSING, "", "APPROVE", "approved",
				"<script>approve</script>", "${true}", typed("Integer", 1), List.of("approve"), Map.of("d", "approve"));
		field(cases, Door.REVIEW, RETURN_REASON, "เหตุผลที่ส่งกลับแก้ไข", MISSING, "abc", "     ", MB,
				Map.of("reason", "แก้ไขค่าใช้จ่าย"), typed("Integer", 123456));

		field(cases, Door.ROUND_START, ReportingRoundProcess.FISCAL_YEAR, "ปีงบประมาณ", "abc", "2026", "0", "-2570",
				"25700", MB, "${1+1}", "<script>alert(1)</script>", "2570'; drop table raingan.project; --", MISSING,
				Map.of("y", 2570), "๒๕๗o");
		field(cases, Door.ROUND_START, ReportingRoundProcess.ROUND_NO, "รอบการประเมิน", "3", "0", "-1", "1 or 1=1", "๓",
				MISSING, MB);
		field(cases, Door.ROUND_START, ReportingRoundProcess.REPORTING_DEADLINE, "วันสุดท้ายของการส่งรายงาน",
				"31/02/2570", "00/00/0000", "15/09/2026", "15/09/2571", "<script>alert(1)</script>", MISSING, MB);
		cases.add(new EngineCase(Door.ROUND_START, "a round that has ended (1/2569)", v -> {
			v.put(ReportingRoundProcess.FISCAL_YEAR, "2569");
			v.put(ReportingRoundProcess.ROUND_NO, "1");
			v.put(ReportingRoundProcess.REPORTING_DEADLINE, "17/03/2569");
		}, "รอบการประเมิน"));

		field(cases, Door.PLAN_START, KpiTargetPlanProcess.FISCAL_YEAR, "ปีงบประมาณ", "abc", "2026", MISSING);
		field(cases, Door.PLAN_START, KpiTargetPlanProcess.KPI_CODE, "ตัวชี้วัด", "", MISSING, "X".repeat(33), MB,
				"NOT-IN-CATALOGUE", "' or '1'='1");
		cases.add(new EngineCase(Door.PLAN_START, "an indicator Mueang Loei does not plan",
				v -> v.put(KpiTargetPlanProcess.KPI_CODE, sakaeoCode), "ตัวชี้วัด"));

		Map<String, String> labels = PlanValidator.labels(2570);
		field(cases, Door.PLAN_EDIT, "planOct", labels.get("planOct"), "abc", "<script>alert(1)</script>", "${7*7}",
				"'; drop table raingan.kpi_plan; --", "١٢٣", MB_DIGITS, "10%", "๑๐", "1 0", "10 ", " 10");
		cases.add(new EngineCase(Door.PLAN_EDIT, "a month without its quarter", v -> v.remove("planQ1"),
				labels.get("planQ1")));
		cases.add(new EngineCase(Door.PLAN_EDIT, "a quarter without the grand total",
				v -> v.remove(KpiTargetPlanProcess.TOTAL), labels.get(KpiTargetPlanProcess.TOTAL)));
		field(cases, Door.PLAN_EDIT, KpiTargetPlanProcess.SUCCESS_FACTOR, "Success Factor", MB);
		return cases;
	}

	private static void field(List<EngineCase> cases, Door door, String name, String label, Object... values) {
		for (Object value : values) {
			cases.add(new EngineCase(door, name + " = " + describe(value), v -> {
				if (value == MISSING) {
					v.remove(name);
				}
				else {
					v.put(name, value);
				}
			}, label));
		}
	}

	/** The first area row with one value spoilt. */
	private static void area(List<EngineCase> cases, String name, String label, Object... values) {
		for (Object value : values) {
			cases.add(new EngineCase(Door.DRAFT, "area " + name + " = " + describe(value), v -> {
				Map<String, Object> row = new LinkedHashMap<>(
						ReportDrafts.area("ตำบลกุดป่อง หมู่ 1", "ผู้นำชุมชน", "20", "มีแผนพัฒนาตำบล", "1,000"));
				row.put(name, value);
				try {
					v.put(AREAS, json(RestCalls.JSON.writeValueAsString(List.of(row))));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, label));
		}
	}

	private static String describe(Object value) {
		if (value == MISSING) {
			return "(missing)";
		}
		String text = String.valueOf(value);
		return text.length() > 40 ? text.substring(0, 12) + "... (" + text.length() + " chars)" : text;
	}

	// ---- the tests

	@TestFactory
	Stream<DynamicTest> malformedSubmissionsAreRefusedInThaiAndWriteNothing() {
		List<DynamicTest> all = new ArrayList<>();
		for (EngineCase c : engineCases()) {
			all.add(DynamicTest.dynamicTest(c.door() + ": " + c.name(), () -> engine(c)));
		}
		catalogueCases().forEach((name, upload) -> all.add(DynamicTest.dynamicTest("catalogue: " + name, upload)));
		apiCases().forEach((name, call) -> all.add(DynamicTest.dynamicTest("api: " + name, call)));
		attachmentCases().forEach((name, upload) -> all.add(DynamicTest.dynamicTest("attachment: " + name, upload)));
		all.add(DynamicTest.dynamicTest("after the batch the draft, the review and the plan take a valid submission",
				this::validSubmissionsStillGoThrough));
		return all.stream();
	}

	private void engine(EngineCase c) {
		Map<String, Object> values = switch (c.door()) {
			case DRAFT -> validDraft();
			case REVIEW -> validReview();
			case ROUND_START -> validRoundStart();
			case PLAN_START -> validPlanStart();
			case PLAN_EDIT -> validPlan();
		};
		c.spoil().accept(values);
		String instance = switch (c.door()) {
			case DRAFT -> draftInstance;
			case REVIEW -> reviewInstance;
			case PLAN_EDIT -> planInstance;
			default -> null;
		};
		String task = instance == null ? null : taskOf(instance);
		Map<String, String> variablesBefore = instance == null ? Map.of() : variables(instance);
		Map<String, Long> before = counts();

		Answer answer = switch (c.door()) {
			case DRAFT, PLAN_EDIT -> rest.call(STR4201, "POST", "/engine-rest/task/" + task + "/complete",
					AccessMatrixTest.variables(values));
			case REVIEW -> rest.call(REVIEW42, "POST", "/engine-rest/task/" + task + "/complete",
					AccessMatrixTest.variables(values));
			case ROUND_START -> rest.call(MANAGER42, "POST",
					"/engine-rest/process-definition/key/" + ReportingRoundProcess.KEY + "/submit-form",
					AccessMatrixTest.variables(values));
			case PLAN_START -> rest.call(STR4201, "POST",
					"/engine-rest/process-definition/key/" + KpiTargetPlanProcess.KEY + "/submit-form",
					AccessMatrixTest.variables(values));
		};

		submissions++;
		assertThat(answer.status()).as(abbreviate(answer.body())).isEqualTo(400);
		String message = String.valueOf(((Map<?, ?>) answer.json()).get("message"));
		assertThat(message).as("a Thai message").containsPattern(THAI).contains(c.field());
		refusedInThai++;
		boolean partial = !counts().equals(before);
		if (instance != null) {
			partial |= tasks.createTaskQuery().taskId(task).count() != 1;
			partial |= !variables(instance).equals(variablesBefore);
		}
		if (partial) {
			partialWrites++;
		}
		assertThat(partial).as("something was written").isFalse();
	}

	/**
	 * The project's tables and the engine's instances (a refused start form leaves no
	 * instance, not even in history).
	 */
	private Map<String, Long> counts() {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.queryForObject("select count(*) from raingan." + table, Long.class));
		}
		counts.put("history", history.createHistoricProcessInstanceQuery().count());
		counts.put("tasks", tasks.createTaskQuery().count());
		return counts;
	}

	private Map<String, String> variables(String instance) {
		Map<String, String> values = new TreeMap<>();
		runtime.getVariables(instance).forEach((name, value) -> values.put(name, String.valueOf(value)));
		return values;
	}

	// ---- the project's own endpoints

	static final String PROJECTS = "budget_code,fiscal_year_be,province_code,name_th,budget_source,unit_th,"
			+ "province_target,evaluation_required,deadline_rule\n";

	static final String PROJECT = "801-112-P9998-2026-02,2569,42,โครงการทดสอบข้อมูลผิด,B1,คน,10,N,";

	static final String ASSIGNMENTS = "fiscal_year_be,province_code,budget_code,office_code,target,allocation_baht,plan_baht\n";

	static final String ASSIGNMENT = "2569,42,801-112-P0167-2026-02,4201,1,3000,3000";

	/**
	 * Catalogue rows with one column spoilt: each is rejected with its line, that column
	 * and a Thai reason.
	 */
	private Map<String, org.junit.jupiter.api.function.Executable> catalogueCases() {
		Map<String, org.junit.jupiter.api.function.Executable> cases = new LinkedHashMap<>();
		Object[][] projects = { { 0, "abc" }, { 0, "801-112-p9998-2026-02" }, { 0, "<script>alert(1)</script>" },
				{ 0, "'; drop table raingan.project; --" }, { 1, "2026" }, { 1, "abc" }, { 1, "" }, { 1, "๒๕๖๙x" },
				{ 2, "99" }, { 2, "4201" }, { 2, "" }, { 3, "" }, { 3, MB }, { 4, "B8" }, { 4, "b1" }, { 4, "" },
				{ 5, MB }, { 6, "-5" }, { 6, "1e5" }, { 6, "99999999999999999" }, { 6, "๑2,3๔" }, { 7, "X" },
				{ 7, "yes" }, { 8, "junk" }, { 8, "by_date:2026-02-31" } };
		String[] projectColumns = PROJECTS.strip().split(",");
		for (Object[] spoil : projects) {
			int column = (Integer) spoil[0];
			String[] row = PROJECT.split(",", -1);
			row[column] = csvValue((String) spoil[1]);
			cases.put("project " + projectColumns[column] + " = " + describe(spoil[1]),
					() -> rejectedRow("/api/catalogue/projects", PROJECTS + String.join(",", row) + "\n",
							projectColumns[column]));
		}
		Object[][] assignments = { { 0, "abc" }, { 2, "801-112-P0000-2026-00" }, { 3, "2701" }, { 3, "9999" },
				{ 4, "-1" }, { 5, "abc" }, { 5, "99999999999999999" }, { 6, "1,00" } };
		String[] assignmentColumns = ASSIGNMENTS.strip().split(",");
		for (Object[] spoil : assignments) {
			int column = (Integer) spoil[0];
			String[] row = ASSIGNMENT.split(",", -1);
			row[column] = csvValue((String) spoil[1]);
			String expected = column == 0 ? "fiscal_year_be" : assignmentColumns[column];
			cases.put("assignment " + assignmentColumns[column] + " = " + describe(spoil[1]),
					() -> rejectedRow("/api/catalogue/assignments", ASSIGNMENTS + String.join(",", row) + "\n",
							expected));
		}
		cases.put("a quote that never closes", () -> refusedCall(ADMIN, "POST", "/api/catalogue/projects", "text/csv",
				(PROJECTS + "\"801-112-P9998-2026-02,2569,42,x,B1,,,,\n").getBytes(StandardCharsets.UTF_8), 400, null));
		cases.put("a JSON body instead of CSV", () -> refusedCall(ADMIN, "POST", "/api/catalogue/projects",
				"application/json", "{\"budget_code\":\"x\"}".getBytes(StandardCharsets.UTF_8), 415, null));
		return cases;
	}

	private static String csvValue(String value) {
		return value.contains(",") || value.contains("\"") || value.contains("'")
				? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

	private void rejectedRow(String path, String csv, String column) {
		Map<String, Long> before = counts();
		Answer answer = rest.send(ADMIN, "POST", path, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		submissions++;
		assertThat(answer.status()).as(abbreviate(answer.body())).isEqualTo(200);
		Map<?, ?> body = (Map<?, ?>) answer.json();
		assertThat(body.get("imported")).isEqualTo(0);
		List<?> rejected = (List<?>) body.get("rejected");
		assertThat(rejected).isNotEmpty();
		assertThat(rejected.toString()).as(abbreviate(answer.body())).contains(column).containsPattern(THAI);
		assertThat(String.valueOf(body.get("message"))).containsPattern(THAI);
		refusedInThai++;
		noPartialWrite(before);
	}

	/** The KPI round reopening and the budget overview, given what they cannot use. */
	private Map<String, org.junit.jupiter.api.function.Executable> apiCases() {
		Map<String, org.junit.jupiter.api.function.Executable> cases = new LinkedHashMap<>();
		for (String round : List.of("'; drop table raingan.kpi_round; --", "<script>alert(1)</script>", "${1+1}",
				"2569-2/42")) {
			cases.put("KPI reopen round = " + round,
					() -> refusedCall(MANAGER42, "POST",
							"/api/kpi/rounds/reopen?round=" + enc(round) + "&reason=" + enc("ข้อมูลผิด"),
							"application/json", new byte[0], 403, null));
		}
		cases.put("KPI reopen without round", () -> refusedCall(MANAGER42, "POST", "/api/kpi/rounds/reopen?reason=x",
				"application/json", new byte[0], 400, "round"));
		cases.put("budget fiscalYear = abc", () -> refusedCall(STR4201, "GET", "/api/budget?fiscalYear=abc",
				"application/json", new byte[0], 400, "fiscalYear"));
		cases.put("budget fiscalYear = ' or 1=1",
				() -> refusedCall(STR4201, "GET", "/api/budget?fiscalYear=" + enc("2569' or 1=1 --"),
						"application/json", new byte[0], 400, "fiscalYear"));
		cases.put("budget without fiscalYear",
				() -> refusedCall(STR4201, "GET", "/api/budget", "application/json", new byte[0], 400, "fiscalYear"));
		cases.put("budget export office = <script>",
				() -> refusedCall(STR4201, "GET",
						"/api/budget/export.csv?fiscalYear=2569&office=" + enc("<script>alert(1)</script>"),
						"application/json", new byte[0], 403, null));
		cases.put("evaluation plan fiscalYear = ๒๕๖๗x",
				() -> refusedCall(ADMIN, "POST",
						"/api/catalogue/evaluation-plan?province=57&fiscalYear=" + enc("๒๕๖๗x"), "text/csv",
						"no,activity_th\n1,x\n".getBytes(StandardCharsets.UTF_8), 400, "fiscalYear"));
		return cases;
	}

	private void refusedCall(Login user, String method, String path, String type, byte[] body, int status,
			String field) {
		Map<String, Long> before = counts();
		Answer answer = rest.send(user, method, path, type, body);
		submissions++;
		assertThat(answer.status()).as(abbreviate(answer.body())).isEqualTo(status);
		String message = String.valueOf(((Map<?, ?>) answer.json()).get("message"));
		assertThat(message).containsPattern(THAI);
		if (field != null) {
			assertThat(message).contains(field);
		}
		refusedInThai++;
		noPartialWrite(before);
	}

	/** Files the report cannot carry, uploaded to 4201's own draft. */
	private Map<String, org.junit.jupiter.api.function.Executable> attachmentCases() {
		Map<String, org.junit.jupiter.api.function.Executable> cases = new LinkedHashMap<>();
		byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8);
		byte[] shell = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);
		byte[] elf = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
		byte[] javaClass = { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61 };
		byte[] bigText = "ข้อมูล,".repeat(200_000).getBytes(StandardCharsets.UTF_8);
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("photo.jpg", Photos.windowsProgram());
		files.put("report.pdf", Photos.windowsProgram());
		files.put("report.pdf ", html);
		files.put("photo.png", svg);
		files.put("plan.doc", shell);
		files.put("table.xlsx", elf);
		files.put("photo2.jpg", javaClass);
		files.put("empty.pdf", new byte[0]);
		files.put("big.pdf", Photos.pdf(3 * 1024 * 1024));
		files.put("big.csv", bigText);
		files.put("<script>alert(1)</script>.exe", Photos.windowsProgram());
		files.forEach((name, content) -> cases.put(name + " (" + content.length + " bytes)", () -> {
			Map<String, Long> before = counts();
			var answer = str4201
				.post(ATTACHMENTS + "/tasks/" + taskOf(draftInstance) + "/attachments?name=" + enc(name), content);
			submissions++;
			assertThat(answer.statusCode()).as(WebappSession.text(answer)).isEqualTo(400);
			String message = String.valueOf(RestCalls.JSON.readValue(answer.body(), Map.class).get("message"));
			assertThat(message).containsPattern(THAI).contains(name.strip().replaceAll("[\\\\/:*?\"<>|]", "_"));
			refusedInThai++;
			noPartialWrite(before);
		}));
		return cases;
	}

	private void noPartialWrite(Map<String, Long> before) {
		if (!counts().equals(before)) {
			partialWrites++;
		}
		assertThat(counts()).as("something was written").isEqualTo(before);
	}

	private void validSubmissionsStillGoThrough() throws Exception {
		System.out.println("[bad-input] " + submissions + " malformed submissions, " + refusedInThai
				+ " refused with a Thai message, " + partialWrites + " partial writes");
		assertThat(submissions).isGreaterThanOrEqualTo(100);
		assertThat(refusedInThai).isEqualTo(submissions);
		assertThat(partialWrites).isZero();

		String draftTask = taskOf(draftInstance);
		var photo = str4201.post(ATTACHMENTS + "/tasks/" + draftTask + "/attachments?name=photo.png",
				Photos.smallPng());
		assertThat(photo.statusCode()).isEqualTo(200);
		Long versions = jdbc.queryForObject("select count(*) from raingan.report_version", Long.class);
		Answer draft = rest.call(STR4201, "POST", "/engine-rest/task/" + draftTask + "/complete",
				AccessMatrixTest.variables(validDraft()));
		assertThat(draft.status()).as(draft.body()).isEqualTo(204);
		assertThat(jdbc.queryForObject("select count(*) from raingan.report_version", Long.class))
			.isEqualTo(versions + 1);
		assertThat(tasks.createTaskQuery().processInstanceId(draftInstance).singleResult().getTaskDefinitionKey())
			.isEqualTo(TASK_PROVINCE_REVIEW);

		Map<String, Object> approve = Map.of(REVIEW_DECISION, DECISION_APPROVE);
		Answer review = rest.call(REVIEW42, "POST", "/engine-rest/task/" + taskOf(reviewInstance) + "/complete",
				AccessMatrixTest.variables(approve));
		assertThat(review.status()).as(review.body()).isEqualTo(204);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(reviewInstance).count()).isZero();

		Answer plan = rest.call(STR4201, "POST", "/engine-rest/task/" + taskOf(planInstance) + "/complete",
				AccessMatrixTest.variables(validPlan()));
		assertThat(plan.status()).as(plan.body()).isEqualTo(204);
		String key = runtime.createProcessInstanceQuery()
			.processInstanceId(planInstance)
			.singleResult()
			.getBusinessKey();
		assertThat(jdbc.queryForObject("select values_json from raingan.kpi_plan where business_key = ?", String.class,
				key))
			.contains("\"planQ1\":\"30\"");
	}

	// ---- issue 30: bounds, and no 500 with internals (kept apart to ease merging)

	/** A draft of 4201 of its own, for the cases that change it. */
	private String ownDraft() {
		var assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();
		String instance = runtime
			.startProcessInstanceByKey(KEY, "bad-input-" + UUID.randomUUID(), ReportDrafts.inputsFor4201(assignment))
			.getId();
		return taskOf(instance);
	}

	/** What no answer may show: the server's internals. */
	private static void noInternals(String body) {
		assertThat(body).doesNotContainIgnoringCase("exception")
			.doesNotContainIgnoringCase("select ")
			.doesNotContainIgnoringCase("insert into")
			.doesNotContainIgnoringCase("constraint")
			.doesNotContain("raingan.")
			.doesNotContain("ENGINE-");
	}

	/**
	 * The draft cases on a draft of their own (the batch's draft is submitted at its end,
	 * and the test methods run in any order).
	 */
	private void onOwnDraft(Runnable cases) {
		String kept = draftInstance;
		draftInstance = tasks.createTaskQuery().taskId(ownDraft()).singleResult().getProcessInstanceId();
		try {
			cases.run();
		}
		finally {
			draftInstance = kept;
		}
	}

	@org.junit.jupiter.api.Test
	void notANumberAndInfinityAreRefusedInThaiAtTheirField() {
		onOwnDraft(this::notANumberCases);
	}

	private void notANumberCases() {
		engine(new EngineCase(Door.DRAFT, "target NaN", v -> v.put(TARGET_VALUE, typed("Double", "NaN")), "เป้าหมาย"));
		engine(new EngineCase(Door.DRAFT, "spent Infinity", v -> v.put(SPENT_BAHT, typed("Double", "Infinity")),
				"ผลการใช้จ่ายงบประมาณ (บาท)"));
		engine(new EngineCase(Door.DRAFT, "progress -Infinity",
				v -> v.put(PROGRESS_PERCENT, typed("Double", "-Infinity")), "ความก้าวหน้า (ร้อยละ)"));
		// 1e999 is JSON, read as an infinite double
		engine(new EngineCase(Door.DRAFT, "area expense 1e999",
				v -> v.put(AREAS, json("[{\"place\":\"ตำบลกุดป่อง\",\"targetGroup\":\"ผู้นำ\",\"people\":\"20\","
						+ "\"outcome\":\"มีแผน\",\"expense\":1e999}]")),
				"พื้นที่ที่ 1 ค่าใช้จ่าย (บาท)"));
		engine(new EngineCase(Door.DRAFT, "area people NaN",
				v -> v.put(AREAS, json("[{\"place\":\"ตำบลกุดป่อง\",\"targetGroup\":\"ผู้นำ\",\"people\":1e400,"
						+ "\"outcome\":\"มีแผน\",\"expense\":\"1000\"}]")),
				"พื้นที่ที่ 1 จำนวน (คน)"));
	}

	@org.junit.jupiter.api.Test
	void tooManyAreaRowsAreRefusedAtTheField() {
		onOwnDraft(this::tooManyAreaRows);
	}

	private void tooManyAreaRows() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i <= th.raingan.report.ReportValidator.MAX_AREAS; i++) {
			rows.add(ReportDrafts.area("ตำบลกุดป่อง หมู่ " + i, "ผู้นำชุมชน", "1", "มีแผน", "1"));
		}
		engine(new EngineCase(Door.DRAFT, "101 area rows", v -> {
			try {
				v.put(AREAS, json(RestCalls.JSON.writeValueAsString(rows)));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, "ข้อมูลเชิงพื้นที่"));
	}

	@org.junit.jupiter.api.Test
	void aDraftHoldsNoMoreThanItsSubmissionTakes() throws Exception {
		String task = ownDraft();
		tasks.setAssignee(task, STR4201.user());
		String drafts = "/camunda/api/tasklist/plugin/raingan-forms/default/tasks/" + task + "/draft";
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i <= th.raingan.report.ReportValidator.MAX_AREAS; i++) {
			rows.add(ReportDrafts.area("ตำบล " + i, "ผู้นำ", "1", "มีแผน", "1"));
		}
		Map<String, Object> tooMany = Map.of("values", Map.of(AREAS, rows));
		Map<String, Object> tooLong = Map.of("values", Map.of(OUTPUT, "ก".repeat(4001)));
		Map<String, Object> longInARow = Map.of("values",
				Map.of(AREAS, List.of(ReportDrafts.area("ต".repeat(4001), "ผู้นำ", "1", "มีแผน", "1"))));
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put(RestCalls.JSON.writeValueAsString(tooMany),
				"ข้อมูลเชิงพื้นที่ (พื้นที่ดำเนินการ)\": มีได้ไม่เกิน 100 แถว (ส่งมา 101 แถว)");
		expected.put(RestCalls.JSON.writeValueAsString(tooLong), "ผลผลิต");
		expected.put(RestCalls.JSON.writeValueAsString(longInARow),
				"ข้อมูลเชิงพื้นที่ (พื้นที่ดำเนินการ)\": ยาวเกิน 4000 ตัวอักษร");
		String instance = tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
		for (Map.Entry<String, String> c : expected.entrySet()) {
			var answer = str4201.send("PUT", drafts, "application/json", c.getKey().getBytes(StandardCharsets.UTF_8));
			String body = WebappSession.text(answer);
			assertThat(answer.statusCode()).as(body).isEqualTo(400);
			assertThat(String.valueOf(RestCalls.JSON.readValue(body, Map.class).get("message"))).contains(c.getValue())
				.contains("ร่างไม่ได้บันทึก");
			assertThat(runtime.getVariable(instance, AREAS)).isNull();
			assertThat(runtime.getVariable(instance, OUTPUT)).isNull();
		}
		var fine = str4201.send("PUT", drafts, "application/json",
				RestCalls.JSON.writeValueAsBytes(Map.of("values", Map.of(OUTPUT, "ก".repeat(4000)))));
		assertThat(fine.statusCode()).as(WebappSession.text(fine)).isEqualTo(200);
	}

	@org.junit.jupiter.api.Test
	void simultaneousSubmitsOfOneDraftSubmitItOnceAndAnswerTheOthersInThai() throws Exception {
		String task = ownDraft();
		String instance = tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
		Long versions = jdbc.queryForObject("select count(*) from raingan.report_version", Long.class);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<Answer>> calls = new ArrayList<>();
			var start = new java.util.concurrent.CountDownLatch(1);
			for (int i = 0; i < 4; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return rest.call(STR4201, "POST", "/engine-rest/task/" + task + "/complete",
							AccessMatrixTest.variables(validDraft()));
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (var call : calls) {
				Answer answer = call.get(60, java.util.concurrent.TimeUnit.SECONDS);
				statuses.add(answer.status());
				if (answer.status() != 204) {
					assertThat(answer.status()).as(answer.body()).isEqualTo(409);
					assertThat(String.valueOf(((Map<?, ?>) answer.json()).get("message"))).containsPattern(THAI);
					noInternals(answer.body());
				}
			}
			System.out.println("[bad-input] 4 simultaneous submits of one draft: " + statuses);
			assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.queryForObject("select count(*) from raingan.report_version", Long.class))
			.as("one version submitted")
			.isEqualTo(versions + 1);
		assertThat(tasks.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
			.isEqualTo(TASK_PROVINCE_REVIEW);
	}

	@org.junit.jupiter.api.Test
	void escalatingATaskIsNeverA500() throws Exception {
		String task = ownDraft();
		for (String call : List.of("bpmnEscalation")) {
			Answer answer = rest.call(STR4201, "POST", "/engine-rest/task/" + task + "/" + call,
					Map.of("escalationCode", "x", "errorCode", "x"));
			assertThat(answer.status()).as(call + ": " + answer.body()).isBetween(400, 499);
			assertThat(String.valueOf(((Map<?, ?>) answer.json()).get("message"))).containsPattern(THAI);
			noInternals(answer.body());
			var webapp = str4201.send("POST", "/camunda/api/engine/engine/default/task/" + task + "/" + call,
					"application/json",
					"{\"escalationCode\":\"x\",\"errorCode\":\"x\"}".getBytes(StandardCharsets.UTF_8));
			assertThat(webapp.statusCode()).as(call + ": " + WebappSession.text(webapp)).isBetween(400, 499);
			noInternals(WebappSession.text(webapp));
		}
		assertThat(tasks.createTaskQuery().taskId(task).count()).as("the draft is still open").isEqualTo(1);
	}

	@org.junit.jupiter.api.Test
	void aReviewDeskBatchOverWhatItsPageShowsIsRefusedInThai() throws Exception {
		WebappSession reviewer = WebappSession.login(port, REVIEW42.user(), REVIEW42.password());
		List<Map<String, Object>> reports = new ArrayList<>();
		for (int i = 0; i < 201; i++) {
			reports.add(Map.of("businessKey", "no-such-report-" + i, "versionId", i));
		}
		Map<String, Long> before = counts();
		var answer = reviewer.send("POST", "/camunda/api/tasklist/plugin/raingan-review-desk/default/approve",
				"application/json", RestCalls.JSON.writeValueAsBytes(Map.of("reports", reports)));
		assertThat(answer.statusCode()).as(WebappSession.text(answer)).isEqualTo(400);
		assertThat(WebappSession.text(answer)).contains("อนุมัติได้ครั้งละไม่เกิน 200 รายการ (เลือกมา 201 รายการ)");
		assertThat(counts()).isEqualTo(before);
	}

	// ---- passwords and sign-in throttling (issue 30)
	// ----------------------------------------------------------

	@Autowired
	th.raingan.org.Passwords passwords;

	@org.springframework.beans.factory.annotation.Value("${raingan.sign-in.failures}")
	int signInFailures;

	/** An account of this test's own, whose password the test changes. */
	private String ownAccount(String id, String password) {
		if (identity.createUserQuery().userId(id).count() == 0) {
			org.camunda.bpm.engine.identity.User user = identity.newUser(id);
			user.setFirstName("ทดสอบรหัส");
			user.setLastName("Somchai");
			user.setEmail(id + "@raingan.invalid");
			user.setPassword(password);
			identity.saveUser(user);
		}
		return id;
	}

	/**
	 * A weak password is refused in Thai at every door that sets one, each broken rule
	 * named, nothing changed: the user's own change through /engine-rest and through the
	 * webapps' API (Welcome's and Admin's "change password"), Admin creating a user. A
	 * password that passes is taken.
	 */
	@org.junit.jupiter.api.Test
	void weakPasswordsAreRefusedInThaiAtEveryDoor() throws Exception {
		String id = ownAccount("pwself" + (System.nanoTime() % 100000), "Start-2569!pw");
		Login own = new Login(id, "Start-2569!pw");
		Answer weak = rest.call(own, "PUT", "/engine-rest/user/" + id + "/credentials",
				Map.of("password", "a", "authenticatedUserPassword", "Start-2569!pw"));
		assertThat(weak.status()).as(weak.body()).isEqualTo(400);
		assertThat(weak.body())
			.contains("รหัสผ่าน: ต้องยาวอย่างน้อย 10 ตัวอักษร",
					"รหัสผ่าน: ต้องมีอักษรอังกฤษตัวพิมพ์ใหญ่ (A-Z) อย่างน้อย 1 ตัว",
					"รหัสผ่าน: ต้องมีตัวเลข (0-9) อย่างน้อย 1 ตัว", "รหัสผ่าน: ต้องมีอักขระพิเศษ")
			.doesNotContain("Password does not match policy", "ProcessEngineException");
		assertThat(identity.checkPassword(id, "Start-2569!pw")).as("unchanged").isTrue();

		// the user's own names in it: known to the engine only after the sign-in
		Answer ownName = rest.call(own, "PUT", "/engine-rest/user/" + id + "/credentials",
				Map.of("password", "Xx-2569-Somchai", "authenticatedUserPassword", "Start-2569!pw"));
		assertThat(ownName.status()).as(ownName.body()).isEqualTo(400);
		assertThat(ownName.body()).contains(th.raingan.org.Passwords.userDataRule());
		// a stranger asking about that user learns nothing of the policy or the names
		Answer stranger = rest.call(STR4201, "PUT", "/engine-rest/user/" + id + "/credentials",
				Map.of("password", "Xx-2569-Somchai", "authenticatedUserPassword", "test4201"));
		assertThat(stranger.status()).as(stranger.body()).isIn(403, 404);
		assertThat(stranger.body()).doesNotContain("ต้องยาวอย่างน้อย", "ต้องมี", "ทดสอบรหัส", "Somchai");

		// the webapps' API, as Welcome's and Admin's "change password" call it
		WebappSession session = WebappSession.login(port, "welcome", id, "Start-2569!pw");
		var webapp = session.put("/camunda/api/engine/engine/default/user/" + id + "/credentials", RestCalls.JSON
			.writeValueAsString(Map.of("password", "password", "authenticatedUserPassword", "Start-2569!pw")));
		assertThat(webapp.statusCode()).as(WebappSession.text(webapp)).isEqualTo(400);
		assertThat(WebappSession.text(webapp)).contains("ตั้งรหัสผ่านไม่ได้", "รหัสผ่าน: ต้องยาวอย่างน้อย 10 ตัวอักษร");
		assertThat(identity.checkPassword(id, "Start-2569!pw")).isTrue();

		Answer strong = rest.call(own, "PUT", "/engine-rest/user/" + id + "/credentials",
				Map.of("password", "Ubon-2569!dee", "authenticatedUserPassword", "Start-2569!pw"));
		assertThat(strong.status()).as(strong.body()).isEqualTo(204);
		assertThat(identity.checkPassword(id, "Ubon-2569!dee")).isTrue();

		// Admin creating a user
		String newId = "pwnew" + (System.nanoTime() % 100000);
		Answer created = rest.call(ADMIN, "POST", "/engine-rest/user/create",
				Map.of("profile", Map.of("id", newId, "firstName", "มานี", "lastName", "Manee", "email", "m@cdd.go.th"),
						"credentials", Map.of("password", "manee12345")));
		assertThat(created.status()).as(created.body()).isEqualTo(400);
		assertThat(created.body()).contains("รหัสผ่าน: ต้องมีอักษรอังกฤษตัวพิมพ์ใหญ่ (A-Z)",
				"รหัสผ่าน: " + th.raingan.org.Passwords.userDataRule());
		assertThat(identity.createUserQuery().userId(newId).count()).as("nothing written").isZero();
		assertThat(passwords.problems("Raingan-2569!", null)).isEmpty();
	}

	/**
	 * A stranger's wrong passwords for a known user, from their own address, do not keep
	 * the owner out (the engine's per-user lock is off); the stranger's address is
	 * refused (429, Thai) once it has failed {@code raingan.sign-in.failures} times, even
	 * with a right password; HTTP Basic on /engine-rest and the webapps' login page
	 * alike.
	 */
	@org.junit.jupiter.api.Test
	void aStrangersWrongPasswordsDoNotKeepTheOwnerOut() throws Exception {
		String id = ownAccount("pwowner" + (System.nanoTime() % 100000), "Owner-2569!pw");
		String stranger = "203.0.113." + (1 + (int) (System.nanoTime() % 200));
		String owner = "198.51.100.7";
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> basic = (from, password) -> {
			try {
				return http.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create("http://localhost:" + port + "/engine-rest/task/count"))
					.header("X-Forwarded-For", from)
					.header("Authorization",
							"Basic " + java.util.Base64.getEncoder()
								.encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8)))
					.GET()
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
		for (int i = 0; i < signInFailures; i++) {
			assertThat(basic.apply(stranger, "guess" + i).statusCode()).isEqualTo(401);
			if (i == 9) {
				assertThat(basic.apply(owner, "Owner-2569!pw").statusCode())
					.as("the owner, after a stranger's 10 wrong passwords")
					.isNotIn(401, 429);
			}
		}
		var refused = basic.apply(stranger, "Owner-2569!pw");
		assertThat(refused.statusCode()).as("the stranger's address, even with the right password").isEqualTo(429);
		assertThat(refused.body()).contains("ลงชื่อเข้าใช้ผิดเกิน", "กรุณารอ");
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(basic.apply(owner, "Owner-2569!pw").statusCode()).isNotIn(401, 429);

		// the webapps' login page: the stranger's address is refused there too; the owner
		// signs in
		WebappSession page = new WebappSession(port);
		assertThat(page.signInFrom(stranger, "welcome", id, "Owner-2569!pw").statusCode()).isEqualTo(429);
		assertThat(page.signInFrom(owner, "welcome", id, "Owner-2569!pw").statusCode()).isEqualTo(200);
		String other = "192.0.2." + (1 + (int) (System.nanoTime() % 200));
		for (int i = 0; i < signInFailures; i++) {
			assertThat(new WebappSession(port).signInFrom(other, "welcome", id, "nope" + i).statusCode())
				.isEqualTo(401);
		}
		assertThat(new WebappSession(port).signInFrom(other, "welcome", id, "Owner-2569!pw").statusCode())
			.isEqualTo(429);
		assertThat(identity.checkPassword(id, "Owner-2569!pw")).isTrue();
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String abbreviate(String text) {
		return text.length() > 400 ? text.substring(0, 400) + "..." : text;
	}

}
