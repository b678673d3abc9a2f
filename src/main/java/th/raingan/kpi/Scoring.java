package th.raingan.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The letters' scoring, as a plain service and one rule for every indicator: the first
 * level table whose conditions hold applies; the level is how many of its levels, from
 * level 1 up, have all their conditions holding. A weighted score (5-point scale and
 * percent) and what the next level asks follow.
 */
public final class Scoring {

	static final BigDecimal FIVE = BigDecimal.valueOf(5);

	private Scoring() {
	}

	public static int level(Indicator indicator, Measurement m) {
		LevelTable table = indicator.table(m);
		return table == null ? 0 : table.level(m);
	}

	/** Σ weight × level / Σ weight: the score on the 5-point scale, two decimals. */
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

	/**
	 * What the next level asks, in Thai: each of its conditions that does not hold yet,
	 * with how far the value is ("ระดับ 2: ต้องไม่น้อยกว่า 75 (ขาดอีก 2.5)"); null at
	 * level 5.
	 */
	public static String toNextLevel(Indicator indicator, Measurement m) {
		LevelTable table = indicator.table(m);
		if (table == null) {
			return "ไม่มีตารางระดับที่ตรงกับข้อมูลที่กรอก";
		}
		int level = table.level(m);
		if (level >= table.levels().size()) {
			return null;
		}
		List<String> asks = new ArrayList<>();
		boolean single = indicator.inputs().size() == 1;
		for (Condition c : table.levels().get(level)) {
			if (c.holds(m)) {
				continue;
			}
			Input in = indicator.input(c.input());
			String what = c.isStep() || single ? c.asked(in) : in.labelTh() + " " + c.asked(in);
			String gap = c.gap(m);
			asks.add(gap == null ? what : what + " (" + gap + ")");
		}
		return "ระดับ " + (level + 1) + ": " + String.join("; ", asks);
	}

}
