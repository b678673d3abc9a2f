package th.raingan.round;

import static th.raingan.round.ReportingRoundProcess.*;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import th.raingan.report.ReportRefused;
import th.raingan.thai.Clock;

/**
 * {@code Task_OpenRound}: checks the manager's request and lists the district reports to
 * start.
 */
@Component("openRoundDelegate")
class OpenRoundDelegate implements JavaDelegate {

	private final RoundService rounds;

	private final HistoryService history;

	OpenRoundDelegate(RoundService rounds, HistoryService history) {
		this.rounds = rounds;
		this.history = history;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RoundService.Round round = rounds.open((String) execution.getVariable(INITIATOR),
				execution.getVariable(FISCAL_YEAR), execution.getVariable(ROUND_NO),
				execution.getVariable(REPORTING_DEADLINE));
		boolean alreadyOpened = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(round.key())
			.list()
			.stream()
			.anyMatch(other -> !other.getId().equals(execution.getProcessInstanceId()));
		if (alreadyOpened) {
			throw new ReportRefused("เปิดรอบการรายงานไม่ได้:", List.of("รอบการประเมิน: รอบที่ " + round.roundNo() + "/"
					+ round.fiscalYearBe() + " ของจังหวัดนี้เปิดไปแล้ว"));
		}
		execution.setProcessBusinessKey(round.key());
		execution.setVariable(ROUND_KEY, round.key());
		execution.setVariable(PROVINCE_CODE, round.provinceCode());
		execution.setVariable(FISCAL_YEAR, round.fiscalYearBe());
		execution.setVariable(ROUND_NO, round.roundNo());
		execution.setVariable(ROUND_DEADLINE, Clock.endOfDay(round.deadline()));
		execution.setVariable(REPORT_KEYS, round.reportKeys());
		execution.setVariable(LATE_WINDOWS, round.warnings().isEmpty() ? null : String.join("\n", round.warnings()));
		execution.setVariable(OFFICE_CODES,
				round.reportKeys().stream().map(RoundService::officeOf).distinct().toList());
		execution.setVariable(ROUND_END,
				Clock.endOfDay(th.raingan.thai.FiscalYear.of(round.fiscalYearBe()).roundEnd(round.roundNo())));
	}

}
