package th.raingan.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import th.raingan.budget.BudgetLine;
import th.raingan.budget.BudgetOverview;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.round.RoundService;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/** The dashboard's three tables, as the page shows them and as the exports write them. */
@Component
public class DashboardTables {

	/**
	 * The budget of a province as one table: each office once, per source (those with
	 * money in the province) its allocation and what was disbursed, B1+B2 as columns of
	 * its own (allocation, plan, disbursed, percent), and the province's totals.
	 */
	public record BudgetMatrix(List<Source> sources, List<BudgetRow> offices, BudgetRow total) {

	}

	public record Source(String code, String nameTh) {

	}

	public record BudgetRow(String officeCode, String officeName, Map<String, BudgetLine> bySource, BudgetLine b1b2) {

	}

	private final DashboardService dashboard;

	private final BudgetOverview budgets;

	private final OrgUnits orgUnits;

	private final NationalBudget nationalBudget;

	DashboardTables(DashboardService dashboard, BudgetOverview budgets, OrgUnits orgUnits,
			NationalBudget nationalBudget) {
		this.dashboard = dashboard;
		this.budgets = budgets;
		this.orgUnits = orgUnits;
		this.nationalBudget = nationalBudget;
	}

	/**
	 * The reports behind one count (of a district, or of the province when {@code office}
	 * is empty), with a title.
	 */
	public Exports.Table reports(int fiscalYear, int round, String province, String office,
			DashboardService.Category category) {
		String roundKey = RoundService.roundKey(fiscalYear, round, province);
		List<List<Object>> rows = new ArrayList<>();
		for (DashboardService.ReportRow r : dashboard.reports(roundKey, province, office, category)) {
			rows.add(java.util.Arrays.asList(r.officeCode(), r.officeName(), r.budgetCode(), r.projectName(),
					r.statusTh() + (r.overdue() ? " (เลยกำหนด)" : r.late() ? " (ส่งช้า)" : ""), r.dueDate(),
					r.businessKey()));
		}
		String whose = office == null || office.isBlank() ? "" : " " + placeName(office);
		return new Exports.Table("รายงาน" + category.nameTh,
				heading("รายงาน" + category.nameTh + whose + " รอบที่ " + round + " ปีงบประมาณ " + fiscalYear,
						province),
				List.of("รหัส", "หน่วยงาน", "รหัสงบประมาณ", "โครงการ/กิจกรรม", "สถานะ", "กำหนดส่ง", "รหัสรายงาน"), rows,
				java.util.Arrays.asList("", "รวม " + rows.size() + " รายงาน"));
	}

