package th.raingan.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One KPI of a template (src/main/resources/kpi/kpi-templates.yaml): how it is scored into levels 0-5 and where its
 * value comes from: a {@code measure} of the system's own records, or entered by the office with evidence. Thresholds and ranges are ascending, level 1 first.
 */
public record Indicator(String id, String nameTh, BigDecimal weight, Kind kind, String comparison,
		List<BigDecimal> thresholds, List<BigDecimal> secondThresholds, Map<String, List<BigDecimal>> thresholdsByStaff,
		List<BigDecimal[]> ranges, List<String> milestones, String measure) {

	public enum Kind {

		THRESHOLD, RANGE, MILESTONE

	}

	/** Scored from the system's own records (a {@code measure}), not entered by the office. */
	public boolean computed() {
		return measure != null;
	}

	/** "more than" ({@code >}) or "at least" ({@code >=}), as the letter says; at least when it says nothing. */
	public boolean strictlyMore() {
		return ">".equals(comparison);
	}

}
