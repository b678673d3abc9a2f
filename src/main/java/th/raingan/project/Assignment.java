package th.raingan.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A project assigned to one office (a district, or the province office itself), with its
 * target and money, and as the province's letter assigns it: the activity's planned
 * period (null: none of its own), its own deadline rule (null: the project's), whether
 * the report asks for part 2 (area data), and for the evaluation summary (null: the
 * project's setting).
 */
public record Assignment(long id, Project project, String officeCode, BigDecimal target, BigDecimal allocationBaht,
		LocalDate activityStart, LocalDate activityEnd, DeadlineRule ownDeadlineRule, boolean needsAreaData,
		Boolean ownEvaluationRequired) {

	/** The assignment's own rule, or the project's. */
	public DeadlineRule deadlineRule() {
		return ownDeadlineRule != null ? ownDeadlineRule : project.deadlineRule();
	}

	public boolean evaluationRequired() {
		return ownEvaluationRequired != null ? ownEvaluationRequired : project.evaluationRequired();
	}

	/** The activity's planned period, if the assignment has one. */
	public java.util.Optional<ActivityPeriod> activityPeriod() {
		return activityStart == null || activityEnd == null ? java.util.Optional.empty()
				: java.util.Optional.of(new ActivityPeriod(activityStart, activityEnd));
	}

}
