package th.raingan.deadline;

/**
 * Process {@code deadline-escalation}: one per district and round with overdue reports.
 */
public final class DeadlineEscalationProcess {

	public static final String KEY = "deadline-escalation";

	public static final String START = "StartEvent_OverdueFound";

	public static final String TASK_MAIL_ESCALATION = "Task_MailEscalation";

	public static final String TASK_HANDLE_OVERDUE = "Task_HandleOverdue";

	public static final String TASK_CLOSE_ESCALATION = "Task_CloseEscalation";

	public static final String FORM_OVERDUE = "overdue-reports";

	public static final String ROUND_KEY = "roundKey";

	public static final String OFFICE_CODE = "officeCode";

	public static final String OFFICE_NAME = "officeName";

	public static final String OVERDUE_TEXT = "overdueText";

	public static final String MANAGER_NOTE = "managerNote";

	private DeadlineEscalationProcess() {
	}

}
