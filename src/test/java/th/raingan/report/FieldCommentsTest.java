package th.raingan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The checks of a return's field comments, without the engine: every problem named in
 * Thai, nothing half taken.
 */
class FieldCommentsTest {

	@Test
	void knownFieldsAndAreaRowsAreTakenBlankRowsIgnored() {
		List<FieldComments.Comment> comments = FieldComments
			.parse("[{\"target\":\"spentBaht\",\"comment\":\" ยอดไม่ตรง \"},{\"target\":\"\",\"comment\":\"\"},"
					+ "{\"target\":\"areas.2\",\"comment\":\"แก้ค่าใช้จ่าย\"}]", false, 3);
		assertThat(comments).containsExactly(
				new FieldComments.Comment("spentBaht", "ผลการใช้จ่ายงบประมาณ (บาท)", null, "ยอดไม่ตรง"),
				new FieldComments.Comment("areas.2", "ส่วนที่ 2 พื้นที่ที่ 2", 2, "แก้ค่าใช้จ่าย"));
		assertThat(FieldComments.parse(null, true, 0)).isEmpty();
	}

	@Test
	void everyProblemIsNamedAndNothingIsTaken() {
		assertThatThrownBy(() -> FieldComments.parse(List.of(Map.of("target", "noSuchField", "comment", "x y"),
				Map.of("target", "areas.0", "comment", "แถวศูนย์"),
				Map.of("target", "areas.abc", "comment", "ไม่ใช่ตัวเลข"),
				Map.of("target", "satisfactionPercent", "comment", "ไม่มีแบบประเมิน"),
				Map.of("target", "", "comment", "ไม่ได้เลือกช่อง"), Map.of("target", "outputText", "comment", " "),
				Map.of("target", "spentBaht", "comment", "ถูกต้อง")), false, 1))
			.isInstanceOf(ReportRefused.class)
			.satisfies(e -> assertThat(((ReportRefused) e).problems()).containsExactly(
					"ความเห็นรายช่อง ลำดับที่ 1: ไม่มีช่อง \"noSuchField\" ในแบบรายงาน เลือกได้เฉพาะช่องที่มีในรายงานฉบับนี้",
					"ความเห็นรายช่อง ลำดับที่ 2: ไม่มีพื้นที่ลำดับ \"0\" ในรายงานฉบับนี้ (มีข้อมูลเชิงพื้นที่ 1 แห่ง)",
					"ความเห็นรายช่อง ลำดับที่ 3: ไม่มีพื้นที่ลำดับ \"abc\" ในรายงานฉบับนี้ (มีข้อมูลเชิงพื้นที่ 1 แห่ง)",
					"ความเห็นรายช่อง ลำดับที่ 4: รายงานนี้ไม่มีช่อง \"ความพึงพอใจ (ร้อยละ)\" (โครงการนี้ไม่ต้องรายงานแบบสรุปการประเมินผล)",
					"ความเห็นรายช่อง ลำดับที่ 5: กรุณาเลือกช่องที่ให้ความเห็น",
					"ความเห็นรายช่อง ลำดับที่ 6 (ผลผลิต): กรุณาพิมพ์ความเห็นว่าต้องแก้ไขอย่างไร"));
	}

	@Test
	void somethingThatIsNotAListIsRefusedNamingTheField() {
		assertThatThrownBy(() -> FieldComments.parse("spentBaht", false, 0)).isInstanceOf(ReportRefused.class)
			.hasMessageContaining("ความเห็นรายช่อง: ต้องเป็นรายการ");
	}

	@Test
	void theChoiceOffersOnlyWhatTheReportHas() {
		List<Map<String, Object>> targets = FieldComments.targets(false,
				List.of(new ReportDraft.Area("ตำบลกุดป่อง หมู่ 1", "ผู้นำชุมชน", 20, "มีแผน", BigDecimal.TEN)));
		assertThat(targets).extracting(t -> t.get("value"))
			.contains("spentBaht", "areas.1")
			.doesNotContain("respondents", "areas.2");
		assertThat(targets).extracting(t -> t.get("label")).contains("ส่วนที่ 2 พื้นที่ที่ 1 (ตำบลกุดป่อง หมู่ 1)");
		assertThat(FieldComments.targets(true, List.of())).extracting(t -> t.get("value")).contains("respondents");
	}

}
