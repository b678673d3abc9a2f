package th.raingan.report;

/**
 * Process {@code district-report}: its key, element ids and variable names, as BPMN,
 * forms and code use them.
 */
public final class DistrictReportProcess {

	public static final String KEY = "district-report";

	// elements
	public static final String START = "StartEvent_ReportAssigned";

	public static final String TASK_DISTRICT_DRAFT = "Task_DistrictDraft";

	public static final String TASK_VALIDATE_REPORT = "Task_ValidateReport";

	public static final String TASK_SUBMIT_REPORT = "Task_SubmitReport";

	public static final String TASK_PROVINCE_REVIEW = "Task_ProvinceReview";

	public static final String TASK_RECORD_DECISION = "Task_RecordDecision";

	public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";

	public static final String GATEWAY_DRAFT_MERGE = "Gateway_DraftMerge";

	public static final String END_APPROVED = "EndEvent_ReportApproved";

	public static final String TIMER_REMINDER_BEFORE_DUE = "Timer_ReminderBeforeDue";

	public static final String TASK_QUEUE_REMINDER = "Task_QueueReminder";

	public static final String TIMER_DUE_DATE_PASSED = "Timer_DueDatePassed";

	public static final String TASK_ESCALATE_OVERDUE = "Task_EscalateOverdue";

	public static final String EVENT_ROUND_CLOSED = "Event_RoundClosed";

	public static final String TASK_RECORD_NOT_SUBMITTED = "Task_RecordNotSubmitted";

	public static final String END_NOT_SUBMITTED = "EndEvent_NotSubmitted";

	/**
	 * After the check: the activity was held (submit) or not yet
	 * ({@link #TASK_RECORD_NOT_HELD}).
	 */
	public static final String GATEWAY_ACTIVITY_HELD = "Gateway_ActivityHeld";

	/**
	 * "ยังไม่ได้ดำเนินการ": reason and planned date recorded, the due date follows the
	 * plan, back to the draft.
	 */
	public static final String TASK_RECORD_NOT_HELD = "Task_RecordNotHeld";

	/**
	 * Correlated by the reporting round when it closes, to every report still in draft.
	 */
	public static final String MESSAGE_ROUND_CLOSED = "RoundClosed";

	// the province withdraws the assignment while the draft is open
	// (th.raingan.assignment)
	public static final String EVENT_ASSIGNMENT_WITHDRAWN = "Event_AssignmentWithdrawn";

	public static final String TASK_RECORD_WITHDRAWN = "Task_RecordWithdrawn";

	public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

	/** Correlated to a report's open draft when the province removes its assignment. */
	public static final String MESSAGE_ASSIGNMENT_WITHDRAWN = "AssignmentWithdrawn";

	/** Why the province removed the assignment, set with the message. */
	public static final String WITHDRAWN_REASON = "withdrawnReason";

	// forms
	public static final String FORM_DRAFT = "district-draft";

	public static final String FORM_REVIEW = "province-review";

	// inputs, set when the round starts the report: copies for the forms. What the
	// server decides by (office, candidate groups, round, assignment, due date,
	// requirements) is read from the report's row and assignment (ReportFacts), never
	// from these variables, which a completion may overwrite
	/**
	 * The report's business key as a variable, so that whoever may see a task can find
	 * its report.
	 */
	public static final String REPORT_KEY = "reportKey";

	/**
	 * {@code 2569-1/42}: the report's fiscal year, round and province are read from it
	 * ({@link ReportValues}), not kept as variables of their own.
	 */
	public static final String ROUND_KEY = "roundKey";

	public static final String ASSIGNMENT_ID = "assignmentId";

	public static final String OFFICE_CODE = "officeCode";

	public static final String OFFICE_NAME = "officeName";

	public static final String BUDGET_CODE = "budgetCode";

	public static final String PROJECT_NAME = "projectName";

	public static final String BUDGET_SOURCE = "budgetSource";

	public static final String UNIT = "unitTh";

	public static final String OFFICE_TARGET = "officeTarget";

	public static final String ALLOCATION = "allocationBaht";

	public static final String EVALUATION_REQUIRED = "evaluationRequired";

	public static final String DUE_DATE = "dueDate";

	public static final String DUE_DATE_TEXT = "dueDateText";

	public static final String DEADLINE_RULE = "deadlineRule";

	public static final String ROUND_DEADLINE = "roundDeadline";

	/**
	 * Whether the report asks for part 2 (area data): the assignment's needs_area_data.
	 */
	public static final String NEEDS_AREA_DATA = "needsAreaData";

	/**
	 * Whether "N days after the activity" counts from the activity's end in this report's
	 * round.
	 */
	public static final String DUE_FOLLOWS_ACTIVITY_END = "dueFollowsActivityEnd";

	/**
	 * This round reports the progress so far of an activity that ends in a later round (a
	 * year-long project).
	 */
	public static final String CUMULATIVE_PROGRESS = "cumulativeProgress";

