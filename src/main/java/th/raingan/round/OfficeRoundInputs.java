package th.raingan.round;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * What an office's {@code district-round} starts with, from its province's
 * {@code reporting-round}: the round and only this office's report keys.
 */
@Component("officeRoundInputs")
class OfficeRoundInputs implements DelegateVariableMapping {

	@Override
	public void mapInputVariables(DelegateExecution round, VariableMap officeRound) {
		String office = (String) round.getVariable(ReportingRoundProcess.OFFICE_CODE);
		@SuppressWarnings("unchecked")
		List<String> keys = (List<String>) round.getVariable(ReportingRoundProcess.REPORT_KEYS);
		officeRound.put(DistrictRoundProcess.ROUND_KEY, round.getVariable(ReportingRoundProcess.ROUND_KEY));
		officeRound.put(DistrictRoundProcess.FISCAL_YEAR, round.getVariable(ReportingRoundProcess.FISCAL_YEAR));
		officeRound.put(DistrictRoundProcess.ROUND_NO, round.getVariable(ReportingRoundProcess.ROUND_NO));
		officeRound.put(DistrictRoundProcess.ROUND_DEADLINE, round.getVariable(ReportingRoundProcess.ROUND_DEADLINE));
		officeRound.put(DistrictRoundProcess.OFFICE_CODE, office);
		officeRound.put(DistrictRoundProcess.REPORT_KEYS,
				keys.stream().filter(key -> RoundService.officeOf(key).equals(office)).toList());
	}

	@Override
	public void mapOutputVariables(DelegateExecution round, VariableScope officeRound) {
		// the round reads its reports' outcome from the project's tables
	}

}
