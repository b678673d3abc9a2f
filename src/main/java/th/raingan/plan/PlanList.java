package th.raingan.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import th.raingan.thai.ThaiNumbers;

/**
 * The budget bureau's program's first screen: the KPI target plans found by fiscal year,
 * level (ชั้นค่าขอ), office and service target, each with the catalogue's code, name,
 * unit and type and the plan's total and quarters, paged. Which offices the reader may
 * see is decided by the caller ({@code myreports/OfficeScope}); this class only filters.
 */
@Service
class PlanList {

	/**
	 * What the reader asked for; {@code offices} null = every office (the department, the
	 * administrator).
	 */
	public record Filter(Integer fiscalYear, String level, String officeCode, String serviceTargetCode,
			List<String> offices) {

	}

	public record Row(String businessKey, int fiscalYear, String officeCode, String officeName, String kpiCode,
			String kpiName, String unitTh, String kpiType, String levelTh, String serviceTargetCode,
			String serviceTargetTh, String total, List<String> quarters, String status, String statusTh,
			String warnings) {

	}

	public record Page(List<Row> rows, long count, int page, int size) {

	}

	private final JdbcTemplate jdbc;

	private final ObjectMapper json = new ObjectMapper();

	PlanList(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Page find(Filter filter, int page, int size) {
		List<Object> args = new ArrayList<>();
		String where = where(filter, args);
		long count = jdbc.queryForObject(
				"select count(*) from raingan.kpi_plan p left join raingan.kpi_indicator i "
						+ "on i.code = p.kpi_code join raingan.org_unit o on o.code = p.office_code" + where,
				Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) page * size);
		List<Row> rows = jdbc.query("""
				select p.*, o.name_th office_name, i.name_th cat_name, i.unit_th cat_unit, i.kpi_type cat_type,
				i.level_th, i.service_target_code, i.service_target_th
				from raingan.kpi_plan p left join raingan.kpi_indicator i on i.code = p.kpi_code
				join raingan.org_unit o on o.code = p.office_code""" + where
				+ " order by p.fiscal_year_be desc, p.office_code, p.kpi_code limit ? offset ?", (rs, i) -> {
					Map<String, String> values = read(rs.getString("values_json"));
					String status = rs.getString("status");
					return new Row(rs.getString("business_key"), rs.getInt("fiscal_year_be"),
							rs.getString("office_code"), rs.getString("office_name"), rs.getString("kpi_code"),
							or(rs.getString("cat_name"), rs.getString("kpi_name")),
							or(rs.getString("cat_unit"), rs.getString("unit_th")),
							or(rs.getString("cat_type"), rs.getString("kpi_type")), or(rs.getString("level_th"), ""),
							or(rs.getString("service_target_code"), ""), or(rs.getString("service_target_th"), ""),
							values.getOrDefault(KpiTargetPlanProcess.TOTAL, ""),
							KpiTargetPlanProcess.QUARTERS.stream().map(q -> values.getOrDefault(q, "")).toList(),
							status, PlanService.STATUS_TH.getOrDefault(status, status),
							or(rs.getString("warnings"), ""));
				}, pageArgs.toArray());
		return new Page(rows, count, page, size);
	}

	/** Every row the filter finds (the Excel export), at most 20,000. */
	public List<Row> all(Filter filter) {
		return find(filter, 0, 20_000).rows();
	}

	/**
	 * The fiscal years that have plans among the offices the reader may see, newest
	 * first.
	 */
	public List<Integer> years(List<String> offices) {
		List<Object> args = new ArrayList<>();
		String where = where(new Filter(null, null, null, null, offices), args);
		return jdbc.queryForList("select distinct p.fiscal_year_be from raingan.kpi_plan p" + where.replace("i.", "p.")
				+ " order by 1 desc", Integer.class, args.toArray());
	}

	/** One plan: its row and the values as typed. */
	public Map<String, String> values(String businessKey) {
		return read(jdbc.queryForObject("select values_json from raingan.kpi_plan where business_key = ?", String.class,
				businessKey));
	}

	private static String where(Filter f, List<Object> args) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (f.fiscalYear() != null) {
			where.append(" and p.fiscal_year_be = ?");
			args.add(f.fiscalYear());
		}
		if (f.level() != null) {
			where.append(" and i.level_th = ?");
			args.add(f.level());
		}
		if (f.officeCode() != null) {
			where.append(" and p.office_code = ?");
			args.add(f.officeCode());
		}
		if (f.serviceTargetCode() != null) {
			where.append(" and i.service_target_code = ?");
			args.add(f.serviceTargetCode());
		}
		if (f.offices() != null) {
			if (f.offices().isEmpty()) {
				where.append(" and 1 = 0");
			}
			else {
				where.append(" and p.office_code in (")
					.append(String.join(", ", f.offices().stream().map(o -> "?").toList()))
					.append(")");
				args.addAll(f.offices());
			}
		}
		return where.toString();
	}

	/** A plan value as a number for Excel, or the text as typed ("5/10", "-"). */
	static Object cell(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value.matches("[0-9,]*\\.?[0-9]+")) {
			ThaiNumbers.Parsed parsed = ThaiNumbers.parse(value);
			if (parsed.isValid()) {
				BigDecimal number = parsed.value();
				return number;
			}
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> read(String text) {
		try {
			return text == null ? Map.of() : json.readValue(text, Map.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String or(String value, String fallback) {
		return value == null ? fallback : value;
	}

}
