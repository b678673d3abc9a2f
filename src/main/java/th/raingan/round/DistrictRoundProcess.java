package th.raingan.round;

/**
 * Process {@code district-round}: one office's part of a province's round, calling a
 * {@code district-report} per report key. Its variables carry the names of
 * {@link ReportingRoundProcess}'s, handed down by {@link OfficeRoundInputs}.
 */
public final class DistrictRoundProcess {

	public static final String KEY = "district-round";

	public static final String START = "StartEvent_OfficeRoundOpened";

	public static final String CALL_REPORTS = "CallActivity_Reports";

	public static final String END = "EndEvent_OfficeReportsDone";

	public static final String ROUND_KEY = ReportingRoundProcess.ROUND_KEY;

	public static final String FISCAL_YEAR = ReportingRoundProcess.FISCAL_YEAR;

	public static final String ROUND_NO = ReportingRoundProcess.ROUND_NO;

	public static final String ROUND_DEADLINE = ReportingRoundProcess.ROUND_DEADLINE;

	public static final String OFFICE_CODE = ReportingRoundProcess.OFFICE_CODE;

	/** This office's report keys, in the round's order. */
	public static final String REPORT_KEYS = ReportingRoundProcess.REPORT_KEYS;

	/** The multi-instance element: one report's business key. */
	public static final String REPORT_KEY = "reportKey";

	private DistrictRoundProcess() {
	}

}
