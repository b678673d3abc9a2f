package th.raingan.plan;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import th.raingan.org.Officers;
import th.raingan.org.OrgUnits;
import th.raingan.org.Routing;

/**
 * The KPI target plan's delegates for the process flow tests (th.raingan.process): the
 * production lambdas of {@link PlanDelegates}, built with the services given (mocks of
 * what reaches the tables) instead of by Spring.
 */
public final class PlanFlowBeans {

	private static final PlanDelegates DELEGATES = new PlanDelegates();

	private PlanFlowBeans() {
	}

	public static JavaDelegate openPlanDelegate(PlanService plans, Officers officers, OrgUnits orgUnits,
			IndicatorCatalogue catalogue) {
		return DELEGATES.openPlanDelegate(plans, officers, orgUnits, catalogue);
	}

	public static JavaDelegate checkPlanDelegate(PlanService plans, IdentityService identity, Routing routing) {
		return DELEGATES.checkPlanDelegate(plans, identity, routing);
	}

	public static JavaDelegate signOffPlanDelegate(PlanService plans, IdentityService identity) {
		return DELEGATES.signOffPlanDelegate(plans, identity);
	}

	public static JavaDelegate recordProvinceDecisionDelegate(PlanService plans, IdentityService identity,
			Routing routing) {
		return DELEGATES.recordProvinceDecisionDelegate(plans, identity, routing);
	}

}
