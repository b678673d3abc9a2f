package th.raingan.deadline;

/** Process {@code daily-digest}: its key, element ids and variable names. */
public final class DailyDigestProcess {

	public static final String KEY = "daily-digest";

	public static final String START_TIMER = "StartEvent_EveryMorning";

	public static final String TASK_LIST_OFFICES = "Task_ListDigestOffices";

	public static final String TASK_SEND_DIGEST = "Task_SendDigest";

	public static final String OFFICES = "digestOffices";

	public static final String OFFICE_CODE = "officeCode";

	private DailyDigestProcess() {
	}

}
