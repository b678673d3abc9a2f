package th.raingan.kpi;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import th.raingan.deadline.Recipients;
import th.raingan.mail.Mailer;
import th.raingan.org.OrgUnits;
import th.raingan.org.People;
import th.raingan.org.Routing;

/**
 * The KPI round's delegates for the process flow tests (th.raingan.process): the
 * production lambdas of {@link KpiRoundDelegates}, built with the services given (mocks
 * of what reaches the tables and the mail; the engine's own services real) instead of by
 * Spring.
 */
public final class KpiFlowBeans {

	private static final KpiRoundDelegates DELEGATES = new KpiRoundDelegates();

	private KpiFlowBeans() {
	}

	/**
	 * What the KPI round's delegates reach outside the engine, and the routing the BPMN's
	 * and the decisions' groups come from.
	 */
	public record Services(KpiRoundService rounds, OrgUnits orgUnits, KpiPeople people, KpiAgreements agreements,
			KpiCatalog catalog, People names, Mailer mailer, Recipients recipients, IdentityService identity,
			Routing routing) {

		/** {@code ${kpiFacts}}: the round, its template, office, head and officer. */
		public KpiFacts facts() {
			return new KpiFacts(rounds, people, agreements);
		}

	}

	public static JavaDelegate freezeRoundDelegate(Services s) {
		return DELEGATES.freezeRoundDelegate(s.rounds(), s.orgUnits());
	}

	public static JavaDelegate prepareEntriesDelegate(Services s) {
		return DELEGATES.prepareEntriesDelegate(s.rounds(), s.orgUnits(), s.people(), s.agreements(), s.catalog(),
				s.facts());
	}

	public static JavaDelegate recordAgreementsDelegate(Services s) {
		return DELEGATES.recordAgreementsDelegate(s.agreements(), s.identity(), s.facts(), s.routing());
	}

	public static JavaDelegate preparePersonDelegate(Services s) {
		return DELEGATES.preparePersonDelegate(s.agreements(), s.names(), s.facts());
	}

	public static JavaDelegate recordOfficerConfirmationDelegate(Services s) {
		return DELEGATES.recordOfficerConfirmationDelegate(s.agreements(), s.identity(), s.facts());
	}

	public static JavaDelegate recordHeadConfirmationDelegate(Services s) {
		return DELEGATES.recordHeadConfirmationDelegate(s.agreements(), s.identity(), s.facts());
	}

	public static JavaDelegate preparePersonEntriesDelegate(Services s) {
		return DELEGATES.preparePersonEntriesDelegate(s.agreements(), s.facts());
	}

	public static JavaDelegate checkIndividualEntriesDelegate(Services s) {
		return DELEGATES.checkIndividualEntriesDelegate(s.agreements(), s.identity(), s.facts());
	}

	public static JavaDelegate recordHeadVerificationDelegate(Services s) {
		return DELEGATES.recordHeadVerificationDelegate(s.agreements(), s.identity(), s.facts());
	}

	public static JavaDelegate checkEntriesDelegate(Services s) {
		return DELEGATES.checkEntriesDelegate(s.rounds(), s.facts(), s.routing());
	}

	public static JavaDelegate recordVerificationDelegate(Services s) {
		return DELEGATES.recordVerificationDelegate(s.identity(), s.facts(), s.routing());
	}

	public static JavaDelegate computeScoresDelegate(Services s) {
		return DELEGATES.computeScoresDelegate();
	}

	public static TaskListener kpiScorecardListener(Services s) {
		return DELEGATES.kpiScorecardListener(s.rounds(), s.facts());
	}

	public static JavaDelegate takeSnapshotDelegate(Services s) {
		return DELEGATES.takeSnapshotDelegate(s.rounds(), s.identity(), s.facts(), s.routing());
	}

	public static JavaDelegate recordReopenDelegate(Services s) {
		return DELEGATES.recordReopenDelegate(s.rounds(), s.facts());
	}

	public static JavaDelegate notifyDistrictsDelegate(Services s) {
		return DELEGATES.notifyDistrictsDelegate(s.rounds(), s.mailer(), s.recipients(), s.orgUnits(), s.facts());
	}

	/** Run by {@code reporting-round}'s end: starts {@code kpi-round-close}. */
	public static JavaDelegate startKpiRoundCloseDelegate(RuntimeService runtime, KpiCatalog catalog) {
		return DELEGATES.startKpiRoundCloseDelegate(runtime, catalog);
	}

}
