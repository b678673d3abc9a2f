package th.raingan.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One condition of a level, as a letter states it: an input compared with a number
 * ({@code news >= 3}, {@code share > 75}), or a step done ({@code step5 done}),
 * optionally by a date of its own ({@code step5 done by 2022-03-10}). Written in the
 * templates as text and parsed by {@link #parse}.
 */
record Condition(String input, String op, BigDecimal number, LocalDate doneBy) {

	static final String DONE = "done";

	/**
	 * Parses {@code "<input> <op> <number>"} or {@code "<input> done [by <yyyy-mm-dd>]"};
	 * a problem throws in Thai.
	 */
	public static Condition parse(String text) {
		String[] parts = text.strip().split("\\s+");
		if (parts.length == 2 && DONE.equals(parts[1])) {
			return new Condition(parts[0], DONE, null, null);
		}
		if (parts.length == 4 && DONE.equals(parts[1]) && "by".equals(parts[2])) {
			try {
				return new Condition(parts[0], DONE, null, LocalDate.parse(parts[3]));
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw new IllegalArgumentException("เงื่อนไข \"" + text + "\": วันที่ต้องเขียนแบบ ค.ศ. ปปปป-ดด-วว");
			}
		}
		if (parts.length == 3 && java.util.Set.of(">", ">=", "<", "<=", "=").contains(parts[1])) {
			try {
				return new Condition(parts[0], parts[1], new BigDecimal(parts[2]), null);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("เงื่อนไข \"" + text + "\": \"" + parts[2] + "\" ไม่ใช่ตัวเลข");
			}
		}
		throw new IllegalArgumentException("เงื่อนไข \"" + text
				+ "\": ต้องเขียนแบบ \"ตัวแปร เครื่องหมาย ตัวเลข\" (> >= < <= =) หรือ \"ตัวแปร done\" หรือ \"ตัวแปร done by ปปปป-ดด-วว\"");
	}

	public boolean isStep() {
		return DONE.equals(op);
	}

	public boolean holds(Measurement m) {
		if (isStep()) {
			if (!m.done(input)) {
				return false;
			}
			LocalDate on = m.doneOn(input);
			return doneBy == null || on != null && !on.isAfter(doneBy);
		}
		BigDecimal value = m.value(input);
		if (value == null) {
			return false;
		}
		int cmp = value.compareTo(number);
		return switch (op) {
			case ">" -> cmp > 0;
			case ">=" -> cmp >= 0;
			case "<" -> cmp < 0;
			case "<=" -> cmp <= 0;
			default -> cmp == 0;
		};
	}

	/**
	 * What is asked, in Thai: "ต้องมากกว่า 95", "ต้องไม่น้อยกว่า 75", a step's name and
	 * its date.
	 */
	public String asked(Input in) {
		if (isStep()) {
			return in.labelTh()
					+ (doneBy == null ? "" : " ภายในวันที่ " + th.raingan.thai.BuddhistDates.formatLong(doneBy));
		}
		String n = number.stripTrailingZeros().toPlainString();
		return switch (op) {
			case ">" -> "ต้องมากกว่า " + n;
			case ">=" -> "ต้องไม่น้อยกว่า " + n;
			case "<" -> "ต้องน้อยกว่า " + n;
			case "<=" -> "ต้องไม่เกิน " + n;
			default -> "ต้องเท่ากับ " + n;
		};
	}

	/**
	 * How far a value is from a number it must pass ("ขาดอีก 2.5"), or null when that
	 * makes no sense.
	 */
	public String gap(Measurement m) {
		if (isStep() || op.startsWith("<")) {
			return null;
		}
		BigDecimal value = m.value(input) == null ? BigDecimal.ZERO : m.value(input);
		BigDecimal gap = number.subtract(value);
		if (gap.signum() < 0) {
			return null;
		}
		return "ขาดอีก " + gap.stripTrailingZeros().toPlainString() + (">".equals(op) ? " และมากกว่านั้น" : "");
	}

	@Override
	public String toString() {
		return isStep() ? input + " done" + (doneBy == null ? "" : " by " + doneBy)
				: input + " " + op + " " + number.toPlainString();
	}

}
