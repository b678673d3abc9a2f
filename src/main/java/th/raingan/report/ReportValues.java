package th.raingan.report;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a report derives instead of keeping it as a variable of its own (issue 22: each
 * variable is a row at runtime and another in history). The fiscal year, the round and
 * the province are in the report's round key ({@code 2569-1/42}, as
 * {@code RoundService.roundKey} builds it), which every report carries as
 * {@link DistrictReportProcess#ROUND_KEY}.
 */
public final class ReportValues {

	private ReportValues() {
	}

	/** The fiscal year (Buddhist Era) of a round key {@code 2569-1/42}. */
	public static int fiscalYear(String roundKey) {
		return Integer.parseInt(roundKey.substring(0, roundKey.indexOf('-')));
	}

	/** The round's number in its fiscal year, of a round key {@code 2569-1/42}. */
	public static int roundNo(String roundKey) {
		return Integer.parseInt(roundKey.substring(roundKey.indexOf('-') + 1, roundKey.indexOf('/')));
	}

	/** The province of a round key {@code 2569-1/42}. */
	public static String provinceCode(String roundKey) {
		return roundKey.substring(roundKey.indexOf('/') + 1);
	}

	/** The report's round key. */
	public static String roundKey(VariableScope report) {
		return (String) report.getVariable(DistrictReportProcess.ROUND_KEY);
	}

	/**
	 * A value the forms show only when there is one: set when present, otherwise removed
	 * (a variable holding null is a row like any other; a form's FEEL reads a missing
	 * variable as null).
	 */
	public static void setOrRemove(VariableScope scope, String name, Object value) {
		if (value == null) {
			scope.removeVariable(name);
		}
		else {
			scope.setVariable(name, value);
		}
	}

}
