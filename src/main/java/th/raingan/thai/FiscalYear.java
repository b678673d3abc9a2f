package th.raingan.thai;

import java.time.LocalDate;

/**
 * A Thai fiscal year (ปีงบประมาณ), named in the Buddhist Era: fiscal 2569 runs 1 Oct 2025
 * - 30 Sep 2026. Round 1 is 1 Oct - 31 Mar, round 2 is 1 Apr - 30 Sep.
 */
public record FiscalYear(int yearBe) {

	public static FiscalYear of(int yearBe) {
		return new FiscalYear(yearBe);
	}

	public static FiscalYear containing(LocalDate date) {
		int ce = date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
		return new FiscalYear(ce + BuddhistDates.ERA_OFFSET);
	}

	public LocalDate start() {
		return LocalDate.of(yearBe - BuddhistDates.ERA_OFFSET - 1, 10, 1);
	}

	public LocalDate end() {
		return LocalDate.of(yearBe - BuddhistDates.ERA_OFFSET, 9, 30);
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(start()) && !date.isAfter(end());
	}

	public LocalDate roundEnd(int round) {
		return round == 1 ? LocalDate.of(yearBe - BuddhistDates.ERA_OFFSET, 3, 31) : end();
	}

}
