package th.raingan.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import th.raingan.dashboard.Exports;
import th.raingan.myreports.ThaiPdf;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;
import th.raingan.thai.SafeText;

/**
 * The province's summary as Excel (the dashboard's workbook style: Thai headers, numbers
 * as numbers) and as a printable PDF (the printouts' Thai font setup): per topic, every
 * office's EA3, the weighted province figure and, once recorded, the province-wide EA3
 * with who signed it and when (Buddhist Era).
 */
final class EvaluationDocuments {

	static final List<String> HEADERS = List.of("ประเด็นที่ประเมิน", "หน่วยงาน", "ผู้ตอบแบบประเมิน (คน)",
			"ความรู้ความเข้าใจ (คน)", "ความรู้ความเข้าใจ (ร้อยละ)", "การนำไปใช้ประโยชน์ (คน)",
			"การนำไปใช้ประโยชน์ (ร้อยละ)", "ความพึงพอใจ (คน)", "ความพึงพอใจ (ร้อยละ)");

	static final String WEIGHTED = "ภาพรวมจังหวัด (ถ่วงน้ำหนักตามจำนวนผู้ตอบ)";

	static final String RECORDED = "ผลระดับจังหวัดที่บันทึก";

	private EvaluationDocuments() {
	}

	static List<List<Object>> rows(EvaluationSummaries.Summary s) {
		List<List<Object>> rows = new ArrayList<>();
		List<String> topics = new ArrayList<>(s.activity().topics());
		s.districts()
			.forEach(d -> d.topics()
				.stream()
				.filter(Ea3Check.Topic::ownTopic)
				.map(Ea3Check.Topic::topic)
				.filter(t -> !topics.contains(t))
				.forEach(topics::add));
		for (String topic : topics) {
			boolean own = !s.activity().topics().contains(topic);
			for (EvaluationSummaries.District d : s.districts()) {
				d.topics()
					.stream()
					.filter(t -> t.topic().equals(topic))
					.findFirst()
					.ifPresent(t -> rows.add(Arrays.asList(own ? topic + " (ประเด็นเพิ่มเติมของหน่วยงาน)" : topic,
							d.officeName(), d.respondents(), t.knowledgeCount(), t.knowledgePercent(), t.useCount(),
							t.usePercent(), t.satisfactionCount(), t.satisfactionPercent())));
			}
			if (own) {
				continue;
			}
			s.weighted()
				.stream()
				.filter(w -> w.topic().equals(topic))
				.findFirst()
				.ifPresent(w -> rows.add(Arrays.asList(topic, WEIGHTED, w.respondents(), null, w.knowledge(), null,
						w.use(), null, w.satisfaction())));
			s.result()
				.flatMap(r -> r.topics().stream().filter(t -> t.topic().equals(topic)).findFirst())
				.ifPresent(t -> rows.add(Arrays.asList(topic, RECORDED, t.respondents(), null, t.knowledge(), null,
						t.use(), null, t.satisfaction())));
		}
		return rows;
	}

	static String title(EvaluationSummaries.Summary s) {
		return "สรุปผลการประเมิน " + s.activity().activityTh() + " ปีงบประมาณ " + s.activity().fiscalYearBe();
	}

	static byte[] xlsx(EvaluationSummaries.Summary s) {
		try {
			return Exports.xlsx(new Exports.Table("สรุปผลการประเมิน", title(s) + signed(s), HEADERS, rows(s), null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String signed(EvaluationSummaries.Summary s) {
		return s.result()
			.map(r -> " · บันทึกโดย " + r.recordedBy() + " เมื่อ " + BuddhistDates.format(Clock.day(r.recordedAt()))
					+ (r.adjustReason() == null ? "" : " · เหตุผลที่ปรับ: " + r.adjustReason()))
			.orElse(" · ยังไม่ได้บันทึกผลระดับจังหวัด");
	}

	static String html(EvaluationSummaries.Summary s) {
		StringBuilder b = new StringBuilder();
		b.append("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"UTF-8\"/><title>")
			.append(e(title(s)))
			.append("</title><style>")
			.append(CSS)
			.append("</style></head><body>");
		b.append("<div class=\"printed\">พิมพ์เมื่อ ").append(e(BuddhistDates.format(Clock.today()))).append("</div>");
		b.append("<h1>แบบสรุปการประเมินผล (EA3) ภาพรวมจังหวัด</h1>");
		b.append("<h2>").append(e(s.activity().projectTh())).append("</h2>");
		b.append("<h2>กิจกรรม ")
			.append(e(s.activity().activityTh()))
			.append(" ปีงบประมาณ ")
			.append(s.activity().fiscalYearBe())
			.append("</h2>");
		b.append("<p>หน่วยงานที่ได้รับอนุมัติรายงาน ")
			.append(s.approvedDistricts())
			.append(" จาก ")
			.append(s.districts().size())
			.append(" หน่วยงาน · ผู้ตอบแบบประเมินรวม ")
			.append(s.respondents())
			.append(" คน</p>");
		b.append("<table class=\"grid\"><thead><tr>");
		HEADERS.forEach(h -> b.append("<th>").append(e(h)).append("</th>"));
		b.append("</tr></thead><tbody>");
		for (List<Object> row : rows(s)) {
			boolean total = WEIGHTED.equals(row.get(1)) || RECORDED.equals(row.get(1));
			b.append(total ? "<tr class=\"total\">" : "<tr>");
			for (Object cell : row) {
				b.append("<td>")
					.append(cell == null ? "" : e(cell instanceof BigDecimal n ? n.toPlainString() : cell.toString()))
					.append("</td>");
			}
			b.append("</tr>");
		}
		b.append("</tbody></table>");
		b.append("<p>").append(e(signed(s).substring(3))).append("</p>");
		b.append("</body></html>");
		return b.toString();
	}

	static byte[] pdf(EvaluationSummaries.Summary s) {
		return ThaiPdf.render(html(s));
	}

	private static String e(String text) {
		return SafeText.html(text);
	}

	private static final String CSS = """
			@page { size: A4 landscape; margin: 1.5cm;
			  @bottom-right { content: "หน้า " counter(page) " / " counter(pages); font-family: Laksaman; font-size: 12pt; } }
			body { font-family: Laksaman; font-size: 14pt; line-height: 1.3; }
			h1 { font-size: 18pt; text-align: center; margin: 0 0 4pt 0; }
			h2 { font-size: 15pt; text-align: center; margin: 0 0 2pt 0; font-weight: normal; }
			.printed { text-align: right; font-size: 12pt; }
			table.grid { border-collapse: collapse; width: 100%; }
			table.grid th, table.grid td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: top; font-size: 12pt; }
			tr.total td { font-weight: bold; }
			""";

}
