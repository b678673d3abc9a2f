package th.raingan.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.dashboard.DashboardService;
import th.raingan.project.ProjectCatalog;

/**
 * The Cockpit dashboard's queries with a national round in the tables: 35,000 reports
 * (878 districts x 40, spread over the 76 provinces), of which Buriram's 23 districts
 * hold 920: a province's page and the national page. Prints p50 and p95 of each query;
 * asserts no timing. Run: {@code mvn verify -Pbenchmark} (on PostgreSQL with
 * RAINGAN_TEST_DB_URL set).
 */
@ApplicationTest
@Tag("benchmark")
class DashboardQueryBenchmark {

	static final int REPORTS = 35_000;

	static final int PER_DISTRICT = 40;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DashboardService dashboard;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	th.raingan.org.OrgUnits orgUnits;

	@Autowired
	th.raingan.dashboard.NationalBudget nationalBudget;

	@Autowired
	th.raingan.dashboard.WeeklyProgress weekly;

	@Autowired
	th.raingan.dashboard.Scorecards scorecards;

	@Test
	void dashboardQueriesWithANationalRound() {
		long assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow().id();
		String[] statuses = { "draft", "submitted", "approved", "returned", "approved", "approved" };
		// the other districts spread over the real provinces, so that the national page
		// counts them
		List<String> provinces = orgUnits.all()
			.stream()
			.filter(th.raingan.org.OrgUnit::isProvince)
			.map(th.raingan.org.OrgUnit::code)
			.filter(code -> !code.equals("31"))
			.toList();
		List<Object[]> rows = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < REPORTS; i++) {
			int district = i / PER_DISTRICT;
			boolean buriram = district < 23;
			String office = buriram ? String.format("31%02d", district + 1) : String.format("9%03d", district);
			String province = buriram ? "31" : provinces.get(district % provinces.size());
			rows.add(new Object[] { "bench-" + i, "2570-1/" + province, assignment, office, province,
					Date.valueOf(LocalDate.of(2027, 3, 17).minusDays(i % 200)), statuses[i % statuses.length],
					i % 7 == 0, new Timestamp(System.currentTimeMillis()), "pi-" + i });
		}
		jdbc.batchUpdate(
				"""
						insert into raingan.report (business_key, round_key, assignment_id, office_code, province_code, due_date,
						status, late, opened_at, process_instance_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				rows);
		System.out.printf("[benchmark] inserted %d reports in %d ms%n", REPORTS,
				(System.nanoTime() - start) / 1_000_000);
		// the submissions behind Buriram's sent reports (first sent over the round's
		// first eight weeks), for its
		// weekly progress; spread over the assignments there are (a handful of versions
		// each, as in real data: the
		// budget queries look up each approved version's latest sibling of the same
		// assignment)
		List<Long> assignments = jdbc.queryForList("select id from raingan.assignment order by id", Long.class);
		List<Object[]> versions = new ArrayList<>();
		for (Object[] report : rows) {
			if (!"draft".equals(report[6]) && "2570-1/31".equals(report[1])) {
				int i = Integer.parseInt(((String) report[0]).substring("bench-".length()));
				Timestamp sent = Timestamp.valueOf(LocalDate.of(2026, 10, 1).plusDays(i % 56).atTime(10, 0));
				versions.add(new Object[] { report[0], assignments.get(versions.size() % assignments.size()), report[1],
						"approved".equals(report[6]) ? "approved"
								: "returned".equals(report[6]) ? "returned" : "submitted",
						report[5], sent,
						"approved".equals(report[6]) ? new Timestamp(sent.getTime() + 86_400_000L * 3) : null });
			}
		}
		jdbc.batchUpdate(
				"""
						insert into raingan.report_version (business_key, assignment_id, round_key, revision, status, due_date,
						submitted_at, submitted_by, on_time, officer_name, officer_phone, start_date, end_date, target_value,
						result_value, progress_percent, spent_baht, decided_at)
						values (?, ?, ?, 1, ?, ?, ?, 'bench', true, 'bench', '0', date '2026-10-01', date '2026-10-01', 1, 1, 100, 0, ?)""",
				versions);
		System.out.printf("[benchmark] inserted %d report versions%n", versions.size());
		// every table, as autovacuum would (this machine runs without it): without
		// statistics for the small
		// assignment and project tables the planner nests the budget queries' per-version
		// lookups
		jdbc.execute(jdbc.getDataSource() != null && isPostgres() ? "analyze" : "select 1");

		measure("districts (per-district counts, on-time, KPI)", () -> dashboard.districts("2570-1/31", "31"));
		measure("overdue (list with days overdue)", () -> dashboard.overdue("2570-1/31", "31"));
		measure("national (per province counts, on-time, KPI, B1+B2 budget)", () -> dashboard.provinces(2570, 1));
		measure("national (budget by level: central, province, training centre)", () -> nationalBudget.of(2570));
		measure("province (progress over the round's weeks, Buriram)", () -> weekly.of(2570, 1, "31"));
		measure("province (KPI scorecard against the previous round, Buriram)", () -> scorecards.of(2570, 1, "31"));
		System.out.printf("[benchmark] Buriram's weekly progress: %d weeks, %d districts%n",
				weekly.of(2570, 1, "31").weeks().size(), weekly.of(2570, 1, "31").districts().size());
		System.out.printf("[benchmark] national round 2570-1: %d provinces, %d reports%n",
				dashboard.provinces(2570, 1).size(),
				dashboard.provinces(2570, 1).stream().mapToInt(DashboardService.ProvinceRow::assigned).sum());
		System.out.printf("[benchmark] Buriram round 2570-1/31: %d districts, %d overdue reports%n",
				dashboard.districts("2570-1/31", "31").size(), dashboard.overdue("2570-1/31", "31").size());
	}

	private boolean isPostgres() {
		return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL().startsWith("jdbc:postgresql"));
	}

	private static void measure(String name, Runnable query) {
		for (int i = 0; i < 10; i++) {
			query.run(); // warm up
		}
		long[] millis = new long[50];
		for (int i = 0; i < millis.length; i++) {
			long start = System.nanoTime();
			query.run();
			millis[i] = (System.nanoTime() - start) / 1_000;
		}
		Arrays.sort(millis);
		System.out.printf("[benchmark] %s: p50 %.1f ms, p95 %.1f ms (50 runs)%n", name, millis[24] / 1000.0,
				millis[47] / 1000.0);
	}

}
