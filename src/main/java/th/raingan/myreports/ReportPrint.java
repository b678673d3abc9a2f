package th.raingan.myreports;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.BreakIterator;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.openhtmltopdf.extend.FSTextBreaker;

import th.raingan.thai.Clock;
import th.raingan.thai.SafeText;

/**
 * A submitted report version as a PDF in the layout of a Thai government form: heading,
 * office, project, budget code, fiscal year and round, part 1, the area table, the
 * evaluation summary, the files, who submitted and who decided when. XHTML laid out by
 * openhtmltopdf on PDFBox, with Laksaman (TH Sarabun's metrics) embedded from the
 * application's own resources, lines broken at Thai word boundaries, every date in the
 * Buddhist Era.
 */
@Component
class ReportPrint {

	static final String FONT = ThaiPdf.FONT;

	private final java.util.List<PrintedEvaluation> evaluations;

	ReportPrint() {
		this(java.util.List.of());
	}

	@org.springframework.beans.factory.annotation.Autowired
	ReportPrint(org.springframework.beans.factory.ObjectProvider<PrintedEvaluation> evaluations) {
		this(evaluations.orderedStream().toList());
	}

	ReportPrint(java.util.List<PrintedEvaluation> evaluations) {
		this.evaluations = evaluations;
	}

	/** Everything the printout shows. */
	record Printable(MyReports.Heading heading, String budgetSourceName, MyReports.Version version) {

	}

	byte[] pdf(Printable printable) {
		return ThaiPdf.render(html(printable));
	}

