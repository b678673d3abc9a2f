package th.raingan.round;

import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;

import th.raingan.org.OrgUnits;
import th.raingan.report.ReportExtension;
import th.raingan.report.ReportTracker;

/**
 * The round capability's delegates and variable mappings for the process flow tests
 * (th.raingan.process): the production classes, built with the services given (mocks of
 * what reaches the tables; the engine's own services real) instead of by Spring.
 */
public final class RoundFlowBeans {

	private RoundFlowBeans() {
	}

	public static JavaDelegate openRoundDelegate(RoundService rounds, HistoryService history) {
		return new OpenRoundDelegate(rounds, history);
	}

	public static JavaDelegate closeRoundDelegate(RuntimeService runtime, ReportTracker tracker) {
		return new CloseRoundDelegate(runtime, tracker);
	}

	public static DelegateVariableMapping officeRoundInputs() {
		return new OfficeRoundInputs();
	}

	/** With no other capability's inputs (the evaluation's are its own test's). */
	@SuppressWarnings("unchecked")
	public static DelegateVariableMapping districtReportInputs(RoundService rounds, OrgUnits orgUnits) {
		// a mock's orderedStream() is an empty stream
		return new DistrictReportInputs(rounds, orgUnits, mock(ObjectProvider.class));
	}

}
