package th.raingan.kpi;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import th.raingan.deadline.Recipients;
import th.raingan.mail.Mailer;
import th.raingan.org.OrgUnits;
import th.raingan.org.People;

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

	/** What the KPI round's delegates reach outside the engine. */
	public record Services(KpiRoundService rounds, OrgUnits orgUnits, KpiPeople people, KpiAgreements agreements,
			KpiCatalog catalog, People names, Mailer mailer, Recipients recipients, IdentityService identity) {
	}

	public static JavaDelegate freezeRoundDelegate(Services s) {
		return DELEGATES.freezeRoundDelegate(s.rounds(), s.orgUnits());
	}

	public static JavaDelegate prepareEntriesDelegate(Services s) {
		return DELEGATES.prepareEntriesDelegate(s.rounds(), s.orgUnits(), s.people(), s.agreements(), s.catalog());
	}

	public static JavaDelegate recordAgreementsDelegate(Services s) {
		return DELEGATES.recordAgreementsDelegate(s.agreements(), s.identity());
	}

	public static JavaDelegate preparePersonDelegate(Services s) {
		return DELEGATES.preparePersonDelegate(s.agreements(), s.names());
	}

	public static JavaDelegate recordOfficerConfirmationDelegate(Services s) {
		return DELEGATES.recordOfficerConfirmationDelegate(s.agreements(), s.identity());
	}

	public static JavaDelegate recordHeadConfirmationDelegate(Services s) {
		return DELEGATES.recordHeadConfirmationDelegate(s.agreements(), s.identity());
	}

	public static JavaDelegate preparePersonEntriesDelegate(Services s) {
		return DELEGATES.preparePersonEntriesDelegate(s.agreements());
	}

	public static JavaDelegate checkIndividualEntriesDelegate(Services s) {
		return DELEGATES.checkIndividualEntriesDelegate(s.agreements(), s.identity());
	}

	public static JavaDelegate recordHeadVerificationDelegate(Services s) {
		return DELEGATES.recordHeadVerificationDelegate(s.agreements(), s.identity());
	}

	public static JavaDelegate checkEntriesDelegate(Services s) {
		return DELEGATES.checkEntriesDelegate(s.rounds());
	}

	public static JavaDelegate recordVerificationDelegate(Services s) {
		return DELEGATES.recordVerificationDelegate(s.identity());
	}

	public static JavaDelegate computeScoresDelegate(Services s) {
		return DELEGATES.computeScoresDelegate(s.rounds());
	}

	public static JavaDelegate takeSnapshotDelegate(Services s) {
		return DELEGATES.takeSnapshotDelegate(s.rounds(), s.identity());
	}

	public static JavaDelegate recordReopenDelegate(Services s) {
		return DELEGATES.recordReopenDelegate(s.rounds());
	}

	public static JavaDelegate notifyDistrictsDelegate(Services s) {
		return DELEGATES.notifyDistrictsDelegate(s.rounds(), s.mailer(), s.recipients(), s.orgUnits());
	}

	/** Run by {@code reporting-round}'s end: starts {@code kpi-round-close}. */
	public static JavaDelegate startKpiRoundCloseDelegate(RuntimeService runtime, KpiCatalog catalog) {
		return DELEGATES.startKpiRoundCloseDelegate(runtime, catalog);
	}

}
