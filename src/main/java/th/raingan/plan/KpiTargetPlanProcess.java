package th.raingan.plan;

import java.util.List;

/**
 * Process {@code kpi-target-plan} (the KPI target program,
 * docs/requirements/overview.md): its key, element ids, variable names and the plan's
 * fields.
 */
public final class KpiTargetPlanProcess {

	public static final String KEY = "kpi-target-plan";

	public static final String START = "StartEvent_PlanRequested";

	public static final String TASK_OPEN_PLAN = "Task_OpenPlan";

	public static final String TASK_EDIT_PLAN = "Task_EditPlan";

	public static final String TASK_CHECK_PLAN = "Task_CheckPlan";

	public static final String GATEWAY_PLAN_ACTION = "Gateway_PlanAction";

	public static final String TASK_SIGN_OFF = "Task_SignOffPlan";

	public static final String TASK_PROVINCE_CHECK = "Task_ProvinceCheckPlan";

	public static final String TASK_RECORD_PROVINCE_DECISION = "Task_RecordProvinceDecision";

	public static final String GATEWAY_REOPEN = "Gateway_Reopen";

	public static final String END_ACCEPTED = "EndEvent_PlanAccepted";

	public static final String FORM_START = "kpi-target-plan-start";

	public static final String FORM_EDIT = "kpi-plan";

	public static final String FORM_PROVINCE = "kpi-plan-province";

	// start form and what Task_OpenPlan adds
	public static final String INITIATOR = "initiator";

	public static final String FISCAL_YEAR = "fiscalYear";

	public static final String KPI_CODE = "kpiCode";

	public static final String KPI_NAME = "kpiName";

	public static final String UNIT = "unitTh";

	public static final String KPI_TYPE = "kpiType";

	/**
	 * The catalogue's request level (ชั้นค่าขอ) and service target of the indicator,
	 * shown on the plan's form.
	 */
	public static final String LEVEL = "levelTh";

	public static final String SERVICE_TARGET = "serviceTargetTh";

	/**
	 * The start form's dynamic select reads its options from this input (filled by
	 * Tasklist from the catalogue).
	 */
	public static final String INDICATOR_CHOICES = "indicatorChoices";

	public static final String OFFICE_CODE = "officeCode";

	public static final String OFFICE_NAME = "officeName";

	// the officer's choice, the checks' outcome, the province's decision
	public static final String PLAN_ACTION = "planAction";

	public static final String ACTION_SAVE = "save";

	public static final String ACTION_SIGN_OFF = "signoff";

	public static final String PLAN_WARNINGS = "planWarnings";

	public static final String PLAN_STATUS_TEXT = "planStatusText";

	public static final String SIGNED_OFF = "signedOff";

	public static final String PROVINCE_DECISION = "provinceDecision";

	public static final String DECISION_ACCEPT = "accept";

	public static final String DECISION_REOPEN = "reopen";

	public static final String REOPEN_REASON = "reopenReason";

	public static final String REOPEN_HISTORY = "reopenHistory";

	public static final String REOPENED = "reopened";

	// the plan's fields (the KPI target program's screen)
	public static final List<String> MONTHS = List.of("planOct", "planNov", "planDec", "planJan", "planFeb", "planMar",
			"planApr", "planMay", "planJun", "planJul", "planAug", "planSep");

	public static final List<String> MONTH_LABELS = List.of("ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.",
			"พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.");

	public static final List<String> QUARTERS = List.of("planQ1", "planQ2", "planQ3", "planQ4");

	public static final String TOTAL = "planTotal";

	/** Plan and result of the three previous years, the earliest first. */
	public static final List<String> PREVIOUS = List.of("planPrev3", "resultPrev3", "planPrev2", "resultPrev2",
			"planPrev1", "resultPrev1");

	/**
	 * Estimate spans after the three single years (the KPI target program manual: 68-72,
	 * 73-77, 78-80 for fiscal year 64).
	 */
	public static final List<String> SPANS = List.of("estSpan1", "estSpan2", "estSpan3");

	/** Estimates: the next three years one by one, then the three spans. */
	public static final List<String> ESTIMATES = List.of("estNext1", "estNext2", "estNext3", "estSpan1", "estSpan2",
			"estSpan3");

	public static final String SUCCESS_FACTOR = "successFactor";

	private KpiTargetPlanProcess() {
	}

}
