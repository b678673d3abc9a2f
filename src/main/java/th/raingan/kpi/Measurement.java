package th.raingan.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a district or a person achieved on one indicator: a value per input (percent,
 * count, score, staff, 1/0 for a yes/no fact) and, for steps, the day each was done.
 * Immutable: {@link #and} returns a new one.
 */
public record Measurement(Map<String, BigDecimal> values, Map<String, LocalDate> doneOn) {

	/** The single input of a one-number indicator. */
	public static final String VALUE = "value";

	public static Measurement empty() {
		return new Measurement(Map.of(), Map.of());
	}

	/** A one-number indicator's value. */
	public static Measurement of(String value) {
		return empty().and(VALUE, value);
	}

	/** Steps 1..n of a milestone ladder done (no dates). */
	public static Measurement steps(int n) {
		Measurement m = empty();
		for (int i = 1; i <= n; i++) {
			m = m.done("step" + i, null);
		}
		return m;
	}

	public Measurement and(String input, String value) {
		return and(input, value == null ? null : new BigDecimal(value));
	}

	public Measurement and(String input, BigDecimal value) {
		Map<String, BigDecimal> v = new LinkedHashMap<>(values);
		v.put(input, value);
		return new Measurement(v, doneOn);
	}

	/** A step done, on a day (null when the day does not matter). */
	public Measurement done(String step, LocalDate on) {
		Map<String, BigDecimal> v = new LinkedHashMap<>(values);
		v.put(step, BigDecimal.ONE);
		Map<String, LocalDate> d = new LinkedHashMap<>(doneOn);
		if (on != null) {
			d.put(step, on);
		}
		return new Measurement(v, d);
	}

	public BigDecimal value(String input) {
		return values.get(input);
	}

	public boolean done(String step) {
		BigDecimal v = values.get(step);
		return v != null && v.signum() > 0;
	}

	public LocalDate doneOn(String step) {
		return doneOn.get(step);
	}

}
