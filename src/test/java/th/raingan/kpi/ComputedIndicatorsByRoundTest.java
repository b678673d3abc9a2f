package th.raingan.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.raingan.ApplicationTest;
import th.raingan.dashboard.DashboardService;
import th.raingan.project.ProjectCatalog;
import th.raingan.project.ProjectImport;
import th.raingan.report.ReportDraft;
import th.raingan.report.ReportService;
import th.raingan.report.ReportTracker;
import th.raingan.report.ReportVersions;
import th.raingan.thai.Clock;

/**
 * The indicators computed from reports, and the dashboard's on-time rate, count a report
 * in the round it belongs to and only once it is due. Numbers worked by hand for Mueang
 * Buriram (3101), round 1 of 2566 (ends 31 March 2566): <pre>
 *   report  round  status          due         late  approved result/target
 *   A       1      approved        15/03/2566  no    10/10  (achieved)
 *   B       1      approved        28/02/2566  yes    5/10
 *   C       1      submitted       15/03/2566  no
 *   D       1      draft, then not submitted at the round's close, due 15/03/2566
 *   E       1      not held, planned 15/06/2566: due after the round's end, not yet due
 *   F       1      withdrawn (the province removed the assignment)
 *   G       2      approved        15/08/2566  no    10/10  (round 2's, never round 1's)
 * </pre> Dashboard on 1 March 2566: due so far A, B, C (D and E not yet due) = 3, on time
 * A, C = 2: 66.67 %. (Before: 2 of 6 assigned, 33.33 %.) KPI of round 1 (A-D due):
 * reporting rate 3/4 = 75.00, on-time rate 2/4 = 50.00, achievement 1/4 = 25.00. (Before:
 * 3/6 = 50.00, 2/6 = 33.33, 1/6 = 16.67.) Round 2: G only, 100.00 each.
 */
@ApplicationTest
class ComputedIndicatorsByRoundTest {

	static final String CODE = "801-112-K0566-2023-0";

	@Autowired
	ProjectImport importer;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	ReportTracker tracker;

	@Autowired
	ReportService reports;

	@Autowired
	ComputedIndicators indicators;

	@Autowired
	DashboardService dashboard;

	@AfterEach
	void reset() {
		ClockUtil.reset();
	}

	static void clockAt(LocalDate day) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(Clock.ZONE).toInstant()));
	}

	long assignment(char letter) {
		return catalog.assignment(2566, CODE + (letter - 'A' + 1), "3101").orElseThrow().id();
	}

	String open(char letter, int round, LocalDate due) {
		String key = "2566-" + round + "/" + CODE + (letter - 'A' + 1) + "/3101";
		tracker.opened(key, null, "2566-" + round + "/31", assignment(letter), "3101", "31", due);
		return key;
	}

	long submit(String key, char letter, int round, LocalDate due, boolean onTime, String result) {
		ReportDraft draft = new ReportDraft("นายทดสอบ", "044611111", due.minusDays(10), due.minusDays(5), null, null,
				BigDecimal.TEN, new BigDecimal(result), BigDecimal.valueOf(100), BigDecimal.valueOf(1000), List.of(),
				null);
		long version = reports.submit(new ReportVersions.Submission(key, assignment(letter), "2566-" + round + "/31", 1,
				due, ClockUtil.getCurrentTime(), "str3101", onTime, draft));
		tracker.status(key, ReportService.STATUS_SUBMITTED);
		if (!onTime) {
			tracker.late(key);
		}
		return version;
	}

	void approve(String key, long version) {
		reports.approve(version, "review31", ClockUtil.getCurrentTime());
		tracker.status(key, ReportService.STATUS_APPROVED);
	}

	@Test
	void reportsCountInTheirOwnRoundOnceTheyAreDue() throws Exception {
		StringBuilder projects = new StringBuilder("budget_code,fiscal_year_be,province_code,name_th,budget_source\n");
		StringBuilder assigned = new StringBuilder(
				"fiscal_year_be,province_code,budget_code,office_code,target,allocation_baht\n");
		for (char c = 'A'; c <= 'G'; c++) {
			projects.append(CODE).append(c - 'A' + 1).append(",2566,31,กิจกรรมนับคะแนน ").append(c).append(",B1\n");
			assigned.append("2566,31,").append(CODE).append(c - 'A' + 1).append(",3101,10,1000\n");
		}
		importer.importProjects(new ByteArrayInputStream(projects.toString().getBytes(StandardCharsets.UTF_8)));
		assertThat(importer
			.importAssignments(new ByteArrayInputStream(assigned.toString().getBytes(StandardCharsets.UTF_8)))
			.imported()).isEqualTo(7);

		clockAt(LocalDate.of(2023, 2, 20));
		LocalDate mid = LocalDate.of(2023, 3, 15);
		String a = open('A', 1, mid);
		String b = open('B', 1, LocalDate.of(2023, 2, 28));
		String c = open('C', 1, mid);
		String d = open('D', 1, mid);
		String e = open('E', 1, mid);
		String f = open('F', 1, mid);
		String g = open('G', 2, LocalDate.of(2023, 8, 15));
		approve(a, submit(a, 'A', 1, mid, true, "10"));
		tracker.notHeld(e, "รอการจัดสรรงบประมาณ", LocalDate.of(2023, 6, 15), LocalDate.of(2023, 6, 15));
		tracker.status(f, "withdrawn");
		clockAt(LocalDate.of(2023, 3, 1));
		approve(b, submit(b, 'B', 1, LocalDate.of(2023, 2, 28), false, "5"));
		submit(c, 'C', 1, mid, true, "10");

		DashboardService.DistrictRow row = dashboard.districts("2566-1/31", "31")
			.stream()
			.filter(r -> r.officeCode().equals("3101"))
			.findFirst()
			.orElseThrow();
		assertThat(row.assigned()).as("A-E; F withdrawn").isEqualTo(5);
		assertThat(row.dueSoFar()).as("A, B, C").isEqualTo(3);
		assertThat(row.onTimeRate()).isEqualByComparingTo("66.67");
		assertThat(row.notHeld()).isEqualTo(1);
		assertThat(row.overdue()).isZero();

		// the round closes on 31 March: D was never submitted
		clockAt(LocalDate.of(2023, 4, 1));
		tracker.status(d, ReportTracker.NOT_SUBMITTED);
		approve(g, submit(g, 'G', 2, LocalDate.of(2023, 8, 15), true, "10"));

		assertThat(indicators.measure("reporting_rate", "2566-1/31", "3101")).isEqualByComparingTo("75.00");
		assertThat(indicators.measure("on_time_rate", "2566-1/31", "3101")).isEqualByComparingTo("50.00");
		assertThat(indicators.measure("achievement", "2566-1/31", "3101")).isEqualByComparingTo("25.00");
		assertThat(indicators.measure("reporting_rate", "2566-2/31", "3101")).isEqualByComparingTo("100.00");
		assertThat(indicators.measure("on_time_rate", "2566-2/31", "3101")).isEqualByComparingTo("100.00");
		assertThat(indicators.measure("achievement", "2566-2/31", "3101")).isEqualByComparingTo("100.00");
	}

}
