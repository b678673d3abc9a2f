package th.raingan.assignment;

import java.sql.Timestamp;

import th.raingan.project.DeadlineRule;

/**
 * One assignment as the screen lists it: the project, the office and what the province
 * set.
 */
record AssignmentRow(long id, int fiscalYearBe, String provinceCode, long projectId, String budgetCode,
		String projectName, String unitTh, DeadlineRule projectRule, boolean projectEvaluation, String officeCode,
		String officeName, AssignmentValues values, Timestamp withdrawnAt, String withdrawnBy, String withdrawnReason) {

	boolean withdrawn() {
		return withdrawnAt != null;
	}

	/** The rule that sets the due date: the assignment's own, else the project's. */
	DeadlineRule effectiveRule() {
		return values.rule().kind() == DeadlineRule.Kind.ROUND_DEADLINE ? projectRule : values.rule();
	}

	boolean effectiveEvaluation() {
		return values.evaluationRequired() == null ? projectEvaluation : values.evaluationRequired();
	}

}
