package th.raingan.deadline;

import java.util.List;

import org.springframework.stereotype.Component;

import th.raingan.org.Profiles;

/**
 * The e-mail addresses of a group's members, from their profiles (the Buriram KPI letter:
 * notifications use them; docs/requirements/overview.md): everyone Camunda has in the
 * group now, the shared district account and the district's people alike.
 */
@Component
public class Recipients {

	private final Profiles profiles;

	Recipients(Profiles profiles) {
		this.profiles = profiles;
	}

	public List<String> of(String groupId) {
		return profiles.emailsOf(groupId);
	}

}
