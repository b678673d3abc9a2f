package th.raingan.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.raingan.kpi.KpiRoundCloseProcess.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.Users;
import th.raingan.org.Accounts;
import th.raingan.org.Profiles;
import th.raingan.project.ProjectCatalog;
import th.raingan.project.ProjectImport;
import th.raingan.report.ReportRefused;

/**
 * Buriram closes round 1/2565 with its own letter's template (team T1-T6, individual
 * I1-I9) for Mueang Buriram (3101), whose people have their own accounts: head3101
 * (พัฒนาการอำเภอ), cdo3101a and cdo3101b (พัฒนากร).
 * <p>
 * By hand, the team part: one activity, target 10, result 10, 9,000 of 10,000 baht spent,
 * the report sent. T1 disbursement 90 % and advances cleared 90 % -> 5; T2 achievement
 * 100 % (> 95) -> 5; T3 steps 1-3 -> 3; T4.1 50 points (45-66) -> 3; T4.2 overdue loans,
 * 22 % repaid (>= 20, < 25) -> 3; T5 reporting 100 % -> 5; T6 staff 3 (counted from the
 * accounts: not more than 4), 5 news items a month (>= 4, < 6) -> 2. (20x5 + 20x5 + 15x3
 * + 20x3 + 15x3 + 5x5 + 5x2) / 100 = 385 / 100 = 3.85 of 5, 77.00 %.
 * <p>
 * The individual part: the head assigns I1 (weight 10) and I3 (5) to cdo3101a, I2 (5) and
 * I8.1 (10) to cdo3101b. cdo3101a: I1 70 % (>= 70, < 85) -> 4; I3 recorded 85 % (>= 85)
 * and GVH 95 % (>= 95) -> 4; (10x4 + 5x4) / 15 = 60 / 15 = 4.00, 80.00 %. cdo3101b,
 * returned once (I8.1 first 55 points -> 3), then I2 steps 1-2 -> 2 and I8.1 65 points
 * (61-80) -> 4; (5x2 + 10x4) / 15 = 50 / 15 = 3.33, 66.60 %.
 */
