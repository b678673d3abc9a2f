package th.raingan.deadline;

/** Process {@code daily-digest}: its key, element ids and variable names. */
public final class DailyDigestProcess {

	public static final String KEY = "daily-digest";

	public static final String START_TIMER = "StartEvent_EveryMorning";

	public static final String TASK_LIST_OFFICES = "Task_ListDigestOffices";

	/**
	 * Per office (multi-instance): the mail in a job of its own, then the office's end in
	 * another.
	 */
	public static final String SUBPROCESS_OFFICE_DIGEST = "SubProcess_OfficeDigest";

	public static final String TASK_SEND_DIGEST = "Task_SendDigest";

	public static final String END_OFFICE_DIGEST_SENT = "EndEvent_OfficeDigestSent";

	public static final String OFFICES = "digestOffices";

	public static final String OFFICE_CODE = "officeCode";

	private DailyDigestProcess() {
	}

}
