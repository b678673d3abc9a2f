package th.raingan.plan;

import static th.raingan.plan.KpiTargetPlanProcess.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import th.raingan.org.CurrentUser;
import th.raingan.org.Routing;
import th.raingan.org.Officers;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.report.ReasonedDecision;
import th.raingan.report.ReportRefused;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;
import th.raingan.thai.SafeText;
import th.raingan.thai.ThaiNumbers;

/**
 * The service tasks of {@code kpi-target-plan}: thin calls to {@link PlanValidator} and
 * {@link PlanService}.
 */
@Configuration
class PlanDelegates {

	/**
	 * {@code Task_OpenPlan}: which office, which indicator; the indicator comes from the
	 * department's catalogue (code, name, unit and type as the catalogue has them,
	 * whatever the start form sent) and must be one the office plans; one plan per
	 * office, year and indicator.
	 */
	@Bean
	JavaDelegate openPlanDelegate(PlanService plans, Officers officers, OrgUnits orgUnits,
			IndicatorCatalogue catalogue) {
		return execution -> {
			List<String> problems = new ArrayList<>();
			String initiator = (String) execution.getVariable(INITIATOR);
			OrgUnit office = officers.find(initiator == null ? "" : initiator)
				.filter(o -> "district".equals(o.role()) || "reviewer".equals(o.role()))
				.flatMap(o -> orgUnits.find(o.officeCode()))
				.orElse(null);
			if (office == null) {
				problems.add("ผู้จัดทำแผน: เฉพาะเจ้าหน้าที่ของอำเภอหรือของจังหวัดจัดทำแผนตัวชี้วัดได้");
			}
			ThaiNumbers.Parsed year = ThaiNumbers.parse(execution.getVariable(FISCAL_YEAR));
			if (!year.isValid() || year.value().scale() > 0 || year.value().intValue() < 2560
					|| year.value().intValue() > 2700) {
				problems.add("ปีงบประมาณ: ต้องเป็นปี พ.ศ. เช่น 2570");
			}
			String code = text(execution.getVariable(KPI_CODE));
			IndicatorCatalogue.Indicator indicator = null;
			if (code.isEmpty()) {
				problems.add("ตัวชี้วัด: ต้องเลือกตัวชี้วัดจากบัญชีตัวชี้วัดของกรม");
			}
			else if (code.length() > 32) {
				problems.add("ตัวชี้วัด: รหัสยาวเกิน 32 ตัวอักษร และไม่มีในบัญชีตัวชี้วัดของกรม");
			}
			else {
				indicator = catalogue.find(code).orElse(null);
				if (indicator == null) {
					problems.add("ตัวชี้วัด: รหัส \"" + code + "\" ไม่มีในบัญชีตัวชี้วัดของกรม กรุณาเลือกจากรายการ");
				}
				else if (office != null && !catalogue.plannedBy(indicator, office)) {
					problems.add("ตัวชี้วัด: " + office.nameTh() + " ไม่ได้เป็นหน่วยงานที่จัดทำแผนของตัวชี้วัด " + code
							+ " ตามบัญชีตัวชี้วัดของกรม");
				}
			}
			if (!problems.isEmpty()) {
				throw new ReportRefused("เริ่มแผนไม่ได้:", problems);
			}
			int fy = year.value().intValue();
			String key = PlanService.planKey(fy, office.code(), code);
			plans.create(key, fy, office.code(), code, indicator.nameTh(), indicator.unitTh(), indicator.type(),
					initiator);
			execution.setProcessBusinessKey(key);
			execution.setVariable(FISCAL_YEAR, fy);
			execution.setVariable(KPI_CODE, code);
			execution.setVariable(KPI_NAME, indicator.nameTh());
			execution.setVariable(UNIT, indicator.unitTh());
			execution.setVariable(KPI_TYPE, indicator.type());
			execution.setVariable(LEVEL, indicator.levelTh());
			execution.setVariable(SERVICE_TARGET, indicator.serviceTargetCode() + " " + indicator.serviceTargetTh());
			execution.setVariable(OFFICE_CODE, office.code());
			execution.setVariable(OFFICE_NAME, office.nameTh());
			// no candidate groups in variables: the BPMN derives them from the plan's row
			// (routing)
			PlanValidator.labels(fy).forEach((field, label) -> execution.setVariable(field + "Label", label));
		};
	}

