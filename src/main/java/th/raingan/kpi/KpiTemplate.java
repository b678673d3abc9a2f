package th.raingan.kpi;

import java.util.List;

/**
 * A round's KPI set from one of the letters: team and individual indicators, for one
 * fiscal year and its round(s), and the provinces that may use it (empty: every province,
 * the department's set).
 */
public record KpiTemplate(String id, String nameTh, int fiscalYearBe, List<Integer> rounds, List<String> provinces,
		List<Indicator> team, List<Indicator> individual) {

	public Indicator indicator(String indicatorId) {
		return java.util.stream.Stream.concat(team.stream(), individual.stream())
			.filter(i -> i.id().equals(indicatorId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no indicator " + indicatorId + " in " + id));
	}

	public boolean isIndividual(String indicatorId) {
		return individual.stream().anyMatch(i -> i.id().equals(indicatorId));
	}

	public boolean usableBy(String provinceCode) {
		return provinces.isEmpty() || provinces.contains(provinceCode);
	}

	/**
	 * Why this template cannot close a province's round, in Thai (every reason), or null
	 * when it can.
	 */
	public String refusal(int fiscalYear, int round, String provinceCode) {
		java.util.List<String> why = new java.util.ArrayList<>();
		if (fiscalYear != fiscalYearBe) {
			why.add("เป็นของปีงบประมาณ " + fiscalYearBe + " ใช้กับรอบปี " + fiscalYear + " ไม่ได้");
		}
		if (!rounds.contains(round)) {
			why.add("ใช้กับรอบที่ "
					+ rounds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
					+ " เท่านั้น ไม่ใช่รอบที่ " + round);
		}
		if (provinceCode != null && !usableBy(provinceCode)) {
			why.add("เป็นของจังหวัดอื่น");
		}
		return why.isEmpty() ? null : "แม่แบบ \"" + nameTh + "\" " + String.join(" และ", why);
	}

}
