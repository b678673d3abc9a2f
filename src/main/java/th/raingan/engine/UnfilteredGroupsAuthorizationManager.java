package th.raingan.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks, without the per-command scan of the authorization
 * table.
 * <p>
 * Camunda's {@link AuthorizationManager#filterAuthenticatedGroupIds(List)} first reads
 * every distinct group id that has any authorization
 * ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}, statement
 * {@code selectAuthorizedGroupIds}) and keeps only the user's groups among them, once in
 * each command that has an authenticated user. The filter exists to shorten the
 * {@code GROUP_ID_ IN (...)} list for users in hundreds of directory groups; Raingan's
 * users are in one to three groups, while the table holds one row per open task: with the
 * nation's 35,000 open reports the scan cost 12 ms in every task list and every
 * completion (BENCHMARK.md).
 * <p>
 * This manager hands the user's own groups to the checks unfiltered. The checks
 * themselves are unchanged: a group with no authorization row matches no row in
 * {@code isUserAuthorizedForResource} or in a query's authorization join, so the answer
 * is the same as with the filtered list. Registered by {@link AuthorizationCostPlugin};
 * {@code UnfilteredGroupsAuthorizationManagerTest} fails if the engine stops using it or
 * starts running the statement elsewhere.
 */
class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {

	@Override
	public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
		if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
			// the engine's own empty list (a mutable ArrayList: MyBatis calls its methods
			// reflectively)
			return EMPTY_LIST;
		}
		// as the engine's: no duplicates, no null, a plain ArrayList
		LinkedHashSet<String> groups = new LinkedHashSet<>(authenticatedGroupIds);
		groups.removeIf(Objects::isNull);
		return new ArrayList<>(groups);
	}

}
