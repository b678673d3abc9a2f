package th.raingan.budget;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;

/**
 * Seed 001's budget table for a province and each of its offices: per source B1-B7 the
 * allocation, the plan, the result and the percent, with the B1+B2 total. The result is
 * what the approved reports say was spent: for each assignment, its latest approved
 * report's spending to date.
 */
@Service
public class BudgetOverview {

	public static final String B1_B2 = "B1+B2";

	/** One office's table. */
	public record OfficeBudget(String officeCode, String officeName, List<BudgetLine> lines) {

	}

	private final JdbcTemplate jdbc;

	private final OrgUnits orgUnits;

	private final Map<String, String> sources = new LinkedHashMap<>();

	BudgetOverview(JdbcTemplate jdbc, OrgUnits orgUnits) throws IOException {
		this.jdbc = jdbc;
		this.orgUnits = orgUnits;
		try (Reader reader = new InputStreamReader(new ClassPathResource("org/budget-sources.csv").getInputStream(),
				StandardCharsets.UTF_8)) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				sources.put(row.get("code"), row.get("name_th"));
			}
		}
	}

	/** The province as a whole first, then each of its offices that has assignments. */
	public List<OfficeBudget> ofProvince(int fiscalYearBe, String provinceCode) {
		Map<String, Map<String, BudgetLine>> byOffice = figures(fiscalYearBe, provinceCode);
		List<OfficeBudget> tables = new ArrayList<>();
		Map<String, BudgetLine> province = new HashMap<>();
		byOffice.values()
			.forEach(lines -> lines.forEach(
					(source, line) -> province.merge(source, line, (a, b) -> a.plus(b, source, sources.get(source)))));
		OrgUnit provinceUnit = orgUnits.find(provinceCode).orElseThrow();
		tables.add(new OfficeBudget(provinceCode, provinceUnit.nameTh() + " (รวมทั้งจังหวัด)", table(province)));
		for (OrgUnit office : offices(provinceCode)) {
			if (byOffice.containsKey(office.code())) {
				tables.add(new OfficeBudget(office.code(), office.nameTh(), table(byOffice.get(office.code()))));
			}
		}
		return tables;
	}

	public OfficeBudget ofOffice(int fiscalYearBe, String officeCode) {
		OrgUnit office = orgUnits.find(officeCode).orElseThrow();
		Map<String, BudgetLine> lines = figures(fiscalYearBe, office.provinceCode()).getOrDefault(officeCode, Map.of());
		return new OfficeBudget(officeCode, office.nameTh(), table(lines));
	}

	private List<OrgUnit> offices(String provinceCode) {
		List<OrgUnit> offices = new ArrayList<>();
		orgUnits.find(provinceCode).ifPresent(offices::add);
		offices.addAll(orgUnits.districtsOf(provinceCode));
		return offices;
	}

	/**
	 * B1 ... B7 in order, every source shown (zero where nothing was allocated), then
	 * B1+B2.
	 */
	private List<BudgetLine> table(Map<String, BudgetLine> lines) {
		List<BudgetLine> table = new ArrayList<>();
		sources.forEach((code, name) -> table.add(lines.getOrDefault(code,
				new BudgetLine(code, name, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO))));
		table.add(table.get(0).plus(table.get(1), B1_B2, "รวมงบประมาณ (B1+B2)"));
		return table;
	}

	private Map<String, Map<String, BudgetLine>> figures(int fiscalYearBe, String provinceCode) {
		Map<String, Map<String, BudgetLine>> byOffice = new LinkedHashMap<>();
		jdbc.query("""
				select a.office_code, p.budget_source,
				       coalesce(sum(a.allocation_baht), 0) allocation,
				       coalesce(sum(coalesce(a.plan_baht, a.allocation_baht)), 0) plan,
				       coalesce(sum(spent.spent_baht), 0) result
				from raingan.assignment a
				join raingan.project p on p.id = a.project_id
				left join (
				  select v.assignment_id, v.spent_baht from raingan.report_version v
				  where v.status = 'approved' and v.submitted_at = (
				    select max(w.submitted_at) from raingan.report_version w
				    where w.assignment_id = v.assignment_id and w.status = 'approved')
				) spent on spent.assignment_id = a.id
				where p.fiscal_year_be = ? and p.province_code = ? and a.withdrawn_at is null
				group by a.office_code, p.budget_source
				order by a.office_code, p.budget_source""", rs -> {
			String source = rs.getString("budget_source");
			byOffice.computeIfAbsent(rs.getString("office_code"), k -> new LinkedHashMap<>())
				.put(source, new BudgetLine(source, sources.get(source), rs.getBigDecimal("allocation"),
						rs.getBigDecimal("plan"), rs.getBigDecimal("result")));
		}, fiscalYearBe, provinceCode);
		return byOffice;
	}

}
