package th.raingan.org;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import th.raingan.engine.SignedIn;

/**
 * The start event's listener of every process a user starts ({@code reporting-round},
 * {@code kpi-round-close}, {@code kpi-target-plan}): the starter is the signed-in user,
 * written by the server over whatever {@code initiator} the start sent. Camunda writes
 * {@code camunda:initiator} before the start's variables, so a sent
 * {@code "initiator": "manager42"} would otherwise win; this listener runs after them, in
 * the start's own transaction, before any asynchronous step. Started by the engine's own
 * job (the reporting round starting its KPI close), nobody is signed in: the variable is
 * removed, and the process acts for what the server handed it.
 */
@Component("signedInStarter")
class SignedInStarter implements ExecutionListener {

	/** The variable every start event names as its {@code camunda:initiator}. */
	static final String INITIATOR = "initiator";

	private final IdentityService identity;

	SignedInStarter(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public void notify(DelegateExecution execution) {
		java.util.Optional<SignedIn> user = SignedIn.current(identity);
		if (user.isPresent()) {
			execution.getProcessInstance().setVariable(INITIATOR, user.get().userId());
		}
		else {
			execution.getProcessInstance().removeVariable(INITIATOR);
		}
	}

}
