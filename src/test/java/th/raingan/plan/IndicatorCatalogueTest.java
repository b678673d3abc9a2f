package th.raingan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.org.OrgUnits;

/**
 * The department's indicator catalogue: its CSV import refuses a bad file whole, row by
 * row in Thai.
 */
@ApplicationTest
class IndicatorCatalogueTest {

	@Autowired
	IndicatorCatalogue catalogue;

	@Autowired
	OrgUnits orgUnits;

	@Autowired
	JdbcTemplate jdbc;

	private long rows() {
		return jdbc.queryForObject("select count(*) from raingan.kpi_indicator", Long.class)
				+ jdbc.queryForObject("select count(*) from raingan.kpi_indicator_office", Long.class);
	}

	@Test
	void theBureausExampleIndicatorsAreThereForEveryOffice() {
		IndicatorCatalogue.Indicator lpa = catalogue.find("01").orElseThrow();
		assertThat(lpa.nameTh())
			.startsWith("องค์กรปกครองส่วนท้องถิ่นผ่านเกณฑ์การประเมินประสิทธิภาพ (Local Performance Assessment : LPA)");
		assertThat(lpa.unitTh()).isEqualTo("ร้อยละ");
		assertThat(lpa.type()).isEqualTo(IndicatorCatalogue.QUANTITY);
		assertThat(lpa.levelTh()).isEqualTo("2.4 ชั้นค่าขอ >> ค่าขอกรม");
		assertThat(lpa.serviceTargetCode()).isEqualTo("01");
		assertThat(catalogue.find("02").orElseThrow().type()).isEqualTo(IndicatorCatalogue.QUALITY);
		assertThat(catalogue.plannedBy(orgUnits.find("4201").orElseThrow()))
			.extracting(IndicatorCatalogue.Indicator::code)
			.contains("01", "02");
	}

	@Test
	void aFileWithBadRowsIsRefusedWholeEachRowNamedInThai() {
		long before = rows();
		String good = "G" + System.nanoTime() % 1_000_000;
		String csv = Indicators.HEADER + good
				+ ",ร้อยละของหมู่บ้านเข้มแข็ง,ร้อยละ,เชิงปริมาณ,ชั้นค่าขอกรม,T1,เป้าหมาย 1,42\n" + good
				+ ",ซ้ำรหัส,ร้อยละ,เชิงปริมาณ,ชั้นค่าขอกรม,T1,เป้าหมาย 1,42\n"
				+ "X2,ประเภทผิด,คน,เชิงปริมาน,ชั้นค่าขอกรม,T1,เป้าหมาย 1,*\n"
				+ "X3,หน่วยงานผิด,คน,เชิงคุณภาพ,ชั้นค่าขอกรม,T1,เป้าหมาย 1,9999\n"
				+ "X4,,คน,เชิงคุณภาพ,ชั้นค่าขอกรม,T1,เป้าหมาย 1,\n"
				+ "รหัส ไทย,ชื่อ,คน,เชิงคุณภาพ,ชั้นค่าขอกรม,T1,เป้าหมาย 1,4201\n";
		IndicatorCatalogue.ImportResult result = catalogue.importCsv(csv.getBytes(StandardCharsets.UTF_8), "cdd01");
		assertThat(result.imported()).isZero();
		assertThat(result.message()).contains("ไม่ได้นำเข้า", "ทั้งไฟล์ยังไม่ถูกบันทึก");
		assertThat(result.errors()).extracting(e -> e.line() + " " + e.column() + ": " + e.message())
			.containsExactly("3 รหัส: รหัส " + good + " ซ้ำกับแถวก่อนหน้าในไฟล์",
					"4 ประเภทตัวชี้วัด: ไม่รู้จักประเภท \"เชิงปริมาน\" ต้องเป็น เชิงปริมาณ หรือ เชิงคุณภาพ",
					"5 หน่วยงานที่จัดทำแผน: ไม่รู้จักหน่วยงานรหัส \"9999\" (ใส่รหัสอำเภอ เช่น 4201 รหัสจังหวัด เช่น 42 หรือ * = ทุกหน่วยงาน คั่นด้วยช่องว่าง)",
					"6 ชื่อตัวชี้วัด: ต้องกรอก",
					"6 หน่วยงานที่จัดทำแผน: ต้องระบุหน่วยงานที่จัดทำแผน (รหัสอำเภอ รหัสจังหวัด หรือ * = ทุกหน่วยงาน)",
					"7 รหัส: ต้องกรอก เป็นตัวเลขหรืออักษรอังกฤษ ไม่เกิน 32 ตัว เช่น 01 (ได้รับ \"รหัส ไทย\")");
		assertThat(rows()).isEqualTo(before);
		assertThat(catalogue.find(good)).isEmpty();
	}

