package th.raingan.org;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import th.raingan.engine.AsEngine;

/**
 * Camunda's identity as the application reads it for its own decisions: who is in which
 * group, a user's name and e-mail. With authorization checks on, the engine filters
 * identity queries by the signed-in user's READ permission on USER and GROUP: a district
 * officer could not even read their province manager's name, a department user not the
 * groups of the people they look at. These lookups therefore run as the engine itself (no
 * authentication on the thread, through the public {@link IdentityService}) and put the
 * signed-in user back afterwards; what a user may then see is decided by the callers
 * ({@link Officers}, the profile screens).
 */
@Component
public class Directory {

	private final IdentityService identity;

	Directory(IdentityService identity) {
		this.identity = identity;
	}

	/** The ids of the groups the user is a member of, as Camunda Admin shows them now. */
	public List<String> groupsOf(String userId) {
		if (userId == null || userId.isBlank()) {
			return List.of();
		}
		return asEngine(
				() -> identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
	}

	public Optional<User> user(String userId) {
		if (userId == null || userId.isBlank()) {
			return Optional.empty();
		}
		return asEngine(() -> Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult()));
	}

	/** The members of a group, by user id. */
	public List<User> members(String groupId) {
		return asEngine(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list());
	}

	/** Users by id, those that exist. */
	public List<User> users(List<String> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return asEngine(() -> identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list());
	}

	public boolean groupExists(String groupId) {
		return asEngine(() -> identity.createGroupQuery().groupId(groupId).count() > 0);
	}

	/**
	 * Runs identity work without the signed-in user's authorization filter, and restores
	 * the signed-in user.
	 */
	public <T> T asEngine(Supplier<T> work) {
		return AsEngine.call(identity, work);
	}

}