	/**
	 * The national page's table: per province the counts, on-time rate, KPI and B1+B2
	 * budget; national totals.
	 */
	public Exports.Table nation(int fiscalYear, int round) {
		List<DashboardService.ProvinceRow> provinces = dashboard.provinces(fiscalYear, round);
		List<List<Object>> rows = new ArrayList<>();
		long[] totals = new long[10];
		BigDecimal allocation = BigDecimal.ZERO;
		BigDecimal result = BigDecimal.ZERO;
		for (DashboardService.ProvinceRow p : provinces) {
			long[] counts = { p.assigned(), p.notYetDue(), p.draft(), p.submitted(), p.returned(), p.approved(),
					p.overdue(), p.notHeld(), p.dueSoFar(), p.onTime() };
			List<Object> row = new ArrayList<>(List.of(p.provinceCode(), p.provinceName()));
			for (int i = 0; i < 8; i++) {
				row.add(counts[i]);
			}
			for (int i = 0; i < counts.length; i++) {
				totals[i] += counts[i];
			}
			row.add(p.onTimeRate() == null ? "" : p.onTimeRate());
			row.add(p.kpiScore() == null ? "" : p.kpiScore());
			row.add(p.allocation());
			row.add(p.result());
			row.add(p.percent());
			allocation = allocation.add(p.allocation());
			result = result.add(p.result());
			rows.add(row);
		}
		List<Object> total = new ArrayList<>(List.of("", "รวมทั้งประเทศ"));
		for (int i = 0; i < 8; i++) {
			total.add(totals[i]);
		}
		total.add(totals[8] == 0 ? "" : BigDecimal.valueOf(totals[9] * 100)
			.divide(BigDecimal.valueOf(totals[8]), 2, java.math.RoundingMode.HALF_UP));
		total.add("");
		total.add(allocation);
		total.add(result);
		total.add(allocation.signum() == 0 ? BigDecimal.ZERO.setScale(2)
				: result.multiply(BigDecimal.valueOf(100)).divide(allocation, 2, java.math.RoundingMode.HALF_UP));
		return new Exports.Table("ภาพรวมทั้งประเทศ",
				headingAt("ภาพรวมทั้งประเทศ รอบที่ " + round + " ปีงบประมาณ " + fiscalYear, "กรมการพัฒนาชุมชน"),
				List.of("รหัส", "จังหวัด", "รายงานที่ได้รับมอบหมาย", "ยังไม่ถึงกำหนดส่ง", "ร่าง (ยังไม่ได้ส่ง)",
						"ส่งแล้ว (รอตรวจ)", "ส่งกลับแก้ไข", "อนุมัติ", "เลยกำหนด", "ยังไม่ได้ดำเนินการ",
						"ส่งตรงเวลา (ร้อยละของที่ถึงกำหนดแล้ว)", "คะแนน KPI เฉลี่ยของอำเภอ (เต็ม 5)",
						"B1+B2 ได้รับจัดสรร", "B1+B2 เบิกจ่าย", "B1+B2 ร้อยละ"),
				rows, total);
	}

	/**
	 * The budget by level: per source central, province, training centre (allocation,
	 * disbursed), the nation.
	 */
	public Exports.Table budgetLevels(int fiscalYear) {
		NationalBudget.ByLevel table = nationalBudget.of(fiscalYear);
		List<String> headers = new ArrayList<>(List.of("แหล่งงบประมาณ", "ชื่อ"));
		for (String level : NationalBudget.LEVELS) {
			headers.add(NationalBudget.LEVEL_TH.get(level) + " ได้รับจัดสรร");
			headers.add(NationalBudget.LEVEL_TH.get(level) + " เบิกจ่าย");
		}
		headers.addAll(List.of("รวมทั้งประเทศ ได้รับจัดสรร", "รวมทั้งประเทศ แผนการ", "รวมทั้งประเทศ เบิกจ่าย",
				"รวมทั้งประเทศ ร้อยละ"));
		List<List<Object>> rows = new ArrayList<>();
		for (NationalBudget.SourceRow row : table.sources()) {
			rows.add(levelCells(row));
		}
		return new Exports.Table("งบประมาณตามระดับ",
				headingAt("งบประมาณตามระดับ ปีงบประมาณ " + fiscalYear, "ทั้งประเทศ"), headers, rows,
				levelCells(table.b1b2()));
	}

	private static List<Object> levelCells(NationalBudget.SourceRow row) {
		List<Object> cells = new ArrayList<>(List.of(row.source(), row.nameTh()));
		for (String level : NationalBudget.LEVELS) {
			cells.add(row.byLevel().get(level).allocation());
			cells.add(row.byLevel().get(level).result());
		}
		cells
			.addAll(List.of(row.total().allocation(), row.total().plan(), row.total().result(), row.total().percent()));
		return cells;
	}

	public Exports.Table table(String name, int fiscalYear, int round, String province) {
		String roundKey = RoundService.roundKey(fiscalYear, round, province);
		Exports.Table table = switch (name) {
			case "districts" -> districts(roundKey, province);
			case "overdue" -> overdue(roundKey, province);
			case "notheld" -> notHeld(roundKey, province);
			case "budget" -> budget(fiscalYear, province);
			default -> throw new IllegalArgumentException("ไม่รู้จักตาราง " + name);
		};
		String what = "budget".equals(name) ? table.title() + " ปีงบประมาณ " + fiscalYear
				: table.title() + " รอบที่ " + round + " ปีงบประมาณ " + fiscalYear;
		return new Exports.Table(table.title(), heading(what, province), table.headers(), table.rows(), table.totals());
	}