	@Test
	void thaiHeadersAndThaiExcelsEncodingAreReadAndARowIsUpdatedByItsCode() {
		String code = "W" + System.nanoTime() % 1_000_000;
		String csv = String.join(",", IndicatorCatalogue.COLUMNS.values()) + "\r\n" + code
				+ ",ร้อยละของกองทุนที่ได้มาตรฐาน,ร้อยละ,เชิงปริมาณ,ชั้นค่าขอกรม,T9,กองทุนชุมชนเข้มแข็ง,4201 27\r\n";
		IndicatorCatalogue.ImportResult first = catalogue.importCsv(csv.getBytes(Charset.forName("x-windows-874")),
				"admin");
		assertThat(first.errors()).isEmpty();
		assertThat(first.message()).contains("นำเข้าบัญชีตัวชี้วัดแล้ว 1 รายการ");
		assertThat(catalogue.find(code).orElseThrow().offices()).containsExactlyInAnyOrder("4201", "27");
		assertThat(catalogue.plannedBy(catalogue.find(code).orElseThrow(), orgUnits.find("2705").orElseThrow()))
			.isTrue();
		assertThat(catalogue.plannedBy(catalogue.find(code).orElseThrow(), orgUnits.find("4202").orElseThrow()))
			.isFalse();

		IndicatorCatalogue.ImportResult again = catalogue
			.importCsv(csv.replace("ร้อยละของกองทุนที่ได้มาตรฐาน", "ร้อยละของกองทุนที่ผ่านมาตรฐาน")
				.replace("4201 27", "*")
				.getBytes(StandardCharsets.UTF_8), "admin");
		assertThat(again.errors()).isEmpty();
		assertThat(catalogue.find(code).orElseThrow().nameTh()).isEqualTo("ร้อยละของกองทุนที่ผ่านมาตรฐาน");
		assertThat(catalogue.find(code).orElseThrow().offices()).containsExactly("*");
		assertThat(catalogue.csv()).startsWith("\uFEFFรหัส,ชื่อตัวชี้วัด").contains("\"" + code + "\"");
	}

	/**
	 * The catalogue's CSV export never hands Excel a formula (a name typed as
	 * {@code =HYPERLINK(...)} gets a leading quote), and importing the export gives the
	 * same names back.
	 */
	@Test
	void theExportNeutralisesFormulasAndReadsBackUnchanged() {
		String code = "F" + System.nanoTime() % 1_000_000;
		String name = "=HYPERLINK(\"\"http://evil.example\"\",\"\"คลิก\"\")";
		String csv = Indicators.HEADER + code + ",\"" + name + "\",@หน่วย,เชิงปริมาณ,-ชั้นค่าขอกรม,T1,+เป้าหมาย,42\n";
		assertThat(catalogue.importCsv(csv.getBytes(StandardCharsets.UTF_8), "cdd01").errors()).isEmpty();
		IndicatorCatalogue.Indicator typed = catalogue.find(code).orElseThrow();
		assertThat(typed.nameTh()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"คลิก\")");
		String export = catalogue.csv();
		String line = export.lines().filter(l -> l.startsWith("\"" + code + "\"")).findFirst().orElseThrow();
		assertThat(line).contains("\"'=HYPERLINK(", "\"'@หน่วย\"", "\"'-ชั้นค่าขอกรม\"", "\"'+เป้าหมาย\"")
			.doesNotContain(",\"=", ",\"@", ",\"+");

		assertThat(catalogue.importCsv(export.getBytes(StandardCharsets.UTF_8), "cdd01").errors()).isEmpty();
		IndicatorCatalogue.Indicator back = catalogue.find(code).orElseThrow();
		assertThat(back.nameTh()).isEqualTo(typed.nameTh());
		assertThat(back.unitTh()).isEqualTo("@หน่วย");
		assertThat(back.levelTh()).isEqualTo("-ชั้นค่าขอกรม");
		assertThat(back.serviceTargetTh()).isEqualTo("+เป้าหมาย");
	}

}
