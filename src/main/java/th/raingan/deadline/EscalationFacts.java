package th.raingan.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The office and round of a {@code deadline-escalation}, from its business key
 * {@code 2570-1/42/4201} ({@link EscalationService} starts it so), never from its
 * variables: the manager's task's candidate group
 * ({@code ${routing.managerGroup(escalationFacts.office(execution))}}) and what the
 * escalation lists and closes follow from the key.
 */
@Component("escalationFacts")
public class EscalationFacts {

	public String office(DelegateExecution execution) {
		return office(execution.getProcessBusinessKey());
	}

	static String office(String businessKey) {
		return businessKey.substring(businessKey.lastIndexOf('/') + 1);
	}

	static String roundKey(String businessKey) {
		return businessKey.substring(0, businessKey.lastIndexOf('/'));
	}

}
