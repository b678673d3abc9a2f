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

	/**
	 * Set when the reporting round starts the close at its end (no manager initiated it).
	 */
	public static final String ROUND_PROVINCE = "roundProvince";

	// set by Task_FreezeRound; the round, its province and template, the groups, the
	// head and an officer's part are read from the business key and the tables
	// (KpiFacts, org.Routing), never from variables
	public static final String ROUND_KEY = "roundKey";

	public static final String OFFICES = "offices";

	// per district (local to the subprocess)
	public static final String OFFICE_CODE = "officeCode";

	public static final String OFFICE_NAME = "officeName";

	public static final String ENTRIES = "entries";

	public static final String COMPUTED_TEXT = "computedText";

	public static final String VERIFY_DECISION = "verifyDecision";

	public static final String VERIFY_REASON = "verifyReason";

	public static final String VERIFIED = "verified";

	public static final String RETURN_HISTORY = "kpiReturnHistory";

	// the individual part of a district (local to the district subprocess)
	public static final String GATEWAY_HAS_PEOPLE = "Gateway_HasPeople";

	public static final String TASK_ASSIGN_INDICATORS = "Task_AssignIndicators";

	public static final String TASK_RECORD_AGREEMENTS = "Task_RecordAgreements";

	public static final String SUBPROCESS_PERSON = "SubProcess_PersonKpis";

	public static final String TASK_OFFICER_CONFIRMS = "Task_OfficerConfirms";

	public static final String TASK_HEAD_CONFIRMS = "Task_HeadConfirms";

	public static final String TASK_ENTER_INDIVIDUAL = "Task_EnterIndividualKpis";

	public static final String TASK_CHECK_INDIVIDUAL = "Task_CheckIndividualEntries";

	public static final String TASK_HEAD_VERIFIES = "Task_HeadVerifiesIndividual";

	public static final String TASK_RECORD_HEAD_VERIFICATION = "Task_RecordHeadVerification";

	/**
	 * The district has a head and officers with person accounts, and the template
	 * individual indicators.
	 */
	public static final String HAS_PEOPLE = "hasPeople";

	/** The head's rows: indicatorId, name, responsibleUnit, personId, target. */
	public static final String ASSIGNMENTS = "assignments";

	public static final String OFFICERS_TEXT = "officersText";

	/** The officers who answer for at least one indicator: one person subprocess each. */
	public static final String AGREED_OFFICERS = "agreedOfficers";

	// per officer (local to the person subprocess)
	public static final String OFFICER_ID = "officerId";

	public static final String PERSON_NAME = "personName";

	public static final String AGREEMENT_TEXT = "agreementText";

	public static final String OFFICER_CONFIRM = "officerConfirm";

	public static final String HEAD_CONFIRM = "headConfirm";

	public static final String PERSON_ENTRIES = "personEntries";

	public static final String PERSON_DECISION = "personDecision";

	public static final String PERSON_REASON = "personReason";

	public static final String PERSON_VERIFIED = "personVerified";

	public static final String PERSON_RETURN_HISTORY = "personReturnHistory";

	// manager: every office's scores, a variable of the manager's task only
	// (kpiScorecardListener), never of the process
	public static final String SCORECARD_TEXT = "scorecardText";

	public static final String SIGN_OFF_CONFIRM = "signOffConfirm";

	private KpiRoundCloseProcess() {
	}

}
