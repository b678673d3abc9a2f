package th.raingan.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.round.RoundService;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;
import th.raingan.thai.FiscalYear;

/**
 * Progress by district over the round's weeks, from the reports' history: for the end of
 * each week of the round (the first week starts on the round's first day; weeks not yet
 * begun are left out) how many of the district's reports had been sent at least once
 * (their first submission's time stamp) and how many approved (the approval's time), and
 * the sent ones as a percent of the reports assigned. One grouped query, whatever the
 * number of reports.
 */
@Service
public class WeeklyProgress {

	/**
	 * A week: its number, its last day (BE) and per district the counts and the percent
	 * sent.
	 */
	public record Week(int number, LocalDate end, String endTh) {

	}

	public record District(String officeCode, String officeName, int assigned, List<Integer> sent,
			List<Integer> approved, List<BigDecimal> sentPercent) {

	}

	public record Progress(String roundKey, List<Week> weeks, List<District> districts) {

	}

	private final JdbcTemplate jdbc;

	private final OrgUnits orgUnits;

	WeeklyProgress(JdbcTemplate jdbc, OrgUnits orgUnits) {
		this.jdbc = jdbc;
		this.orgUnits = orgUnits;
	}

	/** The first day of a round: 1 October for round 1, 1 April for round 2. */
	static LocalDate roundStart(int fiscalYear, int round) {
		FiscalYear year = FiscalYear.of(fiscalYear);
		return round == 1 ? year.start() : year.roundEnd(1).plusDays(1);
	}

	public Progress of(int fiscalYear, int round, String province) {
		String roundKey = RoundService.roundKey(fiscalYear, round, province);
		LocalDate start = roundStart(fiscalYear, round);
		LocalDate end = FiscalYear.of(fiscalYear).roundEnd(round);
		LocalDate today = Clock.today();
		List<Week> weeks = new ArrayList<>();
		for (LocalDate first = start; !first.isAfter(end) && !first.isAfter(today); first = first.plusWeeks(1)) {
			LocalDate last = first.plusDays(6).isAfter(end) ? end : first.plusDays(6);
			weeks.add(new Week(weeks.size() + 1, last, BuddhistDates.format(last)));
		}
		Map<String, int[][]> counts = new LinkedHashMap<>();
		Map<String, Integer> assigned = new LinkedHashMap<>();
		jdbc.query("""
				select r.office_code, r.business_key, min(v.submitted_at) first_sent,
				       min(case when v.status = 'approved' then v.decided_at end) approved_at
				from raingan.report r
				left join raingan.report_version v on v.business_key = r.business_key
				where r.round_key = ? and r.status <> 'withdrawn'
				group by r.office_code, r.business_key
				order by r.office_code""", rs -> {
			String office = rs.getString("office_code");
			assigned.merge(office, 1, Integer::sum);
			int[][] c = counts.computeIfAbsent(office, k -> new int[2][weeks.size()]);
			add(c[0], weeks, rs.getTimestamp("first_sent"));
			add(c[1], weeks, rs.getTimestamp("approved_at"));
		}, roundKey);
		List<District> districts = new ArrayList<>();
		counts.forEach((office, c) -> {
			int all = assigned.get(office);
			List<Integer> sent = new ArrayList<>();
			List<Integer> approved = new ArrayList<>();
			List<BigDecimal> percent = new ArrayList<>();
			for (int w = 0; w < weeks.size(); w++) {
				sent.add(c[0][w]);
				approved.add(c[1][w]);
				percent
					.add(BigDecimal.valueOf(c[0][w] * 100L).divide(BigDecimal.valueOf(all), 2, RoundingMode.HALF_UP));
			}
			districts.add(new District(office, orgUnits.find(office).map(OrgUnit::nameTh).orElse(office), all, sent,
					approved, percent));
		});
		return new Progress(roundKey, weeks, districts);
	}

	/**
	 * Counts the moment in every week whose end it is not after (cumulative); before the
	 * round: from week 1.
	 */
	private static void add(int[] cumulative, List<Week> weeks, java.sql.Timestamp moment) {
		if (moment == null) {
			return;
		}
		LocalDate day = moment.toInstant().atZone(Clock.ZONE).toLocalDate();
		for (int w = 0; w < weeks.size(); w++) {
			if (!day.isAfter(weeks.get(w).end())) {
				cumulative[w]++;
			}
		}
	}

}
