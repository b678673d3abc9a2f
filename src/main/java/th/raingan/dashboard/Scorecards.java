package th.raingan.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import th.raingan.myreports.ThaiPdf;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.org.People;
import th.raingan.round.RoundService;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;
import th.raingan.thai.FiscalYear;
import th.raingan.thai.SafeText;

/**
 * A province's KPI scorecard for a round: per district each team indicator's value, level
 * and what the next level needs, the weighted score (of 5) and its percent, beside the
 * district's score of the previous round (round 1 of the same fiscal year for a round 2,
 * round 2 of the year before for a round 1) and the change. As the page shows it, as an
 * Excel table and as a printed document (PDF). The scores are read through
 * {@link TeamScores} alone.
 */
@Service
public class Scorecards {

	/**
	 * One district's line: its current scores, its previous round's (null: none) and the
	 * change.
	 */
	public record Line(String officeCode, String officeName, List<Cell> cells, BigDecimal score, BigDecimal percent,
			BigDecimal previousScore, BigDecimal change) {

	}

	/**
	 * One indicator of a district: value, level, the previous round's level (null: none),
	 * the next level's need.
	 */
	public record Cell(String indicatorId, BigDecimal value, int level, Integer previousLevel, String toNextLevel) {

	}

	/**
	 * The scorecard. {@code exists}: the province closed this KPI round; {@code signed}:
	 * the figures are the signed snapshot's; {@code signedTh}: who signed when (BE); the
	 * means are the province's over its districts.
	 */
	public record Scorecard(String provinceCode, String provinceName, int fiscalYear, int round, String roundKey,
			String roundPeriodTh, boolean exists, boolean signed, Integer version, String signedTh, String templateId,
			List<TeamScores.IndicatorHead> indicators, List<Line> lines, BigDecimal meanScore, BigDecimal meanPercent,
			String previousRoundKey, String previousRoundTh, boolean previousExists, BigDecimal previousMeanScore) {

	}

	private final TeamScores scores;

	private final OrgUnits orgUnits;

	private final People people;

	Scorecards(TeamScores scores, OrgUnits orgUnits, People people) {
		this.scores = scores;
		this.orgUnits = orgUnits;
		this.people = people;
	}

	/** The previous round of a round: {@code [fiscal year, round]}. */
	static int[] previous(int fiscalYear, int round) {
		return round == 2 ? new int[] { fiscalYear, 1 } : new int[] { fiscalYear - 1, 2 };
	}

	public Scorecard of(int fiscalYear, int round, String province) {
		String roundKey = RoundService.roundKey(fiscalYear, round, province);
		int[] before = previous(fiscalYear, round);
		String previousKey = RoundService.roundKey(before[0], before[1], province);
		var current = scores.of(roundKey).orElse(null);
		var previous = scores.of(previousKey).orElse(null);
		Map<String, TeamScores.DistrictScores> previousByOffice = new LinkedHashMap<>();
		if (previous != null) {
			previous.districts().forEach(d -> previousByOffice.put(d.officeCode(), d));
		}
		List<Line> lines = new ArrayList<>();
		if (current != null) {
			for (TeamScores.DistrictScores d : current.districts()) {
				TeamScores.DistrictScores then = previousByOffice.get(d.officeCode());
				List<Cell> cells = new ArrayList<>();
				for (TeamScores.IndicatorScore s : d.indicators().values()) {
					TeamScores.IndicatorScore earlier = then == null ? null : then.indicators().get(s.indicatorId());
					cells.add(new Cell(s.indicatorId(), s.value(), s.level(), earlier == null ? null : earlier.level(),
							s.toNextLevel()));
				}
				lines.add(new Line(d.officeCode(),
						orgUnits.find(d.officeCode()).map(OrgUnit::nameTh).orElse(d.officeCode()), cells, d.score(),
						d.percent(), then == null ? null : then.score(),
						then == null ? null : d.score().subtract(then.score())));
			}
		}
		String signedTh = null;
		if (current != null && current.signed()) {
			ZonedDateTime at = current.signedAt().toInstant().atZone(Clock.ZONE);
			signedTh = people.displayName(current.signedBy()) + " ลงนามรับรองเมื่อ "
					+ BuddhistDates.formatLong(at.toLocalDate()) + " เวลา "
					+ String.format("%02d:%02d", at.getHour(), at.getMinute()) + " น. (ฉบับที่ " + current.version()
					+ ")";
		}
		BigDecimal mean = mean(lines.stream().map(Line::score).toList());
		BigDecimal previousMean = previous == null ? null
				: mean(previous.districts().stream().map(TeamScores.DistrictScores::score).toList());
		return new Scorecard(province, orgUnits.find(province).map(OrgUnit::nameTh).orElse(province), fiscalYear, round,
				roundKey, period(fiscalYear, round), current != null, current != null && current.signed(),
				current == null ? null : current.version(), signedTh, current == null ? null : current.templateId(),
				current == null ? List.of() : current.indicators(), lines, mean,
				mean == null ? null : mean.multiply(BigDecimal.valueOf(20)).setScale(2, RoundingMode.HALF_UP),
				previousKey, "รอบที่ " + before[1] + " ปีงบประมาณ " + before[0], previous != null, previousMean);
	}

