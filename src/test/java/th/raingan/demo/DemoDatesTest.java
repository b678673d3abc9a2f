package th.raingan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The demo's dates follow today: another fiscal year, the end of a round, the first days
 * of a half-year.
 */
class DemoDatesTest {

	@Test
	void anotherFiscalYearGetsTheDemoProjectsWithItsYears() throws Exception {
		try (InputStream in = DemoWork.template("demo/assignments-2570.csv", 2572)) {
			String moved = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(moved).contains("2572,42,809-112-P0453-2029-02,4201", "01/11/2571 - 28/02/2572")
				.doesNotContain("2570,", "2027-");
		}
		assertThat(DemoWork.deadline(LocalDate.of(2027, 3, 20))).as("not after the round's end")
			.isEqualTo(LocalDate.of(2027, 3, 31));
		assertThat(DemoWork.overdueDate(LocalDate.of(2027, 4, 1))).as("in the round of today")
			.isEqualTo(LocalDate.of(2027, 4, 1));
		assertThat(DemoWork.roundKey(LocalDate.of(2026, 11, 27))).isEqualTo("2570-1/42");
		assertThat(DemoWorkStartup.decide("auto", true, "jdbc:h2:file:./data/raingan")).isTrue();
		assertThat(DemoWorkStartup.decide("auto", true, "jdbc:postgresql://db/raingan"))
			.as("demo accounts on PostgreSQL")
			.isFalse();
		assertThat(DemoWorkStartup.decide("auto", false, "jdbc:h2:file:./data/raingan")).isFalse();
		assertThat(DemoWorkStartup.decide("true", false, "jdbc:postgresql://db/raingan")).isTrue();
		assertThat(DemoWork.previousRoundKey(LocalDate.of(2026, 11, 27))).isEqualTo("2569-2/42");
		assertThat(DemoWork.previousRoundKey(LocalDate.of(2027, 5, 1))).isEqualTo("2570-1/42");
	}

}
