package th.raingan.engine;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The user the engine knows as signed in on this thread (Tasklist, Cockpit,
 * {@code /engine-rest} and the project's own endpoints all set it), with the groups the
 * engine's authorization checks use. Camunda hands it out only as its internal
 * {@code Authentication}; this is the plain copy the rest of the application reads.
 */
public record SignedIn(String userId, List<String> groupIds) {

	public SignedIn {
		groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
	}

	/** Who is signed in, or empty for the engine's own jobs and anonymous calls. */
	public static Optional<SignedIn> current(IdentityService identity) {
		Authentication authentication = identity.getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			return Optional.empty();
		}
		return Optional.of(new SignedIn(authentication.getUserId(), authentication.getGroupIds()));
	}

	public boolean inGroup(String groupId) {
		return groupIds.contains(groupId);
	}

}
