package th.raingan.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The letters' periods and rules, and the round and due date they give a report (fiscal
 * 2567 of Chiang Rai).
 */
class ReportScheduleTest {

	static final LocalDate ROUND1_DEADLINE = LocalDate.of(2024, 3, 15);

	static final LocalDate ROUND2_DEADLINE = LocalDate.of(2024, 9, 15);

	static Assignment assignment(String period, String rule) {
		Project project = new Project(1L, 2567, "57", "801-112-Q0567-2024-01", "กิจกรรม", "B1", "คน", BigDecimal.TEN,
				true, DeadlineRule.parse(rule));
		ActivityPeriod p = ActivityPeriod.parse(period, 2567);
		return new Assignment(1, project, "5701", BigDecimal.TEN, BigDecimal.TEN, p == null ? null : p.start(),
				p == null ? null : p.end(), null, true, null);
	}

	@Test
	void periodsAsTheLettersWriteThem() {
		assertThat(ActivityPeriod.parse("ไตรมาส ๔", 2567))
			.isEqualTo(new ActivityPeriod(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30)));
		assertThat(ActivityPeriod.parse("ไตรมาส ๓-๔", 2567))
			.isEqualTo(new ActivityPeriod(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 9, 30)));
		assertThat(ActivityPeriod.parse("ไตรมาสที่ 1 - 2", 2567))
			.isEqualTo(new ActivityPeriod(LocalDate.of(2023, 10, 1), LocalDate.of(2024, 3, 31)));
		assertThat(ActivityPeriod.parse("ทั้งปี", 2567))
			.isEqualTo(new ActivityPeriod(LocalDate.of(2023, 10, 1), LocalDate.of(2024, 9, 30)));
		assertThat(ActivityPeriod.parse("01/06/2567 - 10/06/2567", 2567))
			.isEqualTo(new ActivityPeriod(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 10)));
		assertThat(ActivityPeriod.parse("", 2567)).isNull();
	}

	@Test
	void oneReaderForTheAdminImportAndTheProvincesScreen() {
		// what the assignments screen's own reader accepted, now the one reader's
		assertThat(ActivityPeriod.parse("ทั้งปีงบประมาณ", 2567)).isEqualTo(ActivityPeriod.parse("ทั้งปี", 2567));
		assertThat(ActivityPeriod.parse("๑ เมษายน ๒๕๖๗ ถึง ๓๐ มิถุนายน ๒๕๖๗", 2567))
			.isEqualTo(new ActivityPeriod(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30)));
		assertThat(ActivityPeriod.parse("15/06/2567", 2567)).as("one date: a one-day activity")
			.isEqualTo(new ActivityPeriod(LocalDate.of(2024, 6, 15), LocalDate.of(2024, 6, 15)));
		assertThat(ActivityPeriod.parse("ไตรมาส 3 ถึง 4", 2567)).isEqualTo(ActivityPeriod.parse("Q3-4", 2567));
		assertThat(ActivityPeriod.parse("2024-06-01 - 2024-06-10", 2567))
			.isEqualTo(new ActivityPeriod(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 10)));
		assertThat(ActivityPeriod.parse("ไตรมาส 3-4", 2567).text(2567)).isEqualTo("ไตรมาส 3-4");
		// the letters' wording of a rule, read the same for both
		assertThat(DeadlineRule.read("ภายใน ๑๕ สิงหาคม ๒๕๖๗", 2567))
			.isEqualTo(DeadlineRule.parse("by_date:2024-08-15"));
		assertThat(DeadlineRule.read("ภายในเดือนมิถุนายน ๒๕๖๗", 2567))
			.isEqualTo(DeadlineRule.parse("within_month:2024-06"));
		assertThat(DeadlineRule.read("", 2567)).isEqualTo(DeadlineRule.ROUND);
		assertThatThrownBy(() -> DeadlineRule.read("by_date:2024-10-15", 2567))
			.hasMessageContaining("ต้องอยู่ในปีงบประมาณ 2567");
		// and a Thai month name is a date wherever a date is typed
		assertThat(th.raingan.thai.BuddhistDates.parse("๑๕ ส.ค. ๒๕๖๗").value()).isEqualTo(LocalDate.of(2024, 8, 15));
		assertThat(th.raingan.thai.BuddhistDates.parse("31 มิถุนายน 2567").error()).contains("ไม่มีวันที่นี้ในปฏิทิน");
	}

	@Test
	void periodsThatCannotBeAreRefusedInThai() {
		assertThatThrownBy(() -> ActivityPeriod.parse("๐๑/๐๖/๒๕๖๗ - ๓๑/๐๖/๒๕๖๗", 2567))
			.hasMessageContaining("วันสิ้นสุดกิจกรรม: ไม่มีวันที่นี้ในปฏิทิน");
		assertThatThrownBy(() -> ActivityPeriod.parse("01/10/2567 - 10/10/2567", 2567))
			.hasMessageContaining("ต้องอยู่ในปีงบประมาณ 2567");
		assertThatThrownBy(() -> ActivityPeriod.parse("10/06/2567 - 01/06/2567", 2567))
			.hasMessageContaining("ต้องไม่ก่อนวันเริ่มกิจกรรม");
		assertThatThrownBy(() -> ActivityPeriod.parse("ไตรมาส ๔-๓", 2567)).hasMessageContaining("เรียงจากน้อยไปมาก");
		assertThatThrownBy(() -> ActivityPeriod.parse("กลางปี", 2567))
			.hasMessageContaining("อ่านช่วงเวลาดำเนินกิจกรรม");
	}

	@Test
	void theLettersDateIsTheDueDateWhateverTheRoundsDeadline() {
		// formerly capped at the round's deadline; the letter's 15 August stays 15 August
		assertThat(DeadlineRule.parse("by_date:2024-08-15").dueDate(ROUND1_DEADLINE, Optional.empty()))
			.isEqualTo(LocalDate.of(2024, 8, 15));
	}

	@Test
	void aQuarter4ActivityReportsInRound2OnItsOwnDate() {
		Assignment q4 = assignment("ไตรมาส ๔", "days_after_activity:7");
		assertThat(ReportSchedule.rounds(q4)).containsExactly(2);
		assertThat(ReportSchedule.dueDate(q4, 2, ROUND2_DEADLINE, Optional.empty()))
			.isEqualTo(LocalDate.of(2024, 10, 7));
		assertThat(ReportSchedule.warnings(q4)).singleElement()
			.asString()
			.contains("กำหนดส่ง 7 ตุลาคม 2567")
			.contains("เลยวันสิ้นสุดรอบที่ 2 (30 กันยายน 2567)");

		Assignment august = assignment("", "by_date:2024-08-15");
		assertThat(ReportSchedule.rounds(august)).containsExactly(2);
		assertThat(ReportSchedule.dueDate(august, 2, ROUND2_DEADLINE, Optional.empty()))
			.isEqualTo(LocalDate.of(2024, 8, 15));
		assertThat(ReportSchedule.warnings(august)).isEmpty();
	}

	@Test
	void sevenDaysAfterCountsFromThePlannedEndThenFromTheActualEnd() {
		Assignment june = assignment("01/06/2567 - 10/06/2567", "days_after_activity:7");
		assertThat(ReportSchedule.rounds(june)).containsExactly(2);
		assertThat(ReportSchedule.dueDate(june, 2, ROUND2_DEADLINE, Optional.empty()))
			.isEqualTo(LocalDate.of(2024, 6, 17));
		assertThat(ReportSchedule.dueDate(june, 2, ROUND2_DEADLINE, Optional.of(LocalDate.of(2024, 6, 20))))
			.isEqualTo(LocalDate.of(2024, 6, 27));
	}

	@Test
	void aYearLongProjectReportsItsProgressInBothRoundsByEachRoundsDeadline() {
		Assignment yearLong = assignment("ทั้งปี", "");
		assertThat(ReportSchedule.rounds(yearLong)).containsExactly(1, 2);
		assertThat(ReportSchedule.isFinalRound(yearLong, 1)).isFalse();
		assertThat(ReportSchedule.dueDate(yearLong, 1, ROUND1_DEADLINE, Optional.empty())).isEqualTo(ROUND1_DEADLINE);
		assertThat(ReportSchedule.dueDate(yearLong, 2, ROUND2_DEADLINE, Optional.empty())).isEqualTo(ROUND2_DEADLINE);
		// a year-long activity counted from its end: progress by round 1's deadline, then
		// 15 days after its end
		Assignment counted = assignment("ทั้งปี", "days_after_activity:15");
		assertThat(ReportSchedule.dueDate(counted, 1, ROUND1_DEADLINE, Optional.of(LocalDate.of(2024, 1, 20))))
			.isEqualTo(ROUND1_DEADLINE);
		assertThat(ReportSchedule.dueDate(counted, 2, ROUND2_DEADLINE, Optional.empty()))
			.isEqualTo(LocalDate.of(2024, 10, 15));
	}

	@Test
	void withoutAPeriodTheRulesDateDecidesTheRound() {
		assertThat(ReportSchedule.rounds(assignment("", "within_month:2024-02"))).containsExactly(1);
		assertThat(ReportSchedule.rounds(assignment("", "within_month:2024-06"))).containsExactly(2);
		assertThat(ReportSchedule.rounds(assignment("", ""))).containsExactly(1, 2);
	}

}
