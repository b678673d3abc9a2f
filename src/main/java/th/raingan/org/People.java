package th.raingan.org;

import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * How the webapps, mails and printouts name a person: their Thai name from their profile
 * (the Camunda user's first and last name, which the onboarding import and the profile
 * screens fill in Thai), never only the login. Looked up as the engine, so a district
 * officer sees the name of the reviewer who returned their report although the engine
 * would not let them read that user.
 */
@Component
public class People {

	private final Directory directory;

	People(Directory directory) {
		this.directory = directory;
	}

	/**
	 * "สมชาย ใจดี" for {@code somchai}; the user id itself for an account without a name
	 * (or "system").
	 */
	public String displayName(String userId) {
		if (userId == null || userId.isBlank()) {
			return "";
		}
		User user = directory.user(userId).orElse(null);
		if (user == null) {
			return userId;
		}
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName()))
			.strip();
		return name.isEmpty() ? userId : name;
	}

}