	/**
	 * {@code สรุปรายอำเภอ รอบที่ 2 ปีงบประมาณ 2570 จังหวัดเลย (ส่งออกเมื่อ 27/11/2569 22:40 น.)}
	 */
	public String heading(String what, String province) {
		return headingAt(what, placeName(province));
	}

	/**
	 * {@code ภาพรวมทั้งประเทศ รอบที่ 1 ปีงบประมาณ 2570 (ส่งออกเมื่อ 27/11/2569 22:40 น.)}:
	 * for a place by its name.
	 */
	String headingAt(String what, String place) {
		java.time.ZonedDateTime now = Clock.now().toInstant().atZone(Clock.ZONE);
		return what + " " + place + " (ส่งออกเมื่อ " + BuddhistDates.format(now.toLocalDate()) + " "
				+ String.format("%02d:%02d", now.getHour(), now.getMinute()) + " น.)";
	}

	/** {@code จังหวัดเลย}: a province's Thai name. */
	public String placeName(String province) {
		return orgUnits.find(province).map(OrgUnit::nameTh).orElse(province);
	}

	Exports.Table districts(String roundKey, String province) {
		List<List<Object>> rows = new ArrayList<>();
		int[] totals = new int[9];
		List<DashboardService.DistrictRow> districts = dashboard.districts(roundKey, province);
		for (DashboardService.DistrictRow d : districts) {
			int[] counts = { d.assigned(), d.notYetDue(), d.draft(), d.submitted(), d.returned(), d.approved(),
					d.overdue(), d.notHeld(), d.dueSoFar() };
			List<Object> row = new ArrayList<>(List.of(d.officeCode(), d.officeName()));
			for (int i = 0; i < 8; i++) {
				row.add(counts[i]);
			}
			for (int i = 0; i < counts.length; i++) {
				totals[i] += counts[i];
			}
			row.add(d.onTimeRate() == null ? "" : d.onTimeRate());
			row.add(d.kpiScore() == null ? "" : d.kpiScore());
			row.add(d.kpiPercent() == null ? "" : d.kpiPercent());
			rows.add(row);
		}
		List<Object> total = new ArrayList<>(List.of("", "รวมทั้งจังหวัด"));
		for (int i = 0; i < 8; i++) {
			total.add(totals[i]);
		}
		BigDecimal rate = dashboard.onTimeRateOf(districts);
		total.add(rate == null ? "" : rate);
		total.add("");
		total.add("");
		return new Exports.Table("สรุปรายอำเภอ", null,
				List.of("รหัส", "หน่วยงาน", "รายงานที่ได้รับมอบหมาย", "ยังไม่ถึงกำหนดส่ง", "ร่าง (ยังไม่ได้ส่ง)",
						"ส่งแล้ว (รอตรวจ)", "ส่งกลับแก้ไข", "อนุมัติ", "เลยกำหนด", "ยังไม่ได้ดำเนินการ",
						"ส่งตรงเวลา (ร้อยละของที่ถึงกำหนดแล้ว)", "คะแนน KPI (เต็ม 5)", "คะแนน KPI (ร้อยละ)"),
				rows, total);
	}

	Exports.Table notHeld(String roundKey, String province) {
		List<List<Object>> rows = new ArrayList<>();
		for (DashboardService.NotHeldRow n : dashboard.notHeld(roundKey, province)) {
			rows.add(java.util.Arrays.asList(n.officeCode(), n.officeName(), n.budgetCode(), n.projectName(),
					n.reason(), n.plannedDate(), n.dueDate(), n.businessKey()));
		}
		return new Exports.Table("ยังไม่ได้ดำเนินการ", null,
				List.of("รหัส", "หน่วยงาน", "รหัสงบประมาณ", "โครงการ/กิจกรรม", "เหตุผล", "คาดว่าจะดำเนินการแล้วเสร็จ",
						"กำหนดส่งใหม่", "รหัสรายงาน"),
				rows, java.util.Arrays.asList("", "รวม " + rows.size() + " รายการ"));
	}

