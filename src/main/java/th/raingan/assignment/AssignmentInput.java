package th.raingan.assignment;

/**
 * An assignment as a person typed it, on the screen or in one row of a CSV file: every
 * value still text. The screen types the period as two dates ({@code activityStart},
 * {@code activityEnd}); the file as one text ({@code activityPeriod}, "ไตรมาส ๓-๔").
 */
record AssignmentInput(Long row, String fiscalYear, String budgetCode, String officeCode, String target,
		String allocationBaht, String planBaht, String activityPeriod, String activityStart, String activityEnd,
		String deadlineRule, String needsAreaData, String evaluationRequired) {

	AssignmentInput withKey(String budgetCode, String officeCode) {
		return new AssignmentInput(row, fiscalYear, budgetCode, officeCode, target, allocationBaht, planBaht,
				activityPeriod, activityStart, activityEnd, deadlineRule, needsAreaData, evaluationRequired);
	}

}
