package th.raingan.round;

import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.project.Assignment;
import th.raingan.project.Project;
import th.raingan.project.ReportSchedule;
import th.raingan.report.DistrictReportProcess;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/**
 * What a district report starts with, from its assignment: the project, the office and
 * its groups, the target and allocation, and the due date by the assignment's window and
 * rule ({@link ReportSchedule}).
 */
@Component("districtReportInputs")
class DistrictReportInputs implements DelegateVariableMapping {

	private final RoundService rounds;

	private final OrgUnits orgUnits;

	private final java.util.List<th.raingan.report.ReportExtension> extensions;

	DistrictReportInputs(RoundService rounds, OrgUnits orgUnits,
			org.springframework.beans.factory.ObjectProvider<th.raingan.report.ReportExtension> extensions) {
		this.extensions = extensions.orderedStream().toList();
		this.rounds = rounds;
		this.orgUnits = orgUnits;
	}

	@Override
	public void mapInputVariables(DelegateExecution officeRound, VariableMap report) {
		String reportKey = (String) officeRound.getVariable(DistrictRoundProcess.REPORT_KEY);
		Assignment assignment = rounds.assignmentOf(reportKey)
			.orElseThrow(() -> new IllegalStateException("no assignment for " + reportKey));
		Project project = assignment.project();
		OrgUnit office = orgUnits.find(assignment.officeCode()).orElseThrow();
		Date roundDeadline = (Date) officeRound.getVariable(DistrictRoundProcess.ROUND_DEADLINE);
		int roundNo = ((Number) officeRound.getVariable(DistrictRoundProcess.ROUND_NO)).intValue();
		LocalDate due = ReportSchedule.dueDate(assignment, roundNo, Clock.day(roundDeadline), Optional.empty());
		boolean finalRound = ReportSchedule.isFinalRound(assignment, roundNo);

		// the fiscal year, the round and the province are read from the round key
		// (ReportValues), not handed down as variables of their own; values that are null
		// are not handed down at all (the forms read a missing variable as null)
		report.put(ROUND_KEY, officeRound.getVariable(DistrictRoundProcess.ROUND_KEY));
		report.put(ASSIGNMENT_ID, assignment.id());
		report.put(OFFICE_CODE, office.code());
		report.put(OFFICE_NAME, office.nameTh());
		// no candidate groups: the BPMN derives them from the report's row (routing,
		// reportFacts), where no completion can reach them
		report.put(BUDGET_CODE, project.budgetCode());
		report.put(PROJECT_NAME, project.nameTh());
		report.put(BUDGET_SOURCE, project.budgetSource());
		report.put(UNIT, project.unitTh());
		// as a change of the assignment writes them (OpenReports): "9", not the column's
		// "9.00"
		report.put(OFFICE_TARGET,
				assignment.target() == null ? null : assignment.target().stripTrailingZeros().toPlainString());
		report.put(ALLOCATION, assignment.allocationBaht() == null ? null
				: assignment.allocationBaht().stripTrailingZeros().toPlainString());
		report.put(EVALUATION_REQUIRED, assignment.evaluationRequired());
		report.put(NEEDS_AREA_DATA, assignment.needsAreaData());
		report.put(DUE_DATE, Clock.endOfDay(due));
		// "N days after the activity" counts from its end only in the round the activity
		// ends in: only such a report carries its rule and the round's deadline (a report
		// with a rule follows it, ReportDeadlines); any other report's due date is fixed
		// here
		if (finalRound && assignment.deadlineRule().countsFromActivityEnd()) {
			report.put(DEADLINE_RULE, assignment.deadlineRule().toString());
			report.put(DistrictReportProcess.ROUND_DEADLINE, roundDeadline);
		}
		report.put(CUMULATIVE_PROGRESS, !finalRound);
		report.put(ACTIVITY_PERIOD_TEXT,
				assignment.activityPeriod()
					.map(p -> p.toThai())
					.orElse(ReportSchedule.window(assignment)
						.equals(th.raingan.project.ActivityPeriod
							.wholeYear(th.raingan.thai.FiscalYear.of(project.fiscalYearBe()))) ? "ทั้งปีงบประมาณ"
									: null));
		report.put(DUE_DATE_TEXT, BuddhistDates.formatLong(due));
		report.put(REVISION, 1);
		// what other capabilities add (th.raingan.evaluation: the plan's EA3 topics, the
		// EA4 upload slot)
		report.keySet().stream().filter(name -> report.get(name) == null).toList().forEach(report::remove);
		extensions.forEach(e -> report.putAll(e.inputs(assignment)));
	}

	@Override
	public void mapOutputVariables(DelegateExecution officeRound, VariableScope report) {
		// the round reads the reports' outcome from the project's tables, not from
		// variables
	}

}
