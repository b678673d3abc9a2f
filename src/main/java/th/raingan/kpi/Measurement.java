package th.raingan.kpi;

import java.math.BigDecimal;

/**
 * What a district achieved on one indicator: a value (percent, points), a second value where a level needs two
 * conditions, the office's staff where thresholds depend on it, or the number of milestones evidenced in order.
 */
public record Measurement(BigDecimal value, BigDecimal secondValue, Integer staff, int milestonesMet) {

	public static Measurement of(String value) {
		return new Measurement(new BigDecimal(value), null, null, 0);
	}

	public static Measurement of(String value, String second) {
		return new Measurement(new BigDecimal(value), new BigDecimal(second), null, 0);
	}

	public static Measurement withStaff(String value, int staff) {
		return new Measurement(new BigDecimal(value), null, staff, 0);
	}

	public static Measurement milestones(int met) {
		return new Measurement(null, null, null, met);
	}

}
