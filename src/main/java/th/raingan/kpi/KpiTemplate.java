package th.raingan.kpi;

import java.util.List;

/** A round's KPI set from one of the letters: team and individual indicators. */
public record KpiTemplate(String id, int fiscalYearBe, List<Integer> rounds, List<Indicator> team,
		List<Indicator> individual) {

	public Indicator indicator(String indicatorId) {
		return java.util.stream.Stream.concat(team.stream(), individual.stream())
			.filter(i -> i.id().equals(indicatorId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no indicator " + indicatorId + " in " + id));
	}

}
