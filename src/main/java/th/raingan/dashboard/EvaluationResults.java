package th.raingan.dashboard;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;

/**
 * The kept province evaluation results (EA3 per topic, as the province's strategy unit
 * recorded them) for the dashboards, supplied by another capability without the dashboard
 * knowing it (th.raingan.evaluation implements it; the dashboard only shows and exports).
 * Implementations are Spring beans; with none, the dashboards show no evaluation part.
 */
public interface EvaluationResults {

	/**
	 * One key topic of a recorded result: respondents of the offices behind it, the
	 * recorded percentages and the respondent-weighted ones computed from the offices.
	 */
	record Topic(String topic, int respondents, BigDecimal knowledge, BigDecimal use, BigDecimal satisfaction,
			BigDecimal weightedKnowledge, BigDecimal weightedUse, BigDecimal weightedSatisfaction) {

	}

	/**
	 * An evaluated activity of the province's plan: its number in the letter, names,
	 * forms, how many offices are assigned and how many have an approved report, and its
	 * recorded result (recorded false: none yet; topics then empty).
	 */
	record Activity(long id, String itemNo, String budgetCode, String projectTh, String activityTh,
			boolean evaluationForm, boolean dataForm, int assigned, int approved, boolean recorded, Integer respondents,
			Integer districts, String recordedBy, Date recordedAt, String adjustReason, List<Topic> topics) {

	}

	/**
	 * The evaluated activities of a province's plan for a fiscal year, in the plan's
	 * order.
	 */
	List<Activity> activities(int fiscalYearBe, String provinceCode);

	/** The provinces that have an evaluation plan for the fiscal year. */
	List<String> provinces(int fiscalYearBe);

}