	/**
	 * {@code Task_CheckPlan}: refuses what breaks the KPI target program's rules
	 * (docs/requirements/kpi-target-plan.md) (the completion rolls back, the officer
	 * keeps what they typed); saves the rest. A quantity indicator's total that differs
	 * from the sum of its parts is a warning with the difference (saved, shown, and the
	 * plan may still be signed off, as the program's own example).
	 */
	@Bean
	JavaDelegate checkPlanDelegate(PlanService plans, IdentityService identity, Routing routing) {
		return execution -> {
			String key = execution.getProcessBusinessKey();
			refuseUnlessIn(routing, routing.officeGroup(plans.office(execution)), "ผู้บันทึกแผน", "บันทึกแผนไม่ได้:");
			plans.refuseIfLocked(key);
			int fy = ((Number) execution.getVariable(FISCAL_YEAR)).intValue();
			PlanValidator.Result result = PlanValidator.check(execution.getVariables(), fy,
					IndicatorCatalogue.QUANTITY.equals(execution.getVariable(KPI_TYPE)));
			boolean signOff = ACTION_SIGN_OFF.equals(execution.getVariable(PLAN_ACTION));
			if (!result.errors().isEmpty()) {
				throw new ReportRefused("บันทึกแผนไม่ได้ กรุณาแก้ไข:", result.errors());
			}
			if (signOff && result.values().get(TOTAL).isEmpty()) {
				throw new ReportRefused("นำส่งข้อมูล (Sign Off) ไม่ได้:",
						List.of("รวมทั้งสิ้น: ต้องกรอกค่าเป้าหมายก่อนนำส่งข้อมูล"));
			}
			plans.save(key, result.values(), result.warnings(), CurrentUser.id(identity));
			// the warnings name fields and numbers the validator has read, no typed text
			execution.setVariable(PLAN_WARNINGS, result.warnings().isEmpty() ? null
					: "⚠ คำเตือน (บันทึกได้ ไม่ใช่ข้อผิดพลาด): " + String.join(" | ", result.warnings()));
			execution.setVariable(PLAN_STATUS_TEXT,
					"บันทึกล่าสุด " + BuddhistDates.format(Clock.today()) + " โดย " + CurrentUser.id(identity));
			execution.setVariable(SIGNED_OFF, signOff);
		};
	}

	/** {@code Task_SignOffPlan}: นำส่งข้อมูล; the plan is locked from here on. */
	@Bean
	JavaDelegate signOffPlanDelegate(PlanService plans, IdentityService identity) {
		return execution -> {
			plans.signOff(execution.getProcessBusinessKey(), CurrentUser.id(identity));
			execution.setVariable(PLAN_STATUS_TEXT, "นำส่งข้อมูล (Sign Off) แล้วเมื่อ "
					+ BuddhistDates.format(Clock.today()) + " โดย " + CurrentUser.id(identity) + " แผนถูกล็อก");
			execution.removeVariable(PLAN_ACTION);
		};
	}

	private static final ReasonedDecision REOPEN = new ReasonedDecision("เปิดให้แก้ไขไม่ได้:", "เหตุผลที่เปิดให้แก้ไข",
			"ต้องระบุเหตุผลให้หน่วยงานทราบ");

	/**
	 * {@code Task_RecordProvinceDecision}: accepted stays locked; reopened needs a reason
	 * the office will see.
	 */
	@Bean
	JavaDelegate recordProvinceDecisionDelegate(PlanService plans, IdentityService identity, Routing routing) {
		return execution -> {
			// only the reviewers of the plan's own province accept or reopen it
			refuseUnlessIn(routing, routing.reviewGroup(plans.office(execution)), "ผู้ตรวจแผน", "บันทึกผลไม่ได้:");
			Object decision = execution.getVariable(PROVINCE_DECISION);
			String key = execution.getProcessBusinessKey();
			if (DECISION_ACCEPT.equals(decision)) {
				plans.accept(key);
				execution.setVariable(REOPENED, false);
			}
			else if (DECISION_REOPEN.equals(decision)) {
				String reason = REOPEN.reason(execution.getVariable(REOPEN_REASON));
				plans.reopen(key);
				execution.setVariable(REOPEN_HISTORY, ReasonedDecision.inFront(execution.getVariable(REOPEN_HISTORY),
						ReasonedDecision.entry(Clock.today(), CurrentUser.id(identity), reason)));
				execution.setVariable(PLAN_STATUS_TEXT, "จังหวัดเปิดให้แก้ไข: " + SafeText.markdown(reason));
				execution.setVariable(REOPENED, true);
			}
			else {
				throw new ReportRefused("บันทึกผลไม่ได้:",
						List.of("ผลการตรวจ: กรุณาเลือก \"รับทราบ\" หรือ \"เปิดให้แก้ไข\""));
			}
			execution.removeVariable(PROVINCE_DECISION);
			execution.removeVariable(REOPEN_REASON);
		};
	}

	/**
	 * Defence in depth: whatever group the task went to, the signed-in user must belong
	 * to the group of the plan's own office or province (org.Routing), else a Thai
	 * refusal and nothing written.
	 */
	private static void refuseUnlessIn(Routing routing, String group, String what, String heading) {
		routing.refusal(group, what).ifPresent(problem -> {
			throw new ReportRefused(heading, List.of(problem));
		});
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString().strip();
	}

}
