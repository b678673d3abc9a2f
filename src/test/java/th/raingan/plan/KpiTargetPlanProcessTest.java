package th.raingan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static th.raingan.plan.KpiTargetPlanProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import th.raingan.ApplicationTest;
import th.raingan.report.ReportRefused;

/**
 * Every path of {@code kpi-target-plan}, and a signed-off plan that nobody can change,
 * not through REST either.
 */
@ApplicationTest
class KpiTargetPlanProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	IdentityService identity;

	@Autowired
	FormService forms;

	@Autowired
	RepositoryService repository;

	@Autowired
	TaskService tasks;

	@Autowired
	PlanService plans;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IndicatorCatalogue catalogue;

	String kpiCode;

	ProcessInstance plan;

	@BeforeEach
	void str4201StartsAPlan() {
		BpmnAwareTests.init(engine);
		kpiCode = Indicators.add(catalogue, "ร้อยละของหมู่บ้านที่มีแผนพัฒนาหมู่บ้าน", "ร้อยละ",
				IndicatorCatalogue.QUANTITY, "4201 27");
		// what an office types beside the start form's fields is refused (the form
		// guard): the catalogue's name, unit and type are taken
		assertThatThrownBy(() -> startAs("str4201",
				Map.of(FISCAL_YEAR, "2570", KPI_CODE, kpiCode, KPI_NAME, "ชื่อที่พิมพ์เอง", UNIT, "แห่ง", KPI_TYPE,
						IndicatorCatalogue.QUALITY)))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining(KPI_NAME)
			.hasMessageContaining("แบบฟอร์ม kpi-target-plan-start");
		plan = startAs("str4201", Map.of(FISCAL_YEAR, "2570", KPI_CODE, kpiCode));
	}

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	private void as(String user) {
		th.raingan.Users.signIn(identity, user);
	}

	private ProcessInstance startAs(String user, Map<String, Object> values) {
		as(user);
		try {
			String id = repository.createProcessDefinitionQuery()
				.processDefinitionKey(KEY)
				.latestVersion()
				.singleResult()
				.getId();
			return forms.submitStartForm(id, values);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private void completeAs(String user, Map<String, Object> values) {
		as(user);
		try {
			tasks.complete(tasks.createTaskQuery().processInstanceId(plan.getId()).singleResult().getId(), values);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private static Map<String, Object> quarterOne(String q1, String total, String action) {
		Map<String, Object> values = new HashMap<>();
		values.put("planOct", "5");
		values.put("planNov", "5");
		values.put("planDec", "10");
		values.put("planQ1", q1);
		values.put("planTotal", total);
		values.put(SUCCESS_FACTOR, "ผู้นำชุมชนเข้มแข็ง");
		values.put(PLAN_ACTION, action);
		return values;
	}

	/**
	 * The bureau's own example: a percent indicator, total 85 against quarters
	 * 15/25/20/20 (80), is valid.
	 */
	private static Map<String, Object> bureauExample(String action) {
		Map<String, Object> values = new HashMap<>();
		values.put("planQ1", "15");
		values.put("planQ2", "25");
		values.put("planQ3", "20");
		values.put("planQ4", "20");
		values.put("planTotal", "85");
		values.put("planPrev1", "80");
		values.put("resultPrev1", "82.5");
		values.put("estSpan3", "90");
		values.put(SUCCESS_FACTOR, "การกำกับติดตามของจังหวัด");
		values.put(PLAN_ACTION, action);
		return values;
	}

	@Test
	void theBureausExampleSavesAndSignsOffWithTheDifferenceAsAWarning() {
		String key = PlanService.planKey(2570, "4201", kpiCode);
		assertThat(plan).hasBusinessKey(key).isWaitingAt(TASK_EDIT_PLAN);
		assertThat(task(plan)).hasCandidateGroup("district-4201");
		assertThat(plan).variables()
			.containsEntry(KPI_NAME, "ร้อยละของหมู่บ้านที่มีแผนพัฒนาหมู่บ้าน")
			.containsEntry(UNIT, "ร้อยละ")
			.containsEntry(KPI_TYPE, IndicatorCatalogue.QUANTITY)
			.containsEntry(LEVEL, Indicators.LEVEL)
			.containsEntry("estSpan3Label", "ประมาณการ ปีงบประมาณ 2584 - 2586");

		completeAs("str4201", quarterOne("25", "25", ACTION_SAVE));
		assertThat(plan).hasPassed(TASK_CHECK_PLAN).isWaitingAt(TASK_EDIT_PLAN);
		assertThat(plan).variables()
			.hasEntrySatisfying(PLAN_WARNINGS,
					w -> assertThat(w.toString()).contains("ไตรมาส 1 (รวม): 25 ไม่ตรงกับผลรวมรายเดือน 20 (ต่างกัน 5)"));
		assertThat(plans.values(key)).containsEntry("planQ1", "25");
		assertThat(plans.status(key)).contains(PlanService.DRAFT);

		completeAs("str4201", bureauExample(ACTION_SIGN_OFF));
		assertThat(plan).hasPassed(TASK_SIGN_OFF).isWaitingAt(TASK_PROVINCE_CHECK);
		assertThat(plan).variables()
			.hasEntrySatisfying(PLAN_WARNINGS,
					w -> assertThat(w.toString()).contains("รวมทั้งสิ้น: 85 ไม่ตรงกับผลรวม 4 ไตรมาส 80 (ต่างกัน 5)"));
		assertThat(task(plan)).hasCandidateGroup("province-42-review");
		assertThat(plans.status(key)).contains(PlanService.SIGNED_OFF);
		assertThat(plans.values(key)).containsEntry("planTotal", "85").containsEntry("estSpan3", "90");

		completeAs("review42", Map.of(PROVINCE_DECISION, DECISION_ACCEPT));
		assertThat(plan).hasPassed(END_ACCEPTED).isEnded();
		assertThat(plans.status(key)).contains(PlanService.ACCEPTED);
	}

	@Test
	void aMonthWithoutItsQuarterTotalIsRefusedAndNothingIsSaved() {
		String key = PlanService.planKey(2570, "4201", kpiCode);
		Map<String, Object> values = quarterOne("", "20", ACTION_SAVE);
		values.remove("planQ1");
		assertThatThrownBy(() -> completeAs("str4201", values)).hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("ไตรมาส 1 (รวม): ต้องกรอกรวมไตรมาส เมื่อกรอกแผนรายเดือนของไตรมาสนี้");
		Map<String, Object> thaiDigits = quarterOne("๒๐", "20", ACTION_SAVE);
		assertThatThrownBy(() -> completeAs("str4201", thaiDigits)).hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("ไตรมาส 1 (รวม): กรอกได้เฉพาะตัวเลข 0-9");
		assertThat(plan).isWaitingAt(TASK_EDIT_PLAN);
		assertThat(plans.values(key)).isEmpty();
	}

	@Test
	void aQualityIndicatorsTotalsAreNotSummed() {
		String code = Indicators.add(catalogue, "ระดับความสำเร็จของการบริหารจัดการ", "ระดับ",
				IndicatorCatalogue.QUALITY, "42");
		plan = startAs("str4201", Map.of(FISCAL_YEAR, "2570", KPI_CODE, code));
		Map<String, Object> values = new HashMap<>(
				Map.of("planQ4", "80", "planTotal", "80", PLAN_ACTION, ACTION_SIGN_OFF));
		values.put("planQ1", "5");
		completeAs("str4201", values);
		assertThat(plan).isWaitingAt(TASK_PROVINCE_CHECK);
		assertThat(plan).variables().containsEntry(PLAN_WARNINGS, null);
	}

	@Test
	void aSignedOffPlanCannotBeChangedNotThroughRestEither() {
		String key = PlanService.planKey(2570, "4201", kpiCode);
		String editTask = tasks.createTaskQuery().processInstanceId(plan.getId()).singleResult().getId();
		completeAs("str4201", quarterOne("20", "20", ACTION_SIGN_OFF));

		var asStr4201 = rest.withBasicAuth("str4201", "test4201");
		ResponseEntity<Map> complete = asStr4201.postForEntity("/engine-rest/task/{id}/complete",
				Map.of("variables", Map.of("planQ1", Map.of("value", "999"))), Map.class, editTask);
		assertThat(complete.getStatusCode().is2xxSuccessful()).isFalse();
		ResponseEntity<String> setVariable = asStr4201.exchange("/engine-rest/process-instance/{id}/variables/planQ1",
				HttpMethod.PUT, new HttpEntity<>(Map.of("value", "999", "type", "String")), String.class, plan.getId());
		assertThat(setVariable.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThatThrownBy(() -> plans.save(key, Map.of("planQ1", "999"), List.of(), "str4201"))
			.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
			.hasMessageContaining("แผนตัวชี้วัดนี้นำส่งข้อมูล (Sign Off) แล้ว จึงถูกล็อกไว้");
		assertThatThrownBy(() -> startAs("str4201", Map.of(FISCAL_YEAR, "2570", KPI_CODE, kpiCode)))
			.hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("มีแผนของตัวชี้วัด " + kpiCode + " ปีงบประมาณ 2570 แล้ว");
		assertThat(plans.values(key)).containsEntry("planQ1", "20");
	}

	@Test
	void theProvinceReopensOnlyWithAReason() {
		String key = PlanService.planKey(2570, "4201", kpiCode);
		completeAs("str4201", quarterOne("20", "20", ACTION_SIGN_OFF));
		assertThatThrownBy(() -> completeAs("review42", Map.of(PROVINCE_DECISION, DECISION_REOPEN)))
			.hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("เหตุผลที่เปิดให้แก้ไข");

		completeAs("review42", Map.of(PROVINCE_DECISION, DECISION_REOPEN, REOPEN_REASON, "แผนไตรมาส 1 สูงเกินจริง"));
		assertThat(plan).hasPassed(TASK_RECORD_PROVINCE_DECISION).isWaitingAt(TASK_EDIT_PLAN);
		assertThat(plans.status(key)).contains(PlanService.REOPENED);
		assertThat(plan).variables()
			.hasEntrySatisfying(REOPEN_HISTORY,
					h -> assertThat(h.toString()).contains("review42").contains("แผนไตรมาส 1 สูงเกินจริง"));

		completeAs("str4201", quarterOne("20", "20", ACTION_SAVE));
		assertThat(plans.values(key)).containsEntry("planQ1", "20");
		assertThat(plans.status(key)).contains(PlanService.REOPENED);
		assertThat(plan).isWaitingAt(TASK_EDIT_PLAN);
		completeAs("str4201", quarterOne("20", "20", ACTION_SIGN_OFF));
		assertThat(plans.status(key)).contains(PlanService.SIGNED_OFF);
		assertThat(plan).isWaitingAt(TASK_PROVINCE_CHECK);
	}

	/**
	 * Issue 29: the starter is the signed-in user, whatever {@code initiator} a start
	 * sends (through the engine's API here, beside the form); the plan's groups are its
	 * row's office's, whatever a variable says; and only the reviewers of the plan's own
	 * province accept it.
	 */
	@Test
	void aForgedStarterOrGroupOpensAndAcceptsNoOtherOfficesPlan() {
		String only4201 = Indicators.add(catalogue, "ตัวชี้วัดของอำเภอเมืองเลยเท่านั้น", "ร้อยละ",
				IndicatorCatalogue.QUANTITY, "4201");
		as("str4202");
		try {
			// past the form guard (which refuses the key itself): the starter is still
			// the signed-in user
			assertThatThrownBy(() -> th.raingan.Users.pastTheFormGuard(engine,
					() -> runtime.createProcessInstanceByKey(KEY)
						.setVariable(INITIATOR, "str4201")
						.setVariable(FISCAL_YEAR, "2570")
						.setVariable(KPI_CODE, only4201)
						.execute()))
				.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
				.hasMessageContaining("ไม่ได้เป็นหน่วยงานที่จัดทำแผน");
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(plans.status(PlanService.planKey(2570, "4201", only4201))).isEmpty();

		// the running plan's groups: a variable naming the district as reviewer routes
		// nothing
		runtime.setVariable(plan.getId(), "reviewGroup", "district-4201");
		runtime.setVariable(plan.getId(), "officeGroup", "district-4202");
		completeAs("str4201", quarterOne("20", "20", ACTION_SIGN_OFF));
		assertThat(plan).isWaitingAt(TASK_PROVINCE_CHECK);
		org.camunda.bpm.engine.task.Task check = tasks.createTaskQuery().processInstanceId(plan.getId()).singleResult();
		assertThat(tasks.getIdentityLinksForTask(check.getId()))
			.extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
			.containsExactly("province-42-review");
		// a second bug routes the check to the district: it still may not accept its own
		// plan, nor may another province
		tasks.addCandidateGroup(check.getId(), "district-4201");
		tasks.addCandidateGroup(check.getId(), "province-57-review");
		for (String user : java.util.List.of("str4201", "review57")) {
			assertThatThrownBy(() -> completeAs(user, Map.of(PROVINCE_DECISION, DECISION_ACCEPT)))
				.satisfies(e -> assertThat(ReportRefused.in(e)).isPresent())
				.hasMessageContaining("ไม่ได้อยู่ในกลุ่ม province-42-review");
		}
		assertThat(plans.status(PlanService.planKey(2570, "4201", kpiCode))).contains(PlanService.SIGNED_OFF);
		completeAs("review42", Map.of(PROVINCE_DECISION, DECISION_ACCEPT));
		assertThat(plans.status(PlanService.planKey(2570, "4201", kpiCode))).contains(PlanService.ACCEPTED);
	}

	@Test
	void badStartsAreRefusedAndOnlyOfficesStartPlansOfTheCatalogue() {
		assertThatThrownBy(() -> startAs("str4201", Map.of(FISCAL_YEAR, "70", KPI_CODE, "")))
			.hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("ปีงบประมาณ: ต้องเป็นปี พ.ศ.")
			.hasMessageContaining("ตัวชี้วัด: ต้องเลือกตัวชี้วัดจากบัญชีตัวชี้วัดของกรม");
		assertThatThrownBy(() -> startAs("str4201", Map.of(FISCAL_YEAR, "2570", KPI_CODE, "NOT-IN-CATALOGUE")))
			.hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("ตัวชี้วัด: รหัส \"NOT-IN-CATALOGUE\" ไม่มีในบัญชีตัวชี้วัดของกรม");
		// planned by Sa Kaeo's offices only
		String sakaeo = Indicators.add(catalogue, "ร้อยละของกลุ่มอาชีพที่ได้รับการพัฒนา", "ร้อยละ",
				IndicatorCatalogue.QUANTITY, "27");
		assertThatThrownBy(() -> startAs("str4201", Map.of(FISCAL_YEAR, "2570", KPI_CODE, sakaeo)))
			.hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("ไม่ได้เป็นหน่วยงานที่จัดทำแผนของตัวชี้วัด " + sakaeo);
		assertThat(plans.status(PlanService.planKey(2570, "4201", sakaeo))).isEmpty();
		ProcessInstance inSakaeo = startAs("str2701", Map.of(FISCAL_YEAR, "2570", KPI_CODE, sakaeo));
		assertThat(inSakaeo).isWaitingAt(TASK_EDIT_PLAN).hasBusinessKey(PlanService.planKey(2570, "2701", sakaeo));
		assertThatThrownBy(() -> startAs("manager42", Map.of(FISCAL_YEAR, "2570", KPI_CODE, kpiCode)))
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
	}

}