@ApplicationTest
class KpiIndividualRoundProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectImport importer;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	Profiles profiles;

	@Autowired
	KpiAgreements agreements;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KpiRoundSetup setup;

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	private void person(String id, String first, String position) {
		if (identity.createUserQuery().userId(id).count() == 0) {
			User user = identity.newUser(id);
			user.setFirstName(first);
			user.setLastName("ทดสอบ");
			user.setPassword(id);
			user.setEmail(id + "@raingan.invalid");
			th.raingan.engine.PolicyExempt.saveDemoUser(identity, user); // a demo-like
																			// account,
																			// the
																			// password
																			// its id
			identity.createMembership(id, "district-3101");
		}
		profiles.ensure(id, new Profiles.Details(position, "สพอ.เมืองบุรีรัมย์", "0 4461 1111"));
	}

	private Task task(ProcessInstance round, String user, String key) {
		Users.signIn(identity, user);
		try {
			return tasks.createTaskQuery()
				.processInstanceId(round.getId())
				.taskDefinitionKey(key)
				.list()
				.stream()
				.filter(t -> t.getAssignee() == null || t.getAssignee().equals(user) || key.equals(TASK_VERIFY_KPIS))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no task " + key + " for " + user));
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * The head's form as Tasklist submits it: the server's rows in order, each with only
	 * its keyed fields, the chosen person and target filled in by indicator.
	 */
	private List<Map<String, Object>> assignmentRows(Task assign, Map<String, String[]> chosen) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> listed : th.raingan.report.JsonRows.of(tasks.getVariable(assign.getId(), ASSIGNMENTS),
				"rows", "rows")) {
			String[] choice = chosen.get(String.valueOf(listed.get("indicatorId")));
			Map<String, Object> row = new java.util.LinkedHashMap<>();
			row.put("name", listed.get("name"));
			row.put("responsibleUnit", listed.get("responsibleUnit"));
			row.put("personId", choice == null ? "" : choice[0]);
			row.put("target", choice == null ? "" : choice[1]);
			rows.add(row);
		}
		return rows;
	}

	private Task personTask(ProcessInstance round, String key, String officer) {
		return tasks.createTaskQuery()
			.processInstanceId(round.getId())
			.taskDefinitionKey(key)
			.list()
			.stream()
			.filter(t -> officer.equals(tasks.getVariable(t.getId(), OFFICER_ID)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no task " + key + " for " + officer));
	}

	private void completeAs(String user, Task task, Map<String, Object> values) {
		Users.signIn(identity, user);
		try {
			tasks.complete(task.getId(), values);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * The rows as the task's form sends them: the rows the server prepared, in their
	 * order, with the form's fields only ({@code value}, {@code doneOn},
	 * {@code evidence}; {@code personId}, {@code target}), taken from the given rows of
	 * the same indicator and input; a completion cannot name an indicator (the form guard
	 * refuses a row's key the form does not have).
	 */
	private Map<String, Object> asTheForm(Task task, String list, List<Map<String, Object>> rows) {
		List<Map<String, Object>> prepared = th.raingan.report.JsonRows.of(tasks.getVariable(task.getId(), list), list,
				list);
		List<Map<String, Object>> sent = new ArrayList<>();
		for (int i = 0; i < prepared.size(); i++) {
			Map<String, Object> ready = prepared.get(i);
			// a returned task shows the rows as they were sent (unnamed): the same order
			Map<String, Object> given = ready.get("indicatorId") == null ? (i < rows.size() ? rows.get(i) : Map.of())
					: rows.stream()
						.filter(r -> r.get("indicatorId").equals(ready.get("indicatorId"))
								&& (r.get("inputId") == null || r.get("inputId").equals(ready.get("inputId"))))
						.findFirst()
						.orElse(Map.of());
			Map<String, Object> row = new HashMap<>();
			for (String field : List.of("value", "doneOn", "evidence", "personId", "target")) {
				Object value = given.containsKey(field) ? given.get(field) : ready.get(field);
				if (ready.containsKey(field) || given.containsKey(field)) {
					row.put(field, value == null ? "" : value);
				}
			}
			sent.add(row);
		}
		return Map.of(list, sent);
	}

	private static Map<String, Object> row(String indicator, String input, String value, String doneOn,
			String evidence) {
		Map<String, Object> row = new HashMap<>();
		row.put("indicatorId", indicator);
		row.put("inputId", input);
		row.put("value", value);
		row.put("doneOn", doneOn);
		row.put("evidence", evidence);
		return row;
	}

	private static List<Map<String, Object>> teamEntries(String staff) {
		List<Map<String, Object>> rows = new ArrayList<>();
		rows.add(row("T1", "advances", "90", "", "ทะเบียนคุมเงินยืม ณ 31 มี.ค. 2565"));
		rows.add(row("T3", "step1", "1", "15/11/2564", "คำสั่งอำเภอที่ 12/2564"));
		rows.add(row("T3", "step2", "1", "10/12/2564", "แบบประเมินตนเอง.pdf"));
		rows.add(row("T3", "step3", "1", "20/01/2565", "แผนเสริมสร้างความโปร่งใส.pdf"));
		rows.add(row("T3", "step4", "", "", ""));
		rows.add(row("T3", "step5", "", "", ""));
		rows.add(row("T4.1", "value", "50", "", "ผลประเมินจากจังหวัด 50 คะแนน"));
		rows.add(row("T4.2", "overdue", "1", "", ""));
		rows.add(row("T4.2", "repaid", "22", "", "ทะเบียนลูกหนี้ กข.คจ."));
		rows.add(row("T4.2", "funds_driven", "", "", ""));
		rows.add(row("T4.2", "plan_approved", "", "", ""));
		rows.add(row("T4.2", "plan_used", "", "", ""));
		rows.add(row("T4.2", "plan_reported", "", "", ""));
		rows.add(row("T4.2", "debt_report", "", "", ""));
		rows.add(row("T6", "news", "5", "", "ข่าวในเพจอำเภอ ต.ค. 64 - มี.ค. 65"));
		rows.add(row("T6", "staff", staff, "", ""));
		return rows;
	}

	@Test
	void aBuriramRoundWithAgreementsTwoOfficersTheHeadAndTheProvince() throws Exception {
		person("head3101", "สมศักดิ์", Accounts.HEAD_POSITION);
		person("cdo3101a", "มาลี", Accounts.OFFICER_POSITION);
		person("cdo3101b", "ประยุทธ", Accounts.OFFICER_POSITION);
		setup.projects("""
				801-112-S0565-2022-31,2565,31,กิจกรรมทดสอบตัวชี้วัดบุรีรัมย์,B1
				""", """
				2565,31,801-112-S0565-2022-31,3101,10,10000
				""");
		setup.approvedReport(2565, "31", "3101", "801-112-S0565-2022-31", "10", "9,000");
		BpmnAwareTests.init(engine);

		Users.signIn(identity, "manager31");
		String definition = setup.startDefinition();
		assertThatThrownBy(() -> forms.submitStartForm(definition,
				Map.of(FISCAL_YEAR, "2565", ROUND_NO, "1", TEMPLATE_ID, "loei-2569-round1")))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("เป็นของปีงบประมาณ 2569 ใช้กับรอบปี 2565 ไม่ได้")
			.hasMessageContaining("เป็นของจังหวัดอื่น");
		identity.clearAuthentication();
		ProcessInstance round = setup.startRound("manager31", 2565, "buriram-2565-round1");
		assertThat(round).hasBusinessKey("kpi/2565-1/31");
		assertThat(round).isWaitingAt(TASK_ENTER_KPIS, TASK_ASSIGN_INDICATORS);

		// the team part: the staff count comes from the person accounts; 0 and 101 are
		// refused
		Task enter = task(round, "str3101", TASK_ENTER_KPIS);
		assertThat(tasks.getVariable(enter.getId(), ENTRIES).toString()).contains("\"inputId\":\"staff\"")
			.contains("\"value\":\"3\"");
		assertThatThrownBy(() -> completeAs("str3101", enter, asTheForm(enter, ENTRIES, teamEntries("0"))))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("ตัวชี้วัด T6 จำนวนบุคลากรของอำเภอ: ต้องเป็นจำนวนคนเต็ม 1 ถึง 100");
		assertThatThrownBy(() -> completeAs("str3101", enter, asTheForm(enter, ENTRIES, teamEntries("101"))))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("ต้องเป็นจำนวนคนเต็ม 1 ถึง 100 (ได้รับ 101)");
		List<Map<String, Object>> outOfOrder = teamEntries("3");
		outOfOrder.set(4, row("T3", "step4", "1", "01/03/2565", ""));
		outOfOrder.set(2, row("T3", "step2", "", "", ""));
		assertThatThrownBy(() -> completeAs("str3101", enter, asTheForm(enter, ENTRIES, outOfOrder)))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("ตัวชี้วัด T3 ขั้นที่ 4")
			.hasMessageContaining("ทำขั้นก่อนหน้าให้เสร็จก่อน")
			.hasMessageContaining("หลักฐาน: ต้องระบุหลักฐานของขั้นนี้");
		completeAs("str3101", enter, asTheForm(enter, ENTRIES, teamEntries("3")));
		completeAs("review31", task(round, "review31", TASK_VERIFY_KPIS), Map.of(VERIFY_DECISION, "verify"));

		// the head cascades the individual indicators to the officers
		Task assign = task(round, "head3101", TASK_ASSIGN_INDICATORS);
		assertThat(assign.getAssignee()).isEqualTo("head3101");
		assertThat(tasks.getVariable(assign.getId(), OFFICERS_TEXT).toString()).contains("cdo3101a = มาลี ทดสอบ");
		// the form's rows as Tasklist sends them: every row the server listed, in its
		// order, with only the keyed fields (name and responsible unit read-only)
		Map<String, String[]> chosen = new java.util.LinkedHashMap<>();
		chosen.put("I1", new String[] { "cdo3101a", "ร้อยละ 85 ของครัวเรือนเป้าหมาย" });
		chosen.put("I3", new String[] { "cdo3101a", "ระดับ 5" });
		chosen.put("I2", new String[] { "cdo3101b", "จัดตั้งศูนย์ครบทุกตำบล" });
		chosen.put("I8.1", new String[] { "str3101", "81 คะแนน" });
		assertThatThrownBy(() -> completeAs("head3101", assign, Map.of(ASSIGNMENTS, assignmentRows(assign, chosen))))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("ตัวชี้วัด I8.1 ผู้รับผิดชอบ: \"str3101\" ไม่ใช่พัฒนากรของอำเภอนี้");
		// a row more than the server listed is refused; nothing is kept
		List<Map<String, Object>> more = assignmentRows(assign, chosen);
		more.add(Map.of("personId", "cdo3101a", "target", "เพิ่มเอง"));
		assertThatThrownBy(() -> completeAs("head3101", assign, Map.of(ASSIGNMENTS, more)))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("การมอบหมายตัวชี้วัด: ส่งมา");
		chosen.put("I8.1", new String[] { "cdo3101b", "81 คะแนน" });
		completeAs("head3101", assign, Map.of(ASSIGNMENTS, assignmentRows(assign, chosen)));
		assertThat(round).hasPassed(TASK_RECORD_AGREEMENTS);

		// both confirm each agreement; nobody confirms for another
		Task confirmA = personTask(round, TASK_OFFICER_CONFIRMS, "cdo3101a");
		assertThat(confirmA.getAssignee()).isEqualTo("cdo3101a");
		assertThat(tasks.getVariable(confirmA.getId(), AGREEMENT_TEXT).toString())
			.contains("ระหว่าง สมศักดิ์ ทดสอบ (พัฒนาการอำเภอ) กับ มาลี ทดสอบ (พัฒนากร)")
			.contains("I1 ร้อยละของครัวเรือนยากจน")
			.contains("ค่าเป้าหมาย: ร้อยละ 85 ของครัวเรือนเป้าหมาย");
		assertThatThrownBy(() -> completeAs("head3101", confirmA, Map.of(OFFICER_CONFIRM, true)))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("ต้องยืนยันโดย มาลี ทดสอบ เอง ผู้อื่นยืนยันแทนไม่ได้");
		completeAs("cdo3101a", confirmA, Map.of(OFFICER_CONFIRM, true));
		completeAs("head3101", personTask(round, TASK_HEAD_CONFIRMS, "cdo3101a"), Map.of(HEAD_CONFIRM, true));
		completeAs("cdo3101b", personTask(round, TASK_OFFICER_CONFIRMS, "cdo3101b"), Map.of(OFFICER_CONFIRM, true));
		completeAs("head3101", personTask(round, TASK_HEAD_CONFIRMS, "cdo3101b"), Map.of(HEAD_CONFIRM, true));
		assertThat(agreements.confirmations("2565-1/31", "cdo3101a")).extracting(c -> c.get("confirmed_by"))
			.containsExactly("head3101", "cdo3101a");

		// each officer enters their own indicators with evidence per step
		Task enterA = personTask(round, TASK_ENTER_INDIVIDUAL, "cdo3101a");
		assertThat(tasks.getVariable(enterA.getId(), PERSON_ENTRIES).toString()).contains("I1")
			.contains("I3")
			.doesNotContain("\"I2\"");
		List<Map<String, Object>> a = new ArrayList<>(List.of(row("I1", "value", "70", "", "ทะเบียนครัวเรือนเป้าหมาย"),
				row("I3", "recorded", "85", "", "รายงานระบบ BPM"), row("I3", "gvh", "95", "", "แบบ GVH ครั้งที่ 1")));
		List<Map<String, Object>> withUnassigned = new ArrayList<>(a);
		withUnassigned.add(row("I2", "step1", "1", "01/12/2564", "ฐานข้อมูลศูนย์"));
		// a row beyond the officer's own indicators is refused: rows are the server's
		assertThatThrownBy(() -> completeAs("cdo3101a", enterA, Map.of(PERSON_ENTRIES, withUnassigned)))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("personEntries[0].indicatorId");
		// ... past the guard, the delegate takes the server's rows by position and
		// refuses a list of another length
		assertThatThrownBy(() -> th.raingan.Users.pastTheFormGuard(engine, () -> {
			completeAs("cdo3101a", enterA, Map.of(PERSON_ENTRIES, withUnassigned));
			return null;
		})).satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("ผลตัวชี้วัดรายบุคคล: ส่งมา 4 แถว แต่รายการของระบบมี 3 แถว");
		// ... and the officer's entries are checked against the assignment all the same
		assertThatThrownBy(() -> agreements.saveEntries("2565-1/31", "buriram-2565-round1", "3101", "cdo3101a",
				"cdo3101a", withUnassigned))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("ตัวชี้วัด I2: ไม่ได้มอบหมายให้ท่านในบันทึกข้อตกลง");
		completeAs("cdo3101a", enterA, asTheForm(enterA, PERSON_ENTRIES, a));

		Task enterB = personTask(round, TASK_ENTER_INDIVIDUAL, "cdo3101b");
		List<Map<String, Object>> b = new ArrayList<>(List.of(row("I2", "step1", "1", "01/12/2564", ""),
				row("I2", "step2", "1", "15/01/2565", "แผนปฏิบัติการ.pdf"), row("I2", "step3", "", "", ""),
				row("I2", "step4", "", "", ""), row("I2", "step5", "", "", ""),
				row("I8.1", "value", "55", "", "ผลประเมินพื้นที่โคก หนอง นา")));
		assertThatThrownBy(() -> completeAs("cdo3101b", enterB, asTheForm(enterB, PERSON_ENTRIES, b)))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("ตัวชี้วัด I2 ขั้นที่ 1 มีฐานข้อมูลศูนย์จัดการกองทุนชุมชนครบถ้วนทุกกลุ่ม หลักฐาน");
		b.set(0, row("I2", "step1", "1", "01/12/2564", "ฐานข้อมูลศูนย์จัดการกองทุน.xlsx"));
		completeAs("cdo3101b", enterB, asTheForm(enterB, PERSON_ENTRIES, b));

		// the head verifies one and returns the other
		completeAs("head3101", personTask(round, TASK_HEAD_VERIFIES, "cdo3101a"), Map.of(PERSON_DECISION, "verify"));
		Task verifyB = personTask(round, TASK_HEAD_VERIFIES, "cdo3101b");
		assertThatThrownBy(() -> completeAs("cdo3101a", verifyB, Map.of(PERSON_DECISION, "verify")))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("เฉพาะพัฒนาการอำเภอของอำเภอนี้ตรวจผลตัวชี้วัดรายบุคคลได้");
		completeAs("head3101", verifyB, Map.of(PERSON_DECISION, "return", PERSON_REASON,
				"คะแนนโคก หนอง นา ต้องเป็นผลประเมินรอบล่าสุด 65 คะแนน"));
		Task again = personTask(round, TASK_ENTER_INDIVIDUAL, "cdo3101b");
		assertThat(tasks.getVariable(again.getId(), PERSON_RETURN_HISTORY).toString()).contains("65 คะแนน");
		b.set(5, row("I8.1", "value", "65", "", "ผลประเมินพื้นที่โคก หนอง นา รอบ มี.ค. 65"));
		completeAs("cdo3101b", again, asTheForm(again, PERSON_ENTRIES, b));
		completeAs("head3101", personTask(round, TASK_HEAD_VERIFIES, "cdo3101b"), Map.of(PERSON_DECISION, "verify"));

		// scores as computed by hand (class comment)
		assertThat(round).hasPassed(TASK_COMPUTE_SCORES).isWaitingAt(TASK_MANAGER_SIGN_OFF);
		// every office's and person's scores: a variable of the manager's task only
		assertThat(runtime.getVariable(round.getId(), SCORECARD_TEXT)).isNull();
		String scorecard = tasks
			.getVariableLocal(task(round, "manager31", TASK_MANAGER_SIGN_OFF).getId(), SCORECARD_TEXT)
			.toString();
		assertThat(scorecard).contains("3101: คะแนน 3.85 จาก 5 (ร้อยละ 77.00)")
			.contains("มาลี ทดสอบ (cdo3101a): คะแนน 4.00 จาก 5 (ร้อยละ 80.00)")
			.contains("ประยุทธ ทดสอบ (cdo3101b): คะแนน 3.33 จาก 5 (ร้อยละ 66.60)")
			.contains("T6 ระดับ 3: จำนวนข่าวที่รายงานต่อเดือน ต้องไม่น้อยกว่า 6 (ขาดอีก 1)");
		completeAs("manager31", task(round, "manager31", TASK_MANAGER_SIGN_OFF), Map.of(SIGN_OFF_CONFIRM, true));

		Map<String, Object> team = jdbc.queryForMap(
				"select score, percent, detail_json from raingan.kpi_snapshot where round_key = '2565-1/31' and office_code = '3101'");
		assertThat((BigDecimal) team.get("score")).isEqualByComparingTo("3.85");
		assertThat((BigDecimal) team.get("percent")).isEqualByComparingTo("77.00");
		assertThat(team.get("detail_json").toString()).contains("\"T1\":5", "\"T2\":5", "\"T3\":3", "\"T4.1\":3",
				"\"T4.2\":3", "\"T5\":5", "\"T6\":2", "\"toNextLevel\"");
		List<Map<String, Object>> persons = jdbc.queryForList(
				"select person_id, score, percent, detail_json from raingan.kpi_person_snapshot where round_key = '2565-1/31' order by person_id");
		assertThat(persons).extracting(p -> p.get("person_id")).containsExactly("cdo3101a", "cdo3101b");
		assertThat((BigDecimal) persons.get(0).get("score")).isEqualByComparingTo("4.00");
		assertThat((BigDecimal) persons.get(1).get("score")).isEqualByComparingTo("3.33");
		assertThat((BigDecimal) persons.get(1).get("percent")).isEqualByComparingTo("66.60");
		assertThat(persons.get(1).get("detail_json").toString()).contains("\"I2\":2", "\"I8.1\":4", "\"confirmations\"",
				"ฐานข้อมูลศูนย์จัดการกองทุน.xlsx");

		// nothing is entered after the sign-off
		assertThatThrownBy(
				() -> agreements.saveEntries("2565-1/31", "buriram-2565-round1", "3101", "cdo3101a", "cdo3101a", a))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("ลงนามผลคะแนนแล้ว บันทึกผลเพิ่มไม่ได้");
	}

}
