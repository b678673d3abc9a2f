package th.raingan.kpi;

/** Process {@code kpi-round-close}: its key, element ids and variable names. */
public final class KpiRoundCloseProcess {

	public static final String KEY = "kpi-round-close";

	public static final String TASK_FREEZE_ROUND = "Task_FreezeRound";

	public static final String SUBPROCESS_DISTRICT = "SubProcess_DistrictKpis";

	public static final String TASK_ENTER_KPIS = "Task_EnterKpis";

	public static final String TASK_CHECK_ENTRIES = "Task_CheckEntries";

	public static final String TASK_VERIFY_KPIS = "Task_VerifyKpis";

	public static final String TASK_RECORD_VERIFICATION = "Task_RecordVerification";

	public static final String TASK_COMPUTE_SCORES = "Task_ComputeScores";

	public static final String TASK_MANAGER_SIGN_OFF = "Task_ManagerSignOff";

	public static final String TASK_TAKE_SNAPSHOT = "Task_TakeSnapshot";

	public static final String TASK_NOTIFY_DISTRICTS = "Task_NotifyDistricts";

	public static final String END_SIGNED_OFF = "EndEvent_RoundSignedOff";

	public static final String GATEWAY_AFTER_SIGN_OFF = "Gateway_AfterSignOff";

	public static final String EVENT_ROUND_REOPENED = "Event_RoundReopened";

	public static final String TASK_RECORD_REOPEN = "Task_RecordReopen";

	/** Correlated by {@code POST /api/kpi/rounds/reopen} with the manager's reason. */
	public static final String MESSAGE_ROUND_REOPENED = "KpiRoundReopened";

	public static final String REOPEN_REASON = "reopenReason";

	public static final String REOPEN_HISTORY = "reopenHistory";

	// start form
	public static final String INITIATOR = "initiator";

	public static final String FISCAL_YEAR = "fiscalYear";

	public static final String ROUND_NO = "roundNo";

	public static final String TEMPLATE_ID = "templateId";

	/** Set when the reporting round starts the close at its end (no manager initiated it). */
	public static final String ROUND_PROVINCE = "roundProvince";

	// set by Task_FreezeRound
	public static final String ROUND_KEY = "roundKey";

	public static final String OFFICES = "offices";

	public static final String MANAGER_GROUP = "managerGroup";

	public static final String REVIEW_GROUP = "reviewGroup";

	// per district (local to the subprocess)
	public static final String OFFICE_CODE = "officeCode";

	public static final String OFFICE_NAME = "officeName";

	public static final String OFFICE_GROUP = "officeGroup";

	public static final String ENTRIES = "entries";

	public static final String COMPUTED_TEXT = "computedText";

	public static final String VERIFY_DECISION = "verifyDecision";

	public static final String VERIFY_REASON = "verifyReason";

	public static final String VERIFIED = "verified";

	public static final String RETURN_HISTORY = "kpiReturnHistory";

	// manager
	public static final String SCORECARD_TEXT = "scorecardText";

	public static final String SIGN_OFF_CONFIRM = "signOffConfirm";

	private KpiRoundCloseProcess() {
	}

}