	Exports.Table overdue(String roundKey, String province) {
		List<List<Object>> rows = new ArrayList<>();
		for (DashboardService.OverdueRow o : dashboard.overdue(roundKey, province)) {
			rows.add(List.of(o.officeCode(), o.officeName(), o.budgetCode(), o.projectName(), o.dueDate(),
					o.daysOverdue(), o.businessKey()));
		}
		return new Exports.Table(
				"รายงานเลยกำหนด", null, List.of("รหัส", "หน่วยงาน", "รหัสงบประมาณ", "โครงการ/กิจกรรม", "กำหนดส่ง",
						"เลยกำหนด (วัน)", "รหัสรายงาน"),
				rows, java.util.Arrays.asList("", "รวม " + rows.size() + " รายงาน"));
	}

	public BudgetMatrix budgetMatrix(int fiscalYear, String province) {
		List<BudgetOverview.OfficeBudget> tables = budgets.ofProvince(fiscalYear, province);
		BudgetOverview.OfficeBudget whole = tables.get(0);
		List<Source> sources = new ArrayList<>();
		for (BudgetLine line : whole.lines()) {
			boolean b1OrB2 = "B1".equals(line.source()) || "B2".equals(line.source());
			if (!BudgetOverview.B1_B2.equals(line.source()) && (b1OrB2 || line.allocation().signum() != 0
					|| line.plan().signum() != 0 || line.result().signum() != 0)) {
				sources.add(new Source(line.source(), line.nameTh()));
			}
		}
		List<BudgetRow> offices = new ArrayList<>();
		for (BudgetOverview.OfficeBudget office : tables.subList(1, tables.size())) {
			offices.add(row(office));
		}
		return new BudgetMatrix(sources, offices, row(whole));
	}

	private static BudgetRow row(BudgetOverview.OfficeBudget office) {
		Map<String, BudgetLine> bySource = new LinkedHashMap<>();
		BudgetLine b1b2 = null;
		for (BudgetLine line : office.lines()) {
			if (BudgetOverview.B1_B2.equals(line.source())) {
				b1b2 = line;
			}
			else {
				bySource.put(line.source(), line);
			}
		}
		return new BudgetRow(office.officeCode(), office.officeName(), bySource, b1b2);
	}

	Exports.Table budget(int fiscalYear, String province) {
		BudgetMatrix matrix = budgetMatrix(fiscalYear, province);
		List<String> headers = new ArrayList<>(List.of("รหัส", "หน่วยงาน"));
		for (Source source : matrix.sources()) {
			headers.add(source.code() + " ได้รับจัดสรร");
			headers.add(source.code() + " เบิกจ่าย");
		}
		headers
			.addAll(List.of("B1+B2 ได้รับจัดสรร", "B1+B2 แผนการ", "B1+B2 ผลการดำเนินงาน (เบิกจ่าย)", "B1+B2 ร้อยละ"));
		List<List<Object>> rows = new ArrayList<>();
		for (BudgetRow office : matrix.offices()) {
			rows.add(budgetCells(office, matrix.sources(), office.officeCode()));
		}
		return new Exports.Table("งบประมาณ", null, headers, rows, budgetCells(matrix.total(), matrix.sources(), ""));
	}

	private static List<Object> budgetCells(BudgetRow row, List<Source> sources, String code) {
		List<Object> cells = new ArrayList<>(List.of(code, row.officeName()));
		for (Source source : sources) {
			BudgetLine line = row.bySource().get(source.code());
			cells.add(line.allocation());
			cells.add(line.result());
		}
		cells.addAll(List.of(row.b1b2().allocation(), row.b1b2().plan(), row.b1b2().result(), row.b1b2().percent()));
		return cells;
	}

}