	String html(Printable p) {
		MyReports.Heading h = p.heading();
		MyReports.Version v = p.version();
		StringBuilder b = new StringBuilder();
		b.append("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"UTF-8\"/><title>")
			.append(e("รายงานผลการดำเนินงาน " + h.budgetCode() + " ฉบับที่ " + v.revision()))
			.append("</title><style>")
			.append(CSS)
			.append("</style></head><body>");
		b.append("<div class=\"printed\">พิมพ์เมื่อ ")
			.append(e(ThaiTime.dateTime(new Timestamp(Clock.now().getTime()))))
			.append("</div>");
		b.append("<h1>แบบรายงานผลการดำเนินงานกิจกรรม/โครงการ</h1>");
		b.append("<h2>ปีงบประมาณ พ.ศ. ")
			.append(h.fiscalYear())
			.append(" รอบการประเมินที่ ")
			.append(h.roundNo())
			.append(h.roundNo() == 1 ? " (1 ตุลาคม " + (h.fiscalYear() - 1) + " ถึง 31 มีนาคม " + h.fiscalYear() + ")"
					: " (1 เมษายน ถึง 30 กันยายน " + h.fiscalYear() + ")")
			.append("</h2>");
		b.append("<h2>").append(e(h.officeName())).append("</h2>");
		if (!h.officeName().equals(h.provinceName())) {
			b.append("<h2>").append(e(h.provinceName())).append("</h2>");
		}

		b.append("<table class=\"fields\">");
		row(b, "รหัสงบประมาณ", h.budgetCode());
		row(b, "แผนงาน/โครงการ/กิจกรรม", h.projectName());
		row(b, "แหล่งงบประมาณ", "(" + h.budgetSource() + ") " + nz(p.budgetSourceName()));
		row(b, "เป้าหมายของหน่วยงาน", number(h.officeTarget()) + " " + nz(h.unit()));
		row(b, "งบประมาณที่ได้รับจัดสรร", baht(h.allocationBaht()));
		row(b, "กำหนดส่งรายงาน", h.dueDateTh());
		row(b, "รายงานฉบับที่", v.revision() + " สถานะ " + v.statusTh());
		b.append("</table>");

		b.append("<h3>ส่วนที่ 1 ผลการดำเนินงาน</h3><table class=\"fields\">");
		row(b, "ผู้รับผิดชอบ", v.officerName() + " โทรศัพท์ " + v.officerPhone());
		row(b, "วันที่ดำเนินการ", v.startDateTh() + " ถึง " + v.endDateTh());
		row(b, "ผลผลิต", nz(v.output()));
		row(b, "ประเด็นความสำเร็จ", v.successPoints());
		row(b, "เป้าหมาย / ผลการดำเนินงาน",
				number(v.targetValue()) + " / " + number(v.resultValue()) + " " + nz(h.unit()));
		row(b, "ความก้าวหน้า", "ร้อยละ " + number(v.progressPercent()));
		row(b, "ค่าใช้จ่าย (เบิกจ่าย)", baht(v.spentBaht()));
		b.append("</table>");

		b.append("<h3>ส่วนที่ 2 ข้อมูลเชิงพื้นที่</h3>");
		if (v.areas().isEmpty()) {
			b.append("<p>ไม่มีข้อมูลพื้นที่ในรายงานฉบับนี้</p>");
		}
		else {
			b.append("<table class=\"grid\"><colgroup><col style=\"width: 9%\"/><col style=\"width: 24%\"/>")
				.append("<col style=\"width: 16%\"/><col style=\"width: 10%\"/><col style=\"width: 26%\"/>")
				.append("<col style=\"width: 15%\"/></colgroup><thead><tr><th class=\"n\">ลำดับ</th><th>พื้นที่ดำเนินการ</th>")
				.append("<th>กลุ่มเป้าหมาย</th><th class=\"n\">จำนวน (คน)</th><th>ผลการดำเนินงาน</th>")
				.append("<th class=\"n\">ค่าใช้จ่าย (บาท)</th></tr></thead><tbody>");
			int people = 0;
			BigDecimal expense = BigDecimal.ZERO;
			for (MyReports.Area a : v.areas()) {
				b.append("<tr><td class=\"n\">")
					.append(a.seq())
					.append("</td><td>")
					.append(e(a.place()))
					.append("</td><td>")
					.append(e(a.targetGroup()))
					.append("</td><td class=\"n\">")
					.append(number(BigDecimal.valueOf(a.people())))
					.append("</td><td>")
					.append(e(a.outcome()))
					.append("</td><td class=\"n\">")
					.append(money(a.expenseBaht()))
					.append("</td></tr>");
				people += a.people();
				expense = expense.add(a.expenseBaht() == null ? BigDecimal.ZERO : a.expenseBaht());
			}
			b.append("<tr class=\"total\"><td></td><td colspan=\"2\">รวม</td><td class=\"n\">")
				.append(number(BigDecimal.valueOf(people)))
				.append("</td><td></td><td class=\"n\">")
				.append(money(expense))
				.append("</td></tr></tbody></table>");
		}

		b.append("<h3>ส่วนที่ 3 สรุปผลการประเมินโครงการ</h3>");
		if (v.respondents() == null) {
			b.append("<p>")
				.append(h.evaluationRequired() ? "ไม่ได้บันทึกผลการประเมิน" : "โครงการนี้ไม่ต้องประเมินผล")
				.append("</p>");
		}
		else {
			b.append("<table class=\"fields\">");
			row(b, "จำนวนผู้ตอบแบบประเมิน", number(BigDecimal.valueOf(v.respondents())) + " คน");
			row(b, "ความรู้ความเข้าใจ", "ร้อยละ " + number(v.knowledgePercent()));
			row(b, "การนำไปใช้ประโยชน์", "ร้อยละ " + number(v.usePercent()));
			row(b, "ความพึงพอใจ", "ร้อยละ " + number(v.satisfactionPercent()));
			b.append("</table>");
			topics(b, v);
		}

		b.append("<h3>เอกสารแนบ</h3>");
		if (v.files().isEmpty()) {
			b.append("<p>ไม่มีไฟล์แนบ</p>");
		}
		else {
			b.append("<ol>");
			for (MyReports.File f : v.files()) {
				b.append("<li>").append(e(f.name())).append(" (").append(size(f.sizeBytes())).append(")</li>");
			}
			b.append("</ol>");
		}

		if (v.returnReason() != null && !v.returnReason().isBlank()) {
			b.append("<h3>เหตุผลที่ส่งกลับแก้ไข</h3><p>").append(e(v.returnReason())).append("</p>");
		}

		b.append("<table class=\"signatures\"><tr><td>");
		b.append("<p>ผู้รายงาน</p><p class=\"name\">(")
			.append(e(v.submittedByName()))
			.append(")</p>")
			.append("<p>")
			.append(e(v.officerName()))
			.append(" ผู้รับผิดชอบ</p>")
			.append("<p>ส่งรายงานเมื่อ ")
			.append(e(v.submittedAtTh()))
			.append("</p>")
			.append("<p>")
			.append(v.onTime() ? "ส่งภายในกำหนด" : "ส่งเกินกำหนด")
			.append("</p>");
		b.append("</td><td>");
		if (v.decidedBy() != null) {
			b.append("<p>")
				.append("approved".equals(v.status()) ? "ผู้อนุมัติ" : "ผู้พิจารณา")
				.append("</p>")
				.append("<p class=\"name\">(")
				.append(e(v.decidedByName()))
				.append(")</p>")
				.append("<p>กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน</p>")
				.append("<p>")
				.append(e(v.statusTh()))
				.append("เมื่อ ")
				.append(e(v.decidedAtTh()))
				.append("</p>");
		}
		else {
			b.append("<p>ผู้พิจารณา</p><p class=\"name\">รอจังหวัดพิจารณา</p>");
		}
		b.append("</td></tr></table>");
		b.append("<p class=\"key\">เลขที่รายงาน ").append(e(h.businessKey())).append("</p>");
		b.append("</body></html>");
		return b.toString();
	}

	private static void row(StringBuilder b, String label, String value) {
		b.append("<tr><th>").append(e(label)).append("</th><td>").append(e(value)).append("</td></tr>");
	}

	private static String e(String text) {
		return SafeText.html(text);
	}

	private static String nz(String text) {
		return text == null ? "" : text;
	}

