package th.raingan.kpi;

import java.math.BigDecimal;
import java.util.List;

/**
 * One KPI of a template (src/main/resources/kpi/kpi-templates.yaml): its weight, the
 * inputs its levels are decided on and its level tables. Every rule the letters use
 * (thresholds with {@code >} or {@code >=}, ranges, milestones with or without dates,
 * thresholds by staff size, several conditions per level, mixed comparisons, an
 * alternative table chosen by a condition) is data of this one shape; {@link Scoring} has
 * no branch per rule.
 *
 * @param kind how the letter words it (threshold, range, milestone, rules): for display
 * only
 * @param responsible the unit and officer the letter names as responsible, if it names
 * one
 */
public record Indicator(String id, String nameTh, BigDecimal weight, String kind, List<Input> inputs,
		List<LevelTable> tables, String responsible) {

	/** Scored from the system's own records alone: nothing to enter. */
	public boolean computed() {
		return inputs.stream().allMatch(Input::computed);
	}

	public Input input(String inputId) {
		return inputs.stream().filter(i -> i.id().equals(inputId)).findFirst().orElse(null);
	}

	/** The table that applies to a measurement: the first whose conditions hold. */
	public LevelTable table(Measurement m) {
		return tables.stream().filter(t -> t.applies(m)).findFirst().orElse(null);
	}

}
