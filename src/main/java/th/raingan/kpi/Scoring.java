package th.raingan.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The letters' scoring, as a plain service: a value to a level 0-5, a district's weighted score (on the 5-point
 * scale and as a percent), and how far it is from the next level.
 */
public final class Scoring {

	static final BigDecimal FIVE = BigDecimal.valueOf(5);

	private Scoring() {
	}

	public static int level(Indicator indicator, Measurement m) {
		return switch (indicator.kind()) {
			case THRESHOLD -> {
				int level = thresholdLevel(thresholds(indicator, m), m.value(), indicator.strictlyMore());
				if (indicator.secondThresholds() != null) {
					level = Math.min(level,
							thresholdLevel(indicator.secondThresholds(), m.secondValue(), indicator.strictlyMore()));
				}
				yield level;
			}
			case RANGE -> rangeLevel(indicator.ranges(), m.value());
			case MILESTONE -> Math.max(0, Math.min(5, m.milestonesMet()));
		};
	}

	/** Level N is reached when the value passes threshold N: "more than 75" is not reached by 75 itself. */
	static int thresholdLevel(List<BigDecimal> thresholds, BigDecimal value, boolean strictlyMore) {
		if (value == null) {
			return 0;
		}
		int level = 0;
		for (int i = 0; i < thresholds.size(); i++) {
			int cmp = value.compareTo(thresholds.get(i));
			if (strictlyMore ? cmp > 0 : cmp >= 0) {
				level = i + 1;
			}
		}
		return level;
	}

	/** The level of the highest range the score has reached (ranges are closed: 0-22, 23-44, ...). */
	static int rangeLevel(List<BigDecimal[]> ranges, BigDecimal value) {
		if (value == null) {
			return 0;
		}
		int level = 0;
		for (int i = 0; i < ranges.size(); i++) {
			if (value.compareTo(ranges.get(i)[0]) >= 0) {
				level = i + 1;
			}
		}
		return level;
	}

	private static List<BigDecimal> thresholds(Indicator indicator, Measurement m) {
		Map<String, List<BigDecimal>> byStaff = indicator.thresholdsByStaff();
		if (byStaff == null) {
			return indicator.thresholds();
		}
		int staff = m.staff() == null ? Integer.MAX_VALUE : m.staff();
		if (staff <= 2) {
			return byStaff.get("<=2");
		}
		return staff <= 4 ? byStaff.get("<=4") : byStaff.get(">4");
	}

	/** Σ weight × level / Σ weight: the district's score on the 5-point scale, two decimals. */
	public static BigDecimal weightedScore(Map<Indicator, Integer> levels) {
		BigDecimal weights = BigDecimal.ZERO;
		BigDecimal sum = BigDecimal.ZERO;
		for (Map.Entry<Indicator, Integer> e : levels.entrySet()) {
			weights = weights.add(e.getKey().weight());
			sum = sum.add(e.getKey().weight().multiply(BigDecimal.valueOf(e.getValue())));
		}
		return weights.signum() == 0 ? BigDecimal.ZERO : sum.divide(weights, 2, RoundingMode.HALF_UP);
	}

	/** The 5-point score as a percent of the full 5 points. */
	public static BigDecimal percent(BigDecimal score) {
		return score.multiply(BigDecimal.valueOf(100)).divide(FIVE, 2, RoundingMode.HALF_UP);
	}

	/** What the next level asks, in Thai, or null at level 5. */
	public static String toNextLevel(Indicator indicator, Measurement m) {
		int level = level(indicator, m);
		if (level >= 5) {
			return null;
		}
		return switch (indicator.kind()) {
			case THRESHOLD -> {
				BigDecimal next = thresholds(indicator, m).get(level);
				BigDecimal gap = next.subtract(m.value() == null ? BigDecimal.ZERO : m.value());
				yield "ระดับ " + (level + 1) + ": ต้อง" + (indicator.strictlyMore() ? "มากกว่า " : "ไม่น้อยกว่า ")
						+ next.stripTrailingZeros().toPlainString() + " (ขาดอีก " + gap.stripTrailingZeros().toPlainString()
						+ (indicator.strictlyMore() ? " และมากกว่านั้น" : "") + ")";
			}
			case RANGE -> {
				BigDecimal next = indicator.ranges().get(level)[0];
				yield "ระดับ " + (level + 1) + ": ต้องได้อย่างน้อย " + next.stripTrailingZeros().toPlainString() + " คะแนน (ขาดอีก "
						+ next.subtract(m.value() == null ? BigDecimal.ZERO : m.value()).stripTrailingZeros().toPlainString() + ")";
			}
			case MILESTONE -> "ระดับ " + (level + 1) + ": " + (indicator.milestones() != null
					&& indicator.milestones().size() > level ? indicator.milestones().get(level) : "ขั้นตอนถัดไป");
		};
	}

}