	/**
	 * EA3 per key topic (the evaluation plan's and the office's own), when the version
	 * has them: counts and percentages of the respondents; the three overall figures
	 * above are their means.
	 */
	private void topics(StringBuilder b, MyReports.Version v) {
		java.util.List<PrintedEvaluation.Topic> topics = evaluations.stream()
			.flatMap(x -> x.printedTopics(v.id()).stream())
			.toList();
		if (topics.isEmpty()) {
			return;
		}
		b.append("<p class=\"note\">ผลการประเมินรายประเด็น (EA3) จากผู้ตอบแบบประเมิน ")
			.append(number(BigDecimal.valueOf(v.respondents())))
			.append(" คน (ค่าข้างต้นเป็นค่าเฉลี่ยของทุกประเด็น)</p>");
		b.append("<table class=\"grid ea3\"><colgroup><col style=\"width: 6%\"/><col style=\"width: 40%\"/>")
			.append("<col style=\"width: 18%\"/><col style=\"width: 18%\"/><col style=\"width: 18%\"/></colgroup>")
			.append("<thead><tr><th class=\"n\">ลำดับ</th><th>ประเด็นที่ประเมิน</th>")
			.append("<th class=\"n\">ความรู้ความเข้าใจ คน (ร้อยละ)</th><th class=\"n\">การนำไปใช้ประโยชน์ คน (ร้อยละ)</th>")
			.append("<th class=\"n\">ความพึงพอใจ คน (ร้อยละ)</th></tr></thead><tbody>");
		int seq = 1;
		for (PrintedEvaluation.Topic t : topics) {
			b.append("<tr><td class=\"n\">")
				.append(seq++)
				.append("</td><td>")
				.append(e(t.topic()))
				.append(t.own() ? " (ประเด็นของหน่วยงาน)" : "")
				.append("</td><td class=\"n\">")
				.append(countAndPercent(t.knowledgeCount(), t.knowledgePercent()))
				.append("</td><td class=\"n\">")
				.append(countAndPercent(t.useCount(), t.usePercent()))
				.append("</td><td class=\"n\">")
				.append(countAndPercent(t.satisfactionCount(), t.satisfactionPercent()))
				.append("</td></tr>");
		}
		b.append("</tbody></table>");
	}

	private static String countAndPercent(int count, BigDecimal percent) {
		return number(BigDecimal.valueOf(count)) + " (" + number(percent) + ")";
	}

	private static String number(BigDecimal value) {
		if (value == null) {
			return "-";
		}
		DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return f.format(value);
	}

	private static String money(BigDecimal value) {
		DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return value == null ? "-" : f.format(value);
	}

	private static String baht(BigDecimal value) {
		return value == null ? "-" : money(value) + " บาท";
	}

	private static String size(int bytes) {
		return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f เมกะไบต์", bytes / 1024.0 / 1024.0)
				: Math.max(1, Math.round(bytes / 1024.0)) + " กิโลไบต์";
	}

	/**
	 * Thai has no spaces between words: lines break where Java's Thai dictionary finds a
	 * word boundary, and a word too long for its column breaks between whole characters
	 * (a consonant with its marks). Both are found in the Unicode text: the dictionary
	 * does not know the positioned glyphs' Private Use code points, and the breaker would
	 * split a mark from its consonant. The positioned text has the same length, so the
	 * offsets hold.
	 */
	static final class ThaiBreaker implements FSTextBreaker {

		private final BreakIterator breaks;

		ThaiBreaker(BreakIterator breaks) {
			this.breaks = breaks;
		}

		@Override
		public int next() {
			return breaks.next();
		}

		@Override
		public void setText(String text) {
			breaks.setText(ThaiMarks.unicode(text));
		}

	}

	private static final String CSS = """
			@page { size: A4; margin: 2cm 2cm 2cm 3cm;
			  @bottom-right { content: "หน้า " counter(page) " / " counter(pages); font-family: Laksaman; font-size: 12pt; } }
			body { font-family: Laksaman; font-size: 15pt; line-height: 1.4; }
			h1 { font-size: 20pt; text-align: center; margin: 0 0 4pt 0; }
			h2 { font-size: 16pt; text-align: center; margin: 0 0 2pt 0; font-weight: normal; }
			h3 { font-size: 16pt; margin: 12pt 0 4pt 0; }
			.printed { text-align: right; font-size: 12pt; }
			table { border-collapse: collapse; width: 100%; }
			table.grid { table-layout: fixed; }
			table.fields th { text-align: left; vertical-align: top; width: 1%; white-space: nowrap; font-weight: bold; padding: 1pt 12pt 1pt 0; }
			table.fields td { vertical-align: top; padding: 1pt 0; }
			table.grid th, table.grid td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: top; font-size: 14pt; }
			table.grid th { background: #eeeeee; }
			table.grid .n { text-align: right; }
			table.grid th.n { text-align: center; }
			table.grid tr { page-break-inside: avoid; }
			table.grid thead { display: table-header-group; }
			tr.total td { font-weight: bold; }
			table.signatures { margin-top: 24pt; page-break-inside: avoid; }
			table.signatures td { width: 50%; text-align: center; vertical-align: top; }
			table.signatures p { margin: 0; }
			table.signatures p.name { margin-top: 24pt; }
			p.note { margin: 6pt 0 2pt 0; }
			p.key { margin-top: 18pt; font-size: 12pt; color: #444444; }
			ol { margin: 0; }
			""";

}
