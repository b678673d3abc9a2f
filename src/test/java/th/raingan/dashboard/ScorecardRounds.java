package th.raingan.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.kpi.KpiRoundService;
import th.raingan.thai.Clock;

/**
 * Loei's KPI rounds 2560-2 and 2561-1 as ScorecardTest works them by hand (template
 * department-province-2565-round1), signed off by manager42 through the KPI round's own
 * sign-off; made afresh each time (a kept database included).
 */
public final class ScorecardRounds {

	public static final String TEMPLATE = "department-province-2565-round1";

	private ScorecardRounds() {
	}

	public static synchronized void make(JdbcTemplate jdbc, KpiRoundService kpi) {
		for (String table : List.of("kpi_snapshot", "kpi_input", "kpi_value", "kpi_round_office", "kpi_round")) {
			jdbc.update("delete from raingan." + table + " where round_key in ('2560-2/42', '2561-1/42')");
		}
		round(jdbc, kpi, "2560-2/42", 2560, 2, Map.of("4201", new String[] { "70", "80", "3" }));
		round(jdbc, kpi, "2561-1/42", 2561, 1,
				Map.of("4201", new String[] { "82", "90", "5" }, "4202", new String[] { "95", "60", "2" }));
	}

	private static void input(JdbcTemplate jdbc, String roundKey, String office, String indicator, String input,
			BigDecimal value, String evidence, String source) {
		jdbc.update("""
				insert into raingan.kpi_input (round_key, office_code, person_id, indicator_id, input_id, value_number,
				done_on, evidence, source, entered_by, entered_at) values (?, ?, '', ?, ?, ?, ?, ?, ?, 'str4201', ?)""",
				roundKey, office, indicator, input, value,
				input.startsWith("step") ? java.sql.Date.valueOf(java.time.LocalDate.of(2018, 3, 1)) : null, evidence,
				source, new Timestamp(Clock.now().getTime()));
	}

	/** A KPI round as the close leaves it (values kept), then signed off. */
	private static void round(JdbcTemplate jdbc, KpiRoundService kpi, String roundKey, int year, int round,
			Map<String, String[]> values) {
		jdbc.update(
				"""
						insert into raingan.kpi_round (round_key, fiscal_year_be, round_no, province_code, template_id, status, frozen_at)
						values (?, ?, ?, '42', ?, 'collecting', ?)""",
				roundKey, year, round, TEMPLATE, new Timestamp(Clock.now().getTime()));
		values.forEach((office, v) -> {
			for (int i = 0; i < 2; i++) {
				input(jdbc, roundKey, office, "P" + (i + 1), "value", new BigDecimal(v[i]), null, "computed");
			}
			// P3, the transparency milestones: the template gives no steps, the office
			// enters how many it met
			input(jdbc, roundKey, office, "P3", "value", new BigDecimal(v[2]), "หนังสือ ลย 0019/1234", "entered");
		});
		kpi.signOff(roundKey, TEMPLATE, "manager42");
	}

}
