package th.raingan.report;

import java.util.List;
import java.util.Map;

import th.raingan.project.Assignment;

/**
 * What another capability adds to a district report, without the report knowing it
 * (th.raingan.evaluation adds the evaluation plan's EA3 per key topic and the EA4 file):
 * the variables a report starts with, the EA section's check
 * ({@link ReportValidator.EvaluationSection}), problems found before submission, and what
 * is kept with a submitted version. Implementations are Spring beans; the report's
 * delegates and the round's inputs ask every one.
 */
public interface ReportExtension extends ReportValidator.EvaluationSection {

	/** Variables a report of this assignment starts with. */
	default Map<String, Object> inputs(Assignment assignment) {
		return Map.of();
	}

	@Override
	default boolean applies(Map<String, Object> values) {
		return false;
	}

	@Override
	default ReportValidator.Overall check(Map<String, Object> values, Integer respondents, int participants,
			java.util.function.BiConsumer<String, String> error) {
		return null;
	}

	/**
	 * Problems ("field label: why") of a held report about to be submitted, beside the
	 * validator's.
	 */
	default List<String> beforeSubmit(String businessKey, Map<String, Object> values) {
		return List.of();
	}

	/**
	 * The most rows each of the extension's lists takes, by variable name: a draft holds
	 * no more (draft.Drafts).
	 */
	default Map<String, Integer> maxRows() {
		return Map.of();
	}

	/** A version was submitted (in the same transaction): keep what belongs with it. */
	default void submitted(long versionId, Map<String, Object> values) {
	}

}