	/** {@code 1 ตุลาคม 2568 ถึง 31 มีนาคม 2569}. */
	static String period(int fiscalYear, int round) {
		FiscalYear year = FiscalYear.of(fiscalYear);
		var start = round == 1 ? year.start() : year.roundEnd(1).plusDays(1);
		return BuddhistDates.formatLong(start) + " ถึง " + BuddhistDates.formatLong(year.roundEnd(round));
	}

	/** The mean of the scores, two decimals; null for none. */
	static BigDecimal mean(List<BigDecimal> values) {
		List<BigDecimal> present = values.stream().filter(v -> v != null).toList();
		if (present.isEmpty()) {
			return null;
		}
		return present.stream()
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(present.size()), 2, RoundingMode.HALF_UP);
	}

	/**
	 * The scorecard as an Excel table: per indicator value and level, the scores, the
	 * change, the next levels.
	 */
	public Exports.Table table(Scorecard card) {
		List<String> headers = new ArrayList<>(List.of("รหัส", "หน่วยงาน"));
		for (TeamScores.IndicatorHead i : card.indicators()) {
			headers.add(i.id() + " ผล");
			headers.add(i.id() + " ระดับ");
		}
		headers.addAll(List.of("คะแนนถ่วงน้ำหนัก (เต็ม 5)", "ร้อยละ", "คะแนน" + card.previousRoundTh(), "เปลี่ยนแปลง",
				"สิ่งที่ต้องทำเพื่อเลื่อนระดับ"));
		List<List<Object>> rows = new ArrayList<>();
		Map<String, BigDecimal> levelSums = new LinkedHashMap<>();
		for (Line line : card.lines()) {
			List<Object> row = new ArrayList<>(List.of(line.officeCode(), line.officeName()));
			List<String> next = new ArrayList<>();
			for (Cell cell : line.cells()) {
				row.add(cell.value() == null ? "" : cell.value().setScale(2, RoundingMode.HALF_UP));
				row.add(cell.level());
				levelSums.merge(cell.indicatorId(), BigDecimal.valueOf(cell.level()), BigDecimal::add);
				if (cell.toNextLevel() != null) {
					next.add(cell.indicatorId() + " " + cell.toNextLevel());
				}
			}
			row.add(line.score());
			row.add(line.percent());
			row.add(line.previousScore() == null ? "" : line.previousScore());
			row.add(line.change() == null ? "" : line.change());
			row.add(String.join("; ", next));
			rows.add(row);
		}
		List<Object> totals = new ArrayList<>(List.of("", "เฉลี่ยทั้งจังหวัด"));
		for (TeamScores.IndicatorHead i : card.indicators()) {
			totals.add("");
			totals.add(card.lines().isEmpty() ? "" : levelSums.getOrDefault(i.id(), BigDecimal.ZERO)
				.divide(BigDecimal.valueOf(card.lines().size()), 2, RoundingMode.HALF_UP));
		}
		totals.add(card.meanScore() == null ? "" : card.meanScore());
		totals.add(card.meanPercent() == null ? "" : card.meanPercent());
		totals.add(card.previousMeanScore() == null ? "" : card.previousMeanScore());
		totals.add(card.meanScore() == null || card.previousMeanScore() == null ? ""
				: card.meanScore().subtract(card.previousMeanScore()));
		totals.add("");
		return new Exports.Table("ผลคะแนนตัวชี้วัด", null, headers, rows, totals);
	}

	/**
	 * The scorecard as a printed document in the look of a Thai government form: heading,
	 * province, round and its period, the table, the indicators with their weights, what
	 * each district needs for its next levels, who signed when and when it was printed,
	 * every date in the Buddhist Era. A4 landscape, Laksaman.
	 */
	public byte[] pdf(Scorecard card) {
		return ThaiPdf.render(html(card));
	}

	String html(Scorecard card) {
		StringBuilder b = new StringBuilder();
		b.append("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"UTF-8\"/><title>")
			.append(e("ผลคะแนนตัวชี้วัด " + card.provinceName() + " รอบที่ " + card.round() + "/" + card.fiscalYear()))
			.append("</title><style>")
			.append(CSS)
			.append("</style></head><body>");
		ZonedDateTime now = Clock.now().toInstant().atZone(Clock.ZONE);
		b.append("<div class=\"printed\">พิมพ์เมื่อ ")
			.append(BuddhistDates.formatLong(now.toLocalDate()))
			.append(" เวลา ")
			.append(String.format("%02d:%02d", now.getHour(), now.getMinute()))
			.append(" น.</div>");
		b.append("<h1>แบบสรุปผลการประเมินตัวชี้วัดตามคำรับรองการปฏิบัติราชการ ระดับอำเภอ</h1>");
		b.append("<h2>").append(e(card.provinceName())).append("</h2>");
		b.append("<h2>รอบการประเมินที่ ")
			.append(card.round())
			.append(" ปีงบประมาณ พ.ศ. ")
			.append(card.fiscalYear())
			.append(" (")
			.append(e(card.roundPeriodTh()))
			.append(")</h2>");
		if (!card.exists()) {
			b.append("<p>จังหวัดยังไม่ได้ปิดรอบการประเมินตัวชี้วัดของรอบนี้</p></body></html>");
			return b.toString();
		}
		b.append("<p class=\"status\">")
			.append(card.signed() ? "ผลที่ลงนามรับรองแล้ว: " + e(card.signedTh())
					: "ผลเบื้องต้น (ยังไม่ได้ลงนามรับรอง)")
			.append("</p>");
		b.append("<table class=\"grid\"><thead><tr><th class=\"n\">ลำดับ</th><th>หน่วยงาน</th>");
		for (TeamScores.IndicatorHead i : card.indicators()) {
			b.append("<th class=\"n\">").append(e(i.id())).append("<br/>(ระดับ)</th>");
		}
		b.append("<th class=\"n\">คะแนน<br/>(เต็ม 5)</th><th class=\"n\">ร้อยละ</th><th class=\"n\">")
			.append(e(card.previousRoundTh()))
			.append("</th><th class=\"n\">เปลี่ยนแปลง</th></tr></thead><tbody>");
		int seq = 0;
		for (Line line : card.lines()) {
			b.append("<tr><td class=\"n\">")
				.append(++seq)
				.append("</td><td>")
				.append(e(line.officeName()))
				.append("</td>");
			for (Cell cell : line.cells()) {
				b.append("<td class=\"n\">").append(cell.level()).append("</td>");
			}
			b.append("<td class=\"n\">")
				.append(number(line.score()))
				.append("</td><td class=\"n\">")
				.append(number(line.percent()))
				.append("</td><td class=\"n\">")
				.append(number(line.previousScore()))
				.append("</td><td class=\"n\">")
				.append(signed(line.change()))
				.append("</td></tr>");
		}
		b.append("<tr class=\"total\"><td></td><td>เฉลี่ยทั้งจังหวัด</td>");
		for (int i = 0; i < card.indicators().size(); i++) {
			b.append("<td></td>");
		}
		b.append("<td class=\"n\">")
			.append(number(card.meanScore()))
			.append("</td><td class=\"n\">")
			.append(number(card.meanPercent()))
			.append("</td><td class=\"n\">")
			.append(number(card.previousMeanScore()))
			.append("</td><td class=\"n\">")
			.append(card.meanScore() == null || card.previousMeanScore() == null ? "-"
					: signed(card.meanScore().subtract(card.previousMeanScore())))
			.append("</td></tr></tbody></table>");
		b.append("<h3>ตัวชี้วัดและน้ำหนัก</h3><table class=\"fields\">");
		for (TeamScores.IndicatorHead i : card.indicators()) {
			b.append("<tr><th>")
				.append(e(i.id()))
				.append("</th><td>")
				.append(e(i.nameTh()))
				.append(" (น้ำหนักร้อยละ ")
				.append(i.weight().stripTrailingZeros().toPlainString())
				.append(")</td></tr>");
		}
		b.append(
				"</table><p class=\"note\">คะแนนถ่วงน้ำหนัก = ผลรวมของ (น้ำหนัก x ระดับ) หารด้วยผลรวมของน้ำหนัก (เต็ม 5)</p>");
		b.append("<h3>สิ่งที่ต้องทำเพื่อเลื่อนระดับ</h3>");
		for (Line line : card.lines()) {
			List<Cell> open = line.cells().stream().filter(c -> c.toNextLevel() != null).toList();
			b.append("<p class=\"office\">").append(e(line.officeName())).append("</p>");
			if (open.isEmpty()) {
				b.append("<p>ได้ระดับ 5 ทุกตัวชี้วัด</p>");
			}
			else {
				b.append("<ul>");
				open.forEach(c -> b.append("<li>").append(e(c.indicatorId() + " " + c.toNextLevel())).append("</li>"));
				b.append("</ul>");
			}
		}
		b.append("<p class=\"key\">รอบ ")
			.append(e(card.roundKey()))
			.append(" แม่แบบตัวชี้วัด ")
			.append(e(card.templateId()))
			.append("</p>");
		b.append("</body></html>");
		return b.toString();
	}

	private static String e(String text) {
		return SafeText.html(text);
	}

	static String number(BigDecimal value) {
		if (value == null) {
			return "-";
		}
		return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
	}

	private static String signed(BigDecimal value) {
		if (value == null) {
			return "-";
		}
		return (value.signum() > 0 ? "+" : "") + number(value);
	}

	private static final String CSS = """
			@page { size: A4 landscape; margin: 1.5cm 1.5cm 1.5cm 2cm;
			  @bottom-right { content: "หน้า " counter(page) " / " counter(pages); font-family: Laksaman; font-size: 12pt; } }
			body { font-family: Laksaman; font-size: 15pt; line-height: 1.35; }
			h1 { font-size: 19pt; text-align: center; margin: 0 0 4pt 0; }
			h2 { font-size: 16pt; text-align: center; margin: 0 0 2pt 0; font-weight: normal; }
			h3 { font-size: 16pt; margin: 12pt 0 4pt 0; }
			.printed { text-align: right; font-size: 12pt; }
			p.status { margin: 6pt 0; }
			table { border-collapse: collapse; width: 100%; }
			table.grid th, table.grid td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: top; font-size: 14pt; }
			table.grid th { background: #eeeeee; }
			table.grid .n { text-align: right; }
			table.grid th.n { text-align: center; }
			table.grid tr { page-break-inside: avoid; }
			table.grid thead { display: table-header-group; }
			tr.total td { font-weight: bold; }
			table.fields th { text-align: left; vertical-align: top; width: 1%; white-space: nowrap; padding: 1pt 12pt 1pt 0; }
			table.fields td { vertical-align: top; padding: 1pt 0; }
			p.note { font-size: 13pt; }
			p.office { font-weight: bold; margin: 6pt 0 0 0; }
			ul { margin: 0; }
			p.key { margin-top: 18pt; font-size: 12pt; color: #444444; }
			""";

}
