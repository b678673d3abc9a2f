package th.raingan.myreports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;

/**
 * The printout on its own, without the application: whatever an officer typed (markup
 * characters, quotes, a long area table) lays out as text over as many pages as it needs,
 * and a report still in review says so.
 */
class ReportPrintTest {

	final ReportPrint print = new ReportPrint();

	@Test
	void typedMarkupIsPrintedAsTextAndALongAreaTableRunsOverPages() throws Exception {
		List<MyReports.Area> areas = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			areas.add(new MyReports.Area(i, "ตำบลที่ " + i + " <หมู่ 1> & \"บ้านใหม่\"", "ผู้นำชุมชน", 10,
					"มีแผนพัฒนาตำบล </td></table><script>", new BigDecimal("100.50")));
		}
		MyReports.Version version = new MyReports.Version(7, "2570-1/801-112-P0167-2027-02/4201", 2, "submitted",
				"ส่งแล้ว", "2 มีนาคม 2570 เวลา 09:05 น.", "str4201", "พัฒนากร เมืองเลย", false, "นาย <ก> & ข",
				"0 4281 1773", "5 มกราคม 2570", "20 มกราคม 2570", null, "ผู้นำชุมชน & ประชาชน <ร่วมกัน>",
				new BigDecimal("14"), new BigDecimal("13"), new BigDecimal("92.86"), new BigDecimal("6030"), null, null,
				null, null, null, null, "", null, areas, List.of());
		MyReports.Heading heading = new MyReports.Heading("2570-1/801-112-P0167-2027-02/4201", "2570-1/42", 2570, 1,
				"4201", "สำนักงานพัฒนาชุมชนอำเภอเมืองเลย", "สำนักงานพัฒนาชุมชนจังหวัดเลย", "801-112-P0167-2027-02",
				"2. ประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาตำบล", "B1", null, "ตำบล", new BigDecimal("1"),
				new BigDecimal("3000"), false, "17 มีนาคม 2570");

		byte[] pdf = print.pdf(new ReportPrint.Printable(heading, "กิจกรรมโครงการตามแผนผลผลิต", version));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			// compared without spaces: a long value wraps wherever its column ends
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("ตำบลที่60<หมู่1>&\"บ้านใหม่\"")
				.contains("</td></table><script>")
				.contains("กำหนดส่งรายงาน17มีนาคม2570")
				.contains("ส่งเกินกำหนด")
				.contains("รอจังหวัดพิจารณา")
				.contains("รวม6006,030.00")
				.contains("โครงการนี้ไม่ต้องประเมินผล")
				.contains("ไม่มีไฟล์แนบ");
		}
	}

	/**
	 * Words whose tone marks and upper vowels a printer without OpenType shaping used to
	 * put in the wrong place.
	 */
	static final String MARKS = "ที่ นี้ ผู้ ปู่ ป่า ฟ้า ค่าใช้จ่าย หมู่ ส่วนที่ กิ่ง น้ำ ปั้น ฝั่ง ญี่ปุ่น ฐุ ญู ฎุ";

	@Test
	void thaiMarksPrintInPlaceAndTheTextExtractsAsTheUnicodeThaiThatWasTyped() throws Exception {
		MyReports.Version version = new MyReports.Version(8, "2570-1/801-112-P0167-2027-02/4201", 1, "submitted",
				"ส่งแล้ว", "2 มีนาคม 2570 เวลา 09:05 น.", "str4201", "พัฒนากร เมืองเลย", true, "นางบิ่งอร จันทร์ศรี",
				"042811773", "5 มกราคม 2570", "20 มกราคม 2570", MARKS, "ผู้นำชุมชนร่วมจัดทำแผนและนำแผนไปใช้",
				new BigDecimal("14"), new BigDecimal("14"), new BigDecimal("100"), new BigDecimal("3000"), null, null,
				null, null, null, null, "", null, List.of(new MyReports.Area(1, "ตำบลกุดป่อง หมู่ 1", "ผู้นำชุมชน", 20,
						"มีแผนพัฒนาตำบล", new BigDecimal("1000"))),
				List.of());
		MyReports.Heading heading = new MyReports.Heading("2570-1/801-112-P0167-2027-02/4201", "2570-1/42", 2570, 1,
				"4201", "สำนักงานพัฒนาชุมชนอำเภอเมืองเลย", "สำนักงานพัฒนาชุมชนจังหวัดเลย", "801-112-P0167-2027-02",
				"ส่วนที่ ผู้รับผิดชอบ ค่าใช้จ่าย ปู่ย่า ฟ้าฝน", "B1", null, "คน", new BigDecimal("20"),
				new BigDecimal("3000"), false, "17 มีนาคม 2570");

		byte[] pdf = print.pdf(new ReportPrint.Printable(heading, "กิจกรรมโครงการตามแผนผลผลิต", version));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).as("no private-use code point reaches the extracted text")
				.doesNotContainPattern("[\\uF700-\\uF71F]");
			String compact = text.replaceAll("\\s+", "");
			assertThat(compact).contains(MARKS.replace(" ", ""))
				.contains("ส่วนที่ผู้รับผิดชอบค่าใช้จ่ายปู่ย่าฟ้าฝน")
				.contains("ผู้รับผิดชอบนางบิ่งอรจันทร์ศรี")
				.contains("ตำบลกุดป่องหมู่1")
				.contains("หน้า1/");
			assertThat(document.getDocumentInformation().getTitle())
				.isEqualTo("รายงานผลการดำเนินงาน 801-112-P0167-2027-02 ฉบับที่ 1");

			Path shots = Path.of("target", "screenshots");
			Files.createDirectories(shots);
			Files.write(shots.resolve("report-print-thai-marks.pdf"), pdf);
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 160);
			ImageIO.write(page.getSubimage(0, 0, page.getWidth(), page.getHeight() * 11 / 20), "png",
					shots.resolve("report-print-thai-marks.png").toFile());
		}
	}

}
