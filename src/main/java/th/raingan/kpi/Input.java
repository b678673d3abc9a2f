package th.raingan.kpi;

import java.math.BigDecimal;

/**
 * One thing an indicator's levels are decided on: a number (a percent, a count, a score),
 * the district's staff, a yes/no fact that chooses the level table (T4.2: "has overdue
 * loans"), or a step of a milestone ladder, done on a date with its evidence.
 * {@code measure} names the system's own record it is computed from, if any.
 */
record Input(String id, String labelTh, Type type, BigDecimal min, BigDecimal max, String measure) {

	public enum Type {

		NUMBER, STAFF, YES_NO, STEP

	}

	public boolean computed() {
		return measure != null;
	}

}
