package th.raingan.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.raingan.ApplicationTest;

/**
 * The assignment's terms in the administrator's CSV: read as the letters write them, or
 * refused naming row and field. (Fiscal 2565 of Chiang Rai: a year no other test opens a
 * round in.)
 */
@ApplicationTest
class AssignmentTermsImportTest {

	@Autowired
	ProjectImport importer;

	@Autowired
	ProjectCatalog catalog;

	static ByteArrayInputStream csv(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void termsAreReadAsTheLettersWriteThemAndBadOnesRefusedByRowAndField() throws Exception {
		importer.importProjects(csv("""
				budget_code,fiscal_year_be,province_code,name_th,budget_source,evaluation_required,deadline_rule
				801-112-T0565-2022-01,2565,57,กิจกรรมเงื่อนไขการมอบหมาย,B1,Y,days_after_activity:30
				"""));
		ImportReport report = importer.importAssignments(
				csv("""
						fiscal_year_be,province_code,budget_code,office_code,target,allocation_baht,activity_period,deadline_rule,needs_area_data,evaluation_required
						2565,57,801-112-T0565-2022-01,5701,5,5000,ไตรมาส ๓-๔,,N,N
						2565,57,801-112-T0565-2022-01,5702,5,5000,01/06/2565 - 31/06/2565,,Y,
						2565,57,801-112-T0565-2022-01,5703,5,5000,,ภายในเร็วๆ นี้,Y,
						2565,57,801-112-T0565-2022-01,5704,5,5000,01/10/2565 - 10/10/2565,by_date:2022-10-15,X,ใช่
						2565,57,801-112-T0565-2022-01,5705,5,5000,ทั้งปี,within_month:2022-07,,
						"""));
		assertThat(report.imported()).isEqualTo(2);
		assertThat(report.rejected()).extracting(r -> r.line() + " " + r.field())
			.containsExactlyInAnyOrder("3 activity_period", "4 deadline_rule", "5 activity_period", "5 deadline_rule",
					"5 needs_area_data", "5 evaluation_required");
		assertThat(report.rejected()).filteredOn(r -> r.line() == 3)
			.singleElement()
			.satisfies(r -> assertThat(r.reason()).contains("ไม่มีวันที่นี้ในปฏิทิน"));
		assertThat(report.rejected()).filteredOn(r -> r.line() == 5 && r.field().equals("deadline_rule"))
			.singleElement()
			.satisfies(r -> assertThat(r.reason()).contains("ต้องอยู่ในปีงบประมาณ 2565"));
		assertThat(catalog.assignment(2565, "801-112-T0565-2022-01", "5702")).isEmpty();

		Assignment q34 = catalog.assignment(2565, "801-112-T0565-2022-01", "5701").orElseThrow();
		assertThat(q34.activityStart()).isEqualTo(LocalDate.of(2022, 4, 1));
		assertThat(q34.activityEnd()).isEqualTo(LocalDate.of(2022, 9, 30));
		assertThat(q34.needsAreaData()).isFalse();
		assertThat(q34.evaluationRequired()).as("its own N over the project's Y").isFalse();
		assertThat(q34.deadlineRule()).as("the project's").isEqualTo(DeadlineRule.parse("days_after_activity:30"));
		assertThat(report.warnings()).extracting(ImportReport.Rejection::line).contains(2L);

		Assignment yearLong = catalog.assignment(2565, "801-112-T0565-2022-01", "5705").orElseThrow();
		assertThat(yearLong.deadlineRule()).isEqualTo(DeadlineRule.parse("within_month:2022-07"));
		assertThat(yearLong.evaluationRequired()).as("the project's").isTrue();
		assertThat(ReportSchedule.rounds(yearLong)).containsExactly(1, 2);

		// a file without the terms' columns leaves them as they are
		importer.importAssignments(csv("""
				fiscal_year_be,province_code,budget_code,office_code,target,allocation_baht
				2565,57,801-112-T0565-2022-01,5701,6,6000
				"""));
		Assignment again = catalog.assignment(2565, "801-112-T0565-2022-01", "5701").orElseThrow();
		assertThat(again.target()).isEqualByComparingTo("6");
		assertThat(again.activityEnd()).isEqualTo(LocalDate.of(2022, 9, 30));
		assertThat(again.needsAreaData()).isFalse();
	}

}
