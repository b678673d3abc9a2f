package th.raingan.org;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** How the webapps, mails and printouts name a person: their Thai name, never only the login. */
@Component
public class People {

	private final IdentityService identity;

	People(IdentityService identity) {
		this.identity = identity;
	}

	/** "สมชาย ใจดี" for {@code somchai.j}; the user id itself for an account without a name (or "system"). */
	public String displayName(String userId) {
		if (userId == null || userId.isBlank()) {
			return "";
		}
		User user = identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return userId;
		}
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).strip();
		return name.isEmpty() ? userId : name;
	}

}
