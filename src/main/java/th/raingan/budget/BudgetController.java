package th.raingan.budget;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.raingan.org.OfficeAccess;
import th.raingan.org.Officers;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.thai.SafeText;

/**
 * The budget overview: a district officer sees their district; the province's reviewers
 * and managers see the province and each of its districts; as JSON or as a CSV file that
 * opens in Excel.
 */
@RestController
@RequestMapping("/api/budget")
class BudgetController {

	private final BudgetOverview budgets;

	private final OfficeAccess access;

	private final OrgUnits orgUnits;

	BudgetController(BudgetOverview budgets, OfficeAccess access, OrgUnits orgUnits) {
		this.budgets = budgets;
		this.access = access;
		this.orgUnits = orgUnits;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> overview(@RequestParam int fiscalYear, @RequestParam(required = false) String office) {
		return visible(office).<ResponseEntity<?>>map(unit -> ResponseEntity.ok(tables(fiscalYear, unit)))
			.orElseGet(BudgetController::refused);
	}

	@GetMapping(path = "/export.csv")
	ResponseEntity<?> export(@RequestParam int fiscalYear, @RequestParam(required = false) String office) {
		Optional<OrgUnit> unit = visible(office);
		if (unit.isEmpty()) {
			return refused();
		}
		StringBuilder csv = new StringBuilder("\uFEFF"); // Excel reads UTF-8 Thai with
															// the byte order mark
		csv.append("ปีงบประมาณ,รหัสหน่วยงาน,หน่วยงาน,แหล่งงบประมาณ,ชื่อแหล่งงบประมาณ,งบ. (ได้รับจัดสรร) (บาท),")
			.append("แผนการ (บาท),ผลการดำเนินงาน (เบิกจ่าย) (บาท),ร้อยละ\r\n");
		for (BudgetOverview.OfficeBudget table : tables(fiscalYear, unit.get())) {
			for (BudgetLine line : table.lines()) {
				csv.append(fiscalYear)
					.append(',')
					.append(table.officeCode())
					.append(',')
					.append(quote(table.officeName()))
					.append(',')
					.append(line.source())
					.append(',')
					.append(quote(line.nameTh()))
					.append(',')
					.append(line.allocation().toPlainString())
					.append(',')
					.append(line.plan().toPlainString())
					.append(',')
					.append(line.result().toPlainString())
					.append(',')
					.append(line.percent().toPlainString())
					.append("\r\n");
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"budget-" + fiscalYear + "-" + unit.get().code() + ".csv\"")
			.body(csv.toString());
	}

	private List<BudgetOverview.OfficeBudget> tables(int fiscalYear, OrgUnit unit) {
		return unit.isProvince() ? budgets.ofProvince(fiscalYear, unit.code())
				: List.of(budgets.ofOffice(fiscalYear, unit.code()));
	}

	/** The office asked for (or the user's own), if the signed-in user may see it. */
	private Optional<OrgUnit> visible(String requested) {
		if (access.user().isEmpty()) {
			return Optional.empty();
		}
		String code = requested != null ? requested
				: access.roles()
					.stream()
					.map(Officers.Officer::officeCode)
					.filter(c -> !Officers.DEPARTMENT_OFFICE.equals(c))
					.findFirst()
					.orElse(null);
		return Optional.ofNullable(code).flatMap(orgUnits::find).filter(unit -> access.maySee(unit.code()));
	}

	private static ResponseEntity<?> refused() {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(Map.of("message",
					"ท่านดูงบประมาณได้เฉพาะของหน่วยงานท่าน (อำเภอ: อำเภอของท่าน, จังหวัด: ทุกอำเภอในจังหวัด)"));
	}

	private static String quote(String text) {
		return '"' + SafeText.csvCell(text).replace("\"", "\"\"") + '"';
	}

}
