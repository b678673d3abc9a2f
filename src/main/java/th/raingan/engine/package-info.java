/**
 * The one place where Raingan uses the engine's internal
 * ({@code org.camunda.bpm.engine.impl}) classes, each where Camunda has no public API for
 * what the application needs: who is signed in ({@link th.raingan.engine.SignedIn}), work
 * done as the engine itself ({@link th.raingan.engine.AsEngine}), the engine's clock
 * ({@link th.raingan.engine.EngineClock}) and the translation of a business refusal into
 * the engine's form validation failure ({@link th.raingan.engine.RefusalTranslation}),
 * and the authorization session without the per-command scan of the authorization table
 * ({@link th.raingan.engine.UnfilteredGroupsAuthorizationManager}, registered by
 * {@link th.raingan.engine.AuthorizationCostPlugin};
 * {@code UnfilteredGroupsAuthorizationManagerTest}), the guard that lets a signed-in
 * user's completion or start set only what its form asks
 * ({@link th.raingan.engine.FormGuard}, registered by
 * {@link th.raingan.engine.FormGuardPlugin}; {@code FormGuardTest},
 * {@code CommandVariablesTest}, {@code FormForgeryTest}), the history handler that keeps
 * no variable history of the reports ({@link th.raingan.engine.VariableHistoryPlugin};
 * {@code DistrictReportProcessTest}), and a user's own account: READ and their password
 * only ({@link th.raingan.engine.OwnUserPlugin}; {@code OwnUserPluginTest}). The rest of
 * the code sees plain Java types; {@code ArchitectureTest} keeps it so, and
 * {@code EngineAdapterTest} fails if the relied-on behaviour changes.
 */
package th.raingan.engine;
