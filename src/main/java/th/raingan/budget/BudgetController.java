package th.raingan.budget;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.raingan.engine.SignedIn;
import th.raingan.org.Groups;
import th.raingan.org.Officers;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;

/**
 * The budget overview: a district officer sees their district; the province's reviewers and managers see the
 * province and each of its districts; as JSON or as a CSV file that opens in Excel.
 */
@RestController
@RequestMapping("/api/budget")
class BudgetController {

	private final BudgetOverview budgets;

	private final IdentityService identity;

	private final Officers officers;

	private final OrgUnits orgUnits;

	BudgetController(BudgetOverview budgets, IdentityService identity, Officers officers, OrgUnits orgUnits) {
		this.budgets = budgets;
		this.identity = identity;
		this.officers = officers;
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
		StringBuilder csv = new StringBuilder("\uFEFF"); // Excel reads UTF-8 Thai with the byte order mark
		csv.append("ปีงบประมาณ,รหัสหน่วยงาน,หน่วยงาน,แหล่งงบประมาณ,ชื่อแหล่งงบประมาณ,งบ. (ได้รับจัดสรร) (บาท),")
			.append("แผนการ (บาท),ผลการดำเนินงาน (เบิกจ่าย) (บาท),ร้อยละ\r\n");
		for (BudgetOverview.OfficeBudget table : tables(fiscalYear, unit.get())) {
			for (BudgetLine line : table.lines()) {
				csv.append(fiscalYear).append(',').append(table.officeCode()).append(',')
					.append(quote(table.officeName())).append(',').append(line.source()).append(',')
					.append(quote(line.nameTh())).append(',').append(line.allocation().toPlainString()).append(',')
					.append(line.plan().toPlainString()).append(',').append(line.result().toPlainString()).append(',')
					.append(line.percent().toPlainString()).append("\r\n");
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
		SignedIn user = SignedIn.current(identity).orElse(null);
		if (user == null) {
			return Optional.empty();
		}
		Optional<Officers.Officer> officer = officers.find(user.userId());
		// the administrators and the department (read-only) see every office
		boolean admin = user.groupIds() != null && user.groupIds().contains(Groups.ADMIN)
				|| officer.filter(o -> Officers.DEPARTMENT.equals(o.role())).isPresent();
		String code = requested != null ? requested
				: officer.map(Officers.Officer::officeCode).filter(c -> !Officers.DEPARTMENT_OFFICE.equals(c)).orElse(null);
		Optional<OrgUnit> unit = code == null ? Optional.empty() : orgUnits.find(code);
		if (unit.isEmpty() || admin) {
			return unit;
		}
		return officer.filter(o -> "district".equals(o.role()) ? o.officeCode().equals(unit.get().code())
				: o.officeCode().equals(unit.get().provinceCode())).map(o -> unit.get());
	}

	private static ResponseEntity<?> refused() {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(Map.of("message", "ท่านดูงบประมาณได้เฉพาะของหน่วยงานท่าน (อำเภอ: อำเภอของท่าน, จังหวัด: ทุกอำเภอในจังหวัด)"));
	}

	private static String quote(String text) {
		return '"' + text.replace("\"", "\"\"") + '"';
	}

}
