package th.raingan.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import th.raingan.budget.BudgetLine;
import th.raingan.budget.BudgetOverview;
import th.raingan.round.RoundService;

/** The dashboard's three tables, as the page shows them and as the exports write them. */
@Component
public class DashboardTables {

	private final DashboardService dashboard;

	private final BudgetOverview budgets;

	DashboardTables(DashboardService dashboard, BudgetOverview budgets) {
		this.dashboard = dashboard;
		this.budgets = budgets;
	}

	public Exports.Table table(String name, int fiscalYear, int round, String province) {
		String roundKey = RoundService.roundKey(fiscalYear, round, province);
		return switch (name) {
			case "districts" -> districts(roundKey, province);
			case "overdue" -> overdue(roundKey, province);
			case "notheld" -> notHeld(roundKey, province);
			case "budget" -> budget(fiscalYear, province);
			default -> throw new IllegalArgumentException("ไม่รู้จักตาราง " + name);
		};
	}

	Exports.Table districts(String roundKey, String province) {
		List<List<Object>> rows = new ArrayList<>();
		for (DashboardService.DistrictRow d : dashboard.districts(roundKey, province)) {
			rows.add(List.of(d.officeCode(), d.officeName(), d.assigned(), d.submitted(), d.approved(), d.returned(),
					d.overdue(), d.notHeld(), d.onTimeRate() == null ? "" : d.onTimeRate(), d.kpiScore() == null ? "" : d.kpiScore(),
					d.kpiPercent() == null ? "" : d.kpiPercent()));
		}
		return new Exports.Table("สรุปรายอำเภอ " + roundKey.replace('/', '-'),
				List.of("รหัส", "หน่วยงาน", "รายงานที่ได้รับมอบหมาย", "ส่งแล้ว (รอตรวจ)", "อนุมัติ", "ส่งกลับแก้ไข",
						"เลยกำหนด", "ยังไม่ได้ดำเนินการ", "ส่งตรงเวลา (ร้อยละของที่ถึงกำหนดแล้ว)", "คะแนน KPI (เต็ม 5)",
						"คะแนน KPI (ร้อยละ)"),
				rows);
	}

	Exports.Table notHeld(String roundKey, String province) {
		List<List<Object>> rows = new ArrayList<>();
		for (DashboardService.NotHeldRow n : dashboard.notHeld(roundKey, province)) {
			rows.add(java.util.Arrays.asList(n.officeCode(), n.officeName(), n.budgetCode(), n.projectName(),
					n.reason(), n.plannedDate(), n.dueDate(), n.businessKey()));
		}
		return new Exports.Table("ยังไม่ได้ดำเนินการ " + roundKey.replace('/', '-'),
				List.of("รหัส", "หน่วยงาน", "รหัสงบประมาณ", "โครงการ/กิจกรรม", "เหตุผล", "คาดว่าจะดำเนินการแล้วเสร็จ",
						"กำหนดส่งใหม่", "รหัสรายงาน"),
				rows);
	}

	Exports.Table overdue(String roundKey, String province) {
		List<List<Object>> rows = new ArrayList<>();
		for (DashboardService.OverdueRow o : dashboard.overdue(roundKey, province)) {
			rows.add(List.of(o.officeCode(), o.officeName(), o.budgetCode(), o.projectName(), o.dueDate(),
					o.daysOverdue(), o.businessKey()));
		}
		return new Exports.Table("รายงานเลยกำหนด " + roundKey.replace('/', '-'),
				List.of("รหัส", "หน่วยงาน", "รหัสงบประมาณ", "โครงการ/กิจกรรม", "กำหนดส่ง", "เลยกำหนด (วัน)", "รหัสรายงาน"),
				rows);
	}

	Exports.Table budget(int fiscalYear, String province) {
		List<List<Object>> rows = new ArrayList<>();
		for (BudgetOverview.OfficeBudget office : budgets.ofProvince(fiscalYear, province)) {
			for (BudgetLine line : office.lines()) {
				rows.add(List.of(office.officeCode(), office.officeName(), line.source(), line.nameTh(),
						line.allocation(), line.plan(), line.result(), line.percent()));
			}
		}
		return new Exports.Table("งบประมาณ " + fiscalYear,
				List.of("รหัส", "หน่วยงาน", "แหล่งงบประมาณ", "ชื่อแหล่งงบประมาณ", "งบ. (ได้รับจัดสรร)", "แผนการ",
						"ผลการดำเนินงาน (เบิกจ่าย)", "ร้อยละ"),
				rows);
	}

}
