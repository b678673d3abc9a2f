package th.raingan.round;

import java.util.Collection;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

import th.raingan.engine.AsEngine;
import th.raingan.engine.SignedIn;

/**
 * What opening a round did, for the manager who opened it: how many reports and how many
 * offices. Read from the round's own variables ({@code Task_OpenRound} lists them before
 * the reports start asynchronously), for the user who started that instance only.
 */
@Service
public class RoundOpened {

	/** "เปิดรอบแล้ว: n รายงาน m อำเภอ" */
	public record Summary(String roundKey, int reports, int offices) {

		public String message() {
			return "เปิดรอบแล้ว: " + reports + " รายงาน " + offices + " อำเภอ";
		}

	}

	private final HistoryService history;

	private final IdentityService identity;

	RoundOpened(HistoryService history, IdentityService identity) {
		this.history = history;
		this.identity = identity;
	}

	public Optional<Summary> of(String processInstanceId) {
		SignedIn user = SignedIn.current(identity).orElse(null);
		if (user == null) {
			return Optional.empty();
		}
		// the manager may start a round but not read the engine's history: this reads it
		// for them, after checking
		// they started this very instance
		return AsEngine.call(identity, () -> {
			HistoricProcessInstance round = history.createHistoricProcessInstanceQuery()
				.processInstanceId(processInstanceId)
				.processDefinitionKey(ReportingRoundProcess.KEY)
				.singleResult();
			if (round == null || !user.userId().equals(round.getStartUserId())) {
				return Optional.empty();
			}
			return Optional
				.of(new Summary(round.getBusinessKey(), size(processInstanceId, ReportingRoundProcess.REPORT_KEYS),
						size(processInstanceId, ReportingRoundProcess.OFFICE_CODES)));
		});
	}

	private int size(String processInstanceId, String variable) {
		HistoricVariableInstance value = history.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.variableName(variable)
			.singleResult();
		return value != null && value.getValue() instanceof Collection<?> list ? list.size() : 0;
	}

}
