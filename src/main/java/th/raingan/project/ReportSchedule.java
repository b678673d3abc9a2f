package th.raingan.project;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import th.raingan.thai.BuddhistDates;
import th.raingan.thai.FiscalYear;

/**
 * In which rounds an assignment reports and when each report is due, as the provinces'
 * letters mean it (docs/requirements/deadlines.md).
 * <ul>
 * <li>The report's window is the activity's planned period; without one, the day the rule
 * names (by_date, within_month); without either, the whole fiscal year (a year-long
 * project).</li>
 * <li>The assignment reports in each round whose half-year (round 1: 1 Oct - 31 Mar,
 * round 2: 1 Apr - 30 Sep) the window touches. In the round where the window ends the
 * report is due on the rule's date ("N days after" counts from the planned end, then from
 * the actual end once entered); in an earlier round it reports its progress so far, due
 * on that round's deadline.</li>
 * </ul>
 */
public final class ReportSchedule {

	private ReportSchedule() {
	}

	/** The window the report's round is decided by. */
	public static ActivityPeriod window(Assignment a) {
		FiscalYear year = FiscalYear.of(a.project().fiscalYearBe());
		return a.activityPeriod()
			.or(() -> a.deadlineRule().fixedDate().filter(year::contains).map(d -> new ActivityPeriod(d, d)))
			.orElse(ActivityPeriod.wholeYear(year));
	}

	/** The round (1 or 2) of a fiscal year a day falls in. */
	public static int roundOf(LocalDate day) {
		int month = day.getMonthValue();
		return month >= 10 || month <= 3 ? 1 : 2;
	}

	/** The rounds the assignment reports in, in order. */
	public static List<Integer> rounds(Assignment a) {
		ActivityPeriod w = window(a);
		FiscalYear year = FiscalYear.of(a.project().fiscalYearBe());
		List<Integer> rounds = new ArrayList<>();
		if (!w.start().isAfter(year.roundEnd(1))) {
			rounds.add(1);
		}
		if (w.end().isAfter(year.roundEnd(1))) {
			rounds.add(2);
		}
		return rounds;
	}

	public static boolean reportsIn(Assignment a, int roundNo) {
		return rounds(a).contains(roundNo);
	}

	/**
	 * Whether round {@code roundNo} is the one the window ends in: its report is due by
	 * the rule.
	 */
	public static boolean isFinalRound(Assignment a, int roundNo) {
		return roundOf(window(a).end()) == roundNo;
	}

	/**
	 * The due date of the assignment's report in a round: by the rule in the window's
	 * last round, otherwise the round's deadline (progress so far). {@code actualEnd}:
	 * the activity's end as the officer entered it.
	 */
	public static LocalDate dueDate(Assignment a, int roundNo, LocalDate roundDeadline, Optional<LocalDate> actualEnd) {
		if (!isFinalRound(a, roundNo)) {
			return roundDeadline;
		}
		Optional<LocalDate> end = actualEnd.or(() -> Optional.ofNullable(a.activityEnd()));
		return a.deadlineRule().dueDate(roundDeadline, end);
	}

	/**
	 * What the province should know when it saves the assignment, in Thai (nothing is
	 * refused for it): a report due after the end of the round it belongs to, or a rule's
	 * date outside the activity's round.
	 */
	public static List<String> warnings(Assignment a) {
		List<String> warnings = new ArrayList<>();
		FiscalYear year = FiscalYear.of(a.project().fiscalYearBe());
		ActivityPeriod w = window(a);
		int round = roundOf(w.end());
		LocalDate roundEnd = year.roundEnd(round);
		DeadlineRule rule = a.deadlineRule();
		Optional<LocalDate> due = rule.kind() == DeadlineRule.Kind.ROUND_DEADLINE ? Optional.empty()
				: rule.countsFromActivityEnd()
						? Optional.ofNullable(a.activityEnd()).map(e -> rule.dueDate(e, Optional.of(e)))
						: rule.fixedDate();
		String what = "กิจกรรม " + (a.activityPeriod().isPresent() ? "(" + w.toThai() + ") " : "");
		due.filter(d -> d.isAfter(roundEnd))
			.ifPresent(d -> warnings
				.add(what + "กำหนดส่ง " + BuddhistDates.formatLong(d) + " (" + rule.toThai() + ") เลยวันสิ้นสุดรอบที่ "
						+ round + " (" + BuddhistDates.formatLong(roundEnd) + ") ที่กิจกรรมนี้ต้องรายงาน"));
		due.filter(d -> d.isBefore(w.end()) && a.activityPeriod().isPresent())
			.ifPresent(d -> warnings.add(what + "กำหนดส่ง " + BuddhistDates.formatLong(d)
					+ " ก่อนวันสิ้นสุดกิจกรรมตามแผน (" + BuddhistDates.formatLong(w.end()) + ")"));
		return warnings;
	}

}
