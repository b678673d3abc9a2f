package th.raingan.deadline;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The e-mail addresses of a group's members, from their profiles (seed 004: notifications use them). */
@Component
public class Recipients {

	private final IdentityService identity;

	Recipients(IdentityService identity) {
		this.identity = identity;
	}

	public List<String> of(String groupId) {
		return identity.createUserQuery()
			.memberOfGroup(groupId)
			.list()
			.stream()
			.map(User::getEmail)
			.filter(Objects::nonNull)
			.filter(email -> !email.isBlank())
			.sorted()
			.toList();
	}

}