	/**
	 * The activity's planned period, in Thai ("01/06/2567 - 10/06/2567",
	 * "ทั้งปีงบประมาณ"), or null.
	 */
	public static final String ACTIVITY_PERIOD_TEXT = "activityPeriodText";

	// the draft, as the officer typed it (part 1, part 2 area rows, evaluation summary)
	public static final String OFFICER_NAME = "officerName";

	public static final String OFFICER_PHONE = "officerPhone";

	public static final String START_DATE = "startDate";

	public static final String END_DATE = "endDate";

	public static final String OUTPUT = "outputText";

	public static final String SUCCESS_POINTS = "successPoints";

	public static final String TARGET_VALUE = "targetValue";

	public static final String RESULT_VALUE = "resultValue";

	public static final String PROGRESS_PERCENT = "progressPercent";

	public static final String SPENT_BAHT = "spentBaht";

	public static final String AREAS = "areas";

	public static final String AREA_PLACE = "place";

	public static final String AREA_TARGET_GROUP = "targetGroup";

	public static final String AREA_PEOPLE = "people";

	public static final String AREA_OUTCOME = "outcome";

	public static final String AREA_EXPENSE = "expense";

	public static final String RESPONDENTS = "respondents";

	public static final String KNOWLEDGE_PERCENT = "knowledgePercent";

	public static final String USE_PERCENT = "usePercent";

	public static final String SATISFACTION_PERCENT = "satisfactionPercent";

	public static final String CONFIRM_SUBMIT = "confirmSubmit";

	/** "held" (ดำเนินการแล้ว, the default) or "not_held" (ยังไม่ได้ดำเนินการ). */
	public static final String ACTIVITY_STATUS = "activityStatus";

	public static final String ACTIVITY_HELD_VALUE = "held";

	public static final String ACTIVITY_NOT_HELD_VALUE = "not_held";

	/** Why the activity is not yet held, as the officer wrote it. */
	public static final String NOT_HELD_REASON = "notHeldReason";

	/**
	 * When the activity is now planned (dd/mm/yyyy, Buddhist Era, within the fiscal
	 * year).
	 */
	public static final String NOT_HELD_PLANNED_DATE = "notHeldPlannedDate";

	// written by the process
	public static final String REVISION = "revision";

	public static final String SUBMISSION_TEXT = "submissionText";

	public static final String REPORT_VERSION_ID = "reportVersionId";

	/** Set by the check: whether the activity was held (the gateway's condition). */
	public static final String ACTIVITY_HELD = "activityHeld";

	/**
	 * The not-held report as the province sees it: reason, planned date, when reported.
	 */
	public static final String NOT_HELD_TEXT = "notHeldText";

	/** The spending beside the area expenses and the allocation, for the reviewer. */
	public static final String SPENDING_TEXT = "spendingText";

	/**
	 * A spending above the allocation, or areas that do not add up to it: a warning, not
	 * a refusal.
	 */
	public static final String SPENDING_WARNING = "spendingWarning";

	public static final String REVIEW_DECISION = "reviewDecision";

	public static final String RETURN_REASON = "returnReason";

	public static final String RETURN_HISTORY = "returnHistory";

	/**
	 * On a resubmission's review: what differs from the previous submitted version, as
	 * escaped markdown.
	 */
	public static final String CHANGES_TEXT = "changesText";

	/**
	 * What the reviewer sends with a return: comments on fields or area rows
	 * ({@code [{target, comment}]}).
	 */
	public static final String REVIEW_COMMENTS = "reviewComments";

	/**
	 * What the review form offers to comment on ({@code [{label, value}]}), set when the
	 * review task is created.
	 */
	public static final String COMMENT_TARGETS = "commentTargets";

	/**
	 * The comments of the last return, for the district's draft ({@code [{target, label,
	 * row, comment}]}).
	 */
	public static final String RETURN_COMMENTS = "returnComments";

	/**
	 * On a resubmission's review: each comment of the last return, addressed or not, as
	 * escaped markdown.
	 */
	public static final String COMMENTS_TEXT = "commentsText";

	/**
	 * On a resubmission's review: the form's sections with a change ("part1", "areas",
	 * "evaluation", comma separated); Tasklist folds the others.
	 */
	public static final String CHANGED_SECTIONS = "changedSections";

	/**
	 * Target against result and the evaluation's numbers, for the reviewer ("check at a
	 * glance").
	 */
	public static final String CHECK_TEXT = "checkText";

	/** What in {@link #CHECK_TEXT} needs a look: a warning (amber), never a refusal. */
	public static final String CHECK_WARNING = "checkWarning";

	public static final String APPROVED = "approved";

	public static final String DECISION_APPROVE = "approve";

	public static final String DECISION_RETURN = "return";

	private DistrictReportProcess() {
	}

}
