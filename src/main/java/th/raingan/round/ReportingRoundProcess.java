package th.raingan.round;

/** Process {@code reporting-round}: its key, element ids and variable names. */
public final class ReportingRoundProcess {

	public static final String KEY = "reporting-round";

	public static final String START = "StartEvent_RoundRequested";

	public static final String TASK_OPEN_ROUND = "Task_OpenRound";

	public static final String CALL_DISTRICT_REPORTS = "CallActivity_DistrictReports";

	public static final String END = "EndEvent_RoundCompleted";

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

	/** The multi-instance element: one district report's business key. */
	public static final String REPORT_KEY = "reportKey";

	private ReportingRoundProcess() {
	}

}
