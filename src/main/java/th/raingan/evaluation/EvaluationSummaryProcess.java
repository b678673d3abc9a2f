package th.raingan.evaluation;

/**
 * Process {@code evaluation-summary}: the province's summary of one evaluated activity
 * (EA3 province-wide, EA4 summary file). Started when the first district report of the
 * activity is approved; the strategy unit's task comes when every assigned office's
 * report is approved, or when the plan's recording window closes.
 */
public final class EvaluationSummaryProcess {

	public static final String KEY = "evaluation-summary";

	// elements
	public static final String START = "StartEvent_FirstReportApproved";

	public static final String GATEWAY_ALL_APPROVED = "Gateway_AllApproved";

	public static final String GATEWAY_WAIT = "Gateway_WaitForReportsOrWindow";

	public static final String EVENT_REPORTS_COMPLETE = "Event_AllReportsApproved";

	public static final String TIMER_WINDOW_CLOSES = "Timer_WindowCloses";

	public static final String GATEWAY_MERGE = "Gateway_SummaryMerge";

	public static final String TASK_PROVINCE_SUMMARY = "Task_ProvinceSummary";

	public static final String END_RECORDED = "EndEvent_SummaryRecorded";

	/** Correlated when the last assigned office's report of the activity is approved. */
	public static final String MESSAGE_REPORTS_COMPLETE = "EvaluationReportsComplete";

	public static final String FORM_SUMMARY = "evaluation-summary";

	// variables
	/**
	 * The summary's business key as a variable (th.raingan.attachment finds the EA4
	 * summary file by it).
	 */
	public static final String REPORT_KEY = "reportKey";

	public static final String ACTIVITY_ID = "evaluationActivityId";

	public static final String PROVINCE_CODE = "provinceCode";

	public static final String FISCAL_YEAR = "fiscalYear";

	public static final String PROJECT_NAME = "projectName";

	public static final String ACTIVITY_NAME = "activityName";

	/** Whether every assigned office's report was approved when the process started. */
	public static final String ALL_APPROVED = "allApproved";

	/**
	 * When the recording window closes (a Date): the task comes then even if some reports
	 * are missing.
	 */
	public static final String WINDOW_CLOSES = "windowCloses";

	/**
	 * Why the task came: "all approved" or "window closed", in Thai, for the task form.
	 */
	public static final String REASON_TEXT = "summaryReasonText";

	/** Set when the province records: who signed and when, in Thai. */
	public static final String RECORDED_TEXT = "recordedText";

	private EvaluationSummaryProcess() {
	}

	/** {@code eval/2567/57/12}: fiscal year, province, plan activity id. */
	public static String businessKey(int fiscalYearBe, String provinceCode, long activityId) {
		return "eval/" + fiscalYearBe + "/" + provinceCode + "/" + activityId;
	}

}
