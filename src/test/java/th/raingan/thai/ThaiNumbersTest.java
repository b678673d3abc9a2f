package th.raingan.thai;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/**
 * Numbers as officers type them and as REST callers send them: a Double that is not a
 * number is refused in Thai, never a NumberFormatException (issue 30: a 500 in the
 * report, the KPI entries).
 */
class ThaiNumbersTest {

	@Test
	void notANumberAndInfinityAreRefusedInThai() {
		for (Object value : new Object[] { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN,
				Float.POSITIVE_INFINITY }) {
			ThaiNumbers.Parsed parsed = ThaiNumbers.parse(value);
			assertThat(parsed.isValid()).as(String.valueOf(value)).isFalse();
			assertThat(parsed.error()).startsWith("ต้องเป็นตัวเลขเท่านั้น");
		}
		assertThat(ThaiNumbers.parse("NaN").isValid()).isFalse();
		assertThat(ThaiNumbers.parse("Infinity").isValid()).isFalse();
	}

	@Test
	void finiteNumbersAreTakenAsTheyAre() {
		assertThat(ThaiNumbers.parse(12.5d).value()).isEqualByComparingTo(new BigDecimal("12.5"));
		assertThat(ThaiNumbers.parse(3).value()).isEqualByComparingTo(BigDecimal.valueOf(3));
		assertThat(ThaiNumbers.parse("๑,๐๐๐.๕๐").value()).isEqualByComparingTo(new BigDecimal("1000.50"));
	}

}
