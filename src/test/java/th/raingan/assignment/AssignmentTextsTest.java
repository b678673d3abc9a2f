package th.raingan.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import th.raingan.project.ActivityPeriod;
import th.raingan.project.DeadlineRule;

/**
 * The activity period and the deadline rule as the Chiang Rai evaluation letter
 * (docs/requirements/overview.md) and the province's staff write them.
 */
class AssignmentTextsTest {

	@Test
	void quartersAsSeed002WritesThemWithThaiDigits() {
		ActivityPeriod period = ActivityPeriod.parse("ไตรมาส ๓-๔", 2567);
		assertThat(period.start()).isEqualTo(LocalDate.of(2024, 4, 1));
		assertThat(period.end()).isEqualTo(LocalDate.of(2024, 9, 30));
		assertThat(period.text(2567)).isEqualTo("ไตรมาส 3-4");
		assertThat(ActivityPeriod.parse("ไตรมาส 1", 2567))
			.isEqualTo(new ActivityPeriod(LocalDate.of(2023, 10, 1), LocalDate.of(2023, 12, 31)));
		assertThat(ActivityPeriod.parse("ทั้งปีงบประมาณ", 2567).text(2567)).isEqualTo("ทั้งปีงบประมาณ");
	}

	@Test
	void datesInTheBuddhistEraReadBackAsTheyWereWritten() {
		ActivityPeriod period = ActivityPeriod.parse("05/06/2567 - 10/06/2567", 2567);
		assertThat(period).isEqualTo(new ActivityPeriod(LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 10)));
		assertThat(period.text(2567)).isEqualTo("05/06/2567 - 10/06/2567");
		assertThat(ActivityPeriod.parse("๑ เมษายน ๒๕๖๗ ถึง ๓๐ มิถุนายน ๒๕๖๗", 2567).text(2567)).isEqualTo("ไตรมาส 3");
		assertThat(ActivityPeriod.parse("", 2567)).as("empty: not set").isNull();
	}

	@Test
	void seed002sOwnThirtyFirstOfJuneIsRefused() {
		assertThatThrownBy(() -> ActivityPeriod.parse("๓๑ มิถุนายน ๒๕๖๗", 2567))
			.hasMessageContaining("ไม่มีวันที่นี้ในปฏิทิน")
			.hasMessageContaining("๓๑ มิถุนายน ๒๕๖๗");
		assertThatThrownBy(() -> DeadlineRule.read("ภายใน ๓๑ มิถุนายน ๒๕๖๗", 2567))
			.hasMessageContaining("ไม่มีวันที่นี้ในปฏิทิน");
		assertThatThrownBy(() -> ActivityPeriod.parse("31/06/2567", 2567))
			.hasMessageContaining("ไม่มีวันที่นี้ในปฏิทิน");
	}

	@Test
	void aWindowOutsideTheFiscalYearIsRefused() {
		assertThatThrownBy(() -> ActivityPeriod.parse("01/09/2567 - 15/10/2567", 2567))
			.hasMessageContaining("อยู่นอกปีงบประมาณ 2567");
		assertThatThrownBy(() -> ActivityPeriod.parse("ไตรมาส 3-5", 2567)).hasMessageContaining("ไตรมาสต้องเป็น 1-4");
		assertThatThrownBy(() -> ActivityPeriod.parse("30/06/2567 - 01/06/2567", 2567))
			.hasMessageContaining("อยู่ก่อนวันเริ่ม");
		assertThatThrownBy(() -> DeadlineRule.read("ภายใน 15/10/2567", 2567)).hasMessageContaining("นอกปีงบประมาณ");
	}

	@Test
	void deadlineRulesAsTheLettersWriteThem() {
		assertThat(DeadlineRule.read("ภายใน ๑๕ สิงหาคม ๒๕๖๗", 2567).toString()).isEqualTo("by_date:2024-08-15");
		assertThat(DeadlineRule.read("ภายในเดือนมิถุนายน ๒๕๖๗", 2567).toString()).isEqualTo("within_month:2024-06");
		assertThat(DeadlineRule.read("ภายใน ๗ วันหลังเสร็จสิ้นการประชุม (ไตรมาส ๔)", 2567).toString())
			.isEqualTo("days_after_activity:7");
		assertThat(DeadlineRule.read("by_date:2024-09-15", 2567).toString()).isEqualTo("by_date:2024-09-15");
		assertThat(DeadlineRule.read("", 2567)).isEqualTo(DeadlineRule.ROUND);
		for (String stored : new String[] { "by_date:2024-08-15", "within_month:2024-06", "days_after_activity:30" }) {
			assertThat(DeadlineRule.read(DeadlineRule.parse(stored).text(), 2567).toString())
				.as(DeadlineRule.parse(stored).text())
				.isEqualTo(stored);
		}
	}

	@Test
	void aRuleThatCannotBeReadIsRefusedInThai() {
		assertThatThrownBy(() -> DeadlineRule.read("เร็ว ๆ นี้", 2567)).hasMessageContaining("อ่านกำหนดส่งไม่ออก");
		assertThatThrownBy(() -> DeadlineRule.read("days_after_activity:900", 2567)).hasMessageContaining("0-365");
		assertThatThrownBy(() -> DeadlineRule.read("ภายในเดือนมิถุนา 2567", 2567))
			.hasMessageContaining("ไม่รู้จักเดือน");
	}

}
