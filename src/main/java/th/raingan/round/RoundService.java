package th.raingan.round;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.org.Officers;
import th.raingan.project.Assignment;
import th.raingan.project.ProjectCatalog;
import th.raingan.project.ReportSchedule;
import th.raingan.report.ReportRefused;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.FiscalYear;
import th.raingan.thai.ThaiNumbers;

/** Opening a reporting round: who may, for what, and which district reports it starts. */
@Service
public class RoundService {

	/** A round as the manager asked for it, checked. */
	/**
	 * A round as the manager asked for it, checked. {@code warnings}: the reports whose
	 * letter sets a due date after the round's reporting deadline, in Thai (they are due
	 * on their own date, not refused).
	 */
	public record Round(int fiscalYearBe, int roundNo, LocalDate deadline, String provinceCode, List<String> reportKeys,
			List<String> warnings) {

		public String key() {
			return roundKey(fiscalYearBe, roundNo, provinceCode);
		}

	}

	private final ProjectCatalog catalog;

	private final Officers officers;

	private final OrgUnits orgUnits;

	RoundService(ProjectCatalog catalog, Officers officers, OrgUnits orgUnits) {
		this.catalog = catalog;
		this.officers = officers;
		this.orgUnits = orgUnits;
	}

	/** {@code 2569-1/42}: fiscal year, round, province. */
	public static String roundKey(int fiscalYearBe, int roundNo, String provinceCode) {
		return fiscalYearBe + "-" + roundNo + "/" + provinceCode;
	}

	/**
	 * {@code 2569-1/801-112-P0167-2024-02/4201}: the district report's business key,
	 * which ties the process instance to the project's tables.
	 */
	public static String reportKey(int fiscalYearBe, int roundNo, String budgetCode, String officeCode) {
		return fiscalYearBe + "-" + roundNo + "/" + budgetCode + "/" + officeCode;
	}

	/**
	 * The office a report key names: {@code 4201} of
	 * {@code 2569-1/801-112-P0167-2024-02/4201}.
	 */
	public static String officeOf(String reportKey) {
		return reportKey.substring(reportKey.lastIndexOf('/') + 1);
	}

	public Round open(String initiator, Object fiscalYear, Object roundNo, Object deadline) {
		List<String> problems = new ArrayList<>();
		String province = officers.provinceManagedBy(initiator).orElse(null);
		if (province == null) {
			problems.add("ผู้เปิดรอบ: เฉพาะพัฒนาการจังหวัด (ผู้บริหารจังหวัด) เปิดรอบการรายงานได้");
		}
		Integer year = null;
		ThaiNumbers.Parsed parsedYear = ThaiNumbers.parse(fiscalYear);
		if (!parsedYear.isValid() || parsedYear.value().scale() > 0 || parsedYear.value().intValue() < 2560
				|| parsedYear.value().intValue() > 2700) {
			problems.add("ปีงบประมาณ: ต้องเป็นปี พ.ศ. เช่น 2569 (ได้รับ \"" + (fiscalYear == null ? "" : fiscalYear)
					+ "\")");
		}
		else {
			year = parsedYear.value().intValue();
		}
		String round = roundNo == null ? "" : ThaiNumbers.arabicDigits(roundNo.toString().strip());
		if (!round.equals("1") && !round.equals("2")) {
			problems.add("รอบการประเมิน: ต้องเป็นรอบที่ 1 หรือ 2");
		}
		if (year != null && (round.equals("1") || round.equals("2"))) {
			LocalDate roundEnd = FiscalYear.of(year).roundEnd(Integer.parseInt(round));
			if (th.raingan.thai.Clock.today().isAfter(roundEnd)) {
				problems.add("รอบการประเมิน: รอบที่ " + round + "/" + year + " สิ้นสุดไปแล้วเมื่อ "
						+ BuddhistDates.format(roundEnd) + " เปิดรอบที่สิ้นสุดแล้วไม่ได้");
			}
		}
		LocalDate due = null;
		BuddhistDates.Parsed parsedDue = BuddhistDates.parse(deadline);
		if (!parsedDue.isValid()) {
			problems.add("วันสุดท้ายของการส่งรายงาน: " + parsedDue.error());
		}
		else if (year != null && !FiscalYear.of(year).contains(parsedDue.value())) {
			FiscalYear fy = FiscalYear.of(year);
			problems.add("วันสุดท้ายของการส่งรายงาน: ต้องอยู่ในปีงบประมาณ " + year + " ("
					+ BuddhistDates.format(fy.start()) + " - " + BuddhistDates.format(fy.end()) + ")");
		}
		else {
			due = parsedDue.value();
		}
		List<String> keys = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		if (province != null && year != null && problems.isEmpty()) {
			List<Assignment> assigned = catalog.assignmentsOf(year, province);
			// a report belongs to the round whose half-year holds its window
			// (ReportSchedule)
			for (Assignment a : assigned) {
				if (ReportSchedule.reportsIn(a, Integer.parseInt(round))) {
					keys.add(reportKey(year, Integer.parseInt(round), a.project().budgetCode(), a.officeCode()));
					LocalDate reportDue = ReportSchedule.dueDate(a, Integer.parseInt(round), due,
							java.util.Optional.empty());
					if (reportDue.isAfter(due)) {
						warnings.add(a.project().budgetCode() + " (" + a.officeCode() + "): กำหนดส่ง "
								+ BuddhistDates.formatLong(reportDue) + " หลังวันสุดท้ายของการส่งรายงานของรอบ");
					}
				}
			}
			String name = orgUnits.find(province).map(OrgUnit::nameTh).orElse(province);
			if (assigned.isEmpty()) {
				problems.add("ปีงบประมาณ: " + name + " ยังไม่มีโครงการที่มอบหมายให้อำเภอในปีงบประมาณ " + year);
			}
			else if (keys.isEmpty()) {
				problems.add("รอบการประเมิน: " + name + " ไม่มีกิจกรรมที่ต้องรายงานในรอบที่ " + round + "/" + year
						+ " (ทุกกิจกรรมอยู่ในอีกรอบหนึ่ง)");
			}
		}
		if (!problems.isEmpty()) {
			throw new ReportRefused("เปิดรอบการรายงานไม่ได้:", problems);
		}
		return new Round(year, Integer.parseInt(round), due, province, keys, warnings);
	}

	/** The assignment behind a report key, or empty if the key names none. */
	public Optional<Assignment> assignmentOf(String reportKey) {
		String[] parts = reportKey.split("/");
		int year = Integer.parseInt(parts[0].substring(0, parts[0].indexOf('-')));
		return catalog.assignment(year, parts[1], parts[2]);
	}

}
