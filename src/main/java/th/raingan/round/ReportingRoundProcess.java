package th.raingan.round;

/** Process {@code reporting-round}: its key, element ids and variable names. */
public final class ReportingRoundProcess {

	public static final String KEY = "reporting-round";

	public static final String START = "StartEvent_RoundRequested";

	public static final String TASK_OPEN_ROUND = "Task_OpenRound";

	public static final String CALL_DISTRICT_REPORTS = "CallActivity_DistrictReports";

	public static final String END = "EndEvent_RoundCompleted";

	public static final String TIMER_ROUND_ENDS = "Timer_RoundEnds";

	public static final String TASK_CLOSE_ROUND = "Task_CloseRound";

	public static final String TASK_START_KPI_ROUND_CLOSE = "Task_StartKpiRoundClose";

	public static final String END_ROUND_CLOSED = "EndEvent_RoundClosed";

	public static final String FORM_START = "reporting-round-start";

	// the manager's start form, as typed
	public static final String FISCAL_YEAR = "fiscalYear";

	public static final String ROUND_NO = "roundNo";

	public static final String REPORTING_DEADLINE = "reportingDeadline";

	// written by Task_OpenRound
	public static final String INITIATOR = "initiator";

	public static final String ROUND_KEY = "roundKey";

	public static final String PROVINCE_CODE = "provinceCode";

	public static final String ROUND_DEADLINE = "roundDeadline";

	public static final String REPORT_KEYS = "reportKeys";

	/** The offices with reports in this round, one {@code district-round} each. */
	public static final String OFFICE_CODES = "officeCodes";

	/**
	 * The last day of the evaluation round (31 March or 30 September): drafts still open
	 * then are closed.
	 */
	public static final String ROUND_END = "roundEnd";

	public static final String NOT_SUBMITTED_COUNT = "notSubmittedCount";

	/**
	 * The round's reports whose letter sets a due date after the round's reporting
	 * deadline (Thai), or null.
	 */
	public static final String LATE_WINDOWS = "lateWindows";

	/** The multi-instance element: one office's code. */
	public static final String OFFICE_CODE = "officeCode";

	private ReportingRoundProcess() {
	}

}
