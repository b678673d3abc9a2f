package th.raingan.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import th.raingan.kpi.Indicator;
import th.raingan.kpi.KpiCatalog;
import th.raingan.kpi.KpiRoundService;
import th.raingan.kpi.KpiTemplate;
import th.raingan.kpi.Measurement;
import th.raingan.kpi.Scoring;

/**
 * The dashboard's only reader of the KPI rounds' team scores ({@code raingan.kpi_round},
 * {@code kpi_snapshot}, {@code kpi_input} and the round's template): per district each
 * team indicator's value, level and what the next level needs, the weighted score and its
 * percent. A signed-off round is read from its latest snapshot, as the manager signed it;
 * a round still collecting is scored from the values entered so far with the same scoring
 * ({@link Scoring}), and says so. Changes to how the KPI capability keeps its scores
 * touch this class alone.
 */
@Component
class TeamScores {

	/**
	 * A team indicator of the round's template: its id, Thai name and weight (percent).
	 */
	public record IndicatorHead(String id, String nameTh, BigDecimal weight) {

	}

	/**
	 * One district on one indicator: the value scored (null: none), the level 0-5, what
	 * the next level needs.
	 */
	public record IndicatorScore(String indicatorId, BigDecimal value, int level, String toNextLevel) {

	}

	/**
	 * One district's scores; {@code indicators} by indicator id, in the template's order.
	 */
	public record DistrictScores(String officeCode, Map<String, IndicatorScore> indicators, BigDecimal score,
			BigDecimal percent) {

	}

	/**
	 * A province's KPI round: {@code signed} when the scores are those of the latest
	 * signed-off snapshot ({@code version}, signed by {@code signedBy} at
	 * {@code signedAt}); otherwise provisional.
	 */
	public record RoundScores(String roundKey, String templateId, boolean signed, Integer version, String signedBy,
			Timestamp signedAt, List<IndicatorHead> indicators, List<DistrictScores> districts) {

	}

	private final JdbcTemplate jdbc;

	private final KpiCatalog catalog;

	private final KpiRoundService kpi;

	private final ObjectMapper json = new ObjectMapper();

	TeamScores(JdbcTemplate jdbc, KpiCatalog catalog, KpiRoundService kpi) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.kpi = kpi;
	}

	/**
	 * The round's team scores, or empty when the province has not closed (frozen) this
	 * KPI round.
	 */
	public Optional<RoundScores> of(String roundKey) {
		List<Map<String, Object>> round = jdbc.queryForList(
				"select template_id, status, signed_off_by, signed_off_at from raingan.kpi_round where round_key = ?",
				roundKey);
		if (round.isEmpty()) {
			return Optional.empty();
		}
		String templateId = (String) value(round.get(0), "template_id");
		KpiTemplate template = catalog.template(templateId).orElse(null);
		List<Indicator> team = template == null ? List.of() : template.team();
		List<IndicatorHead> heads = team.stream().map(i -> new IndicatorHead(i.id(), i.nameTh(), i.weight())).toList();
		Integer version = jdbc.queryForObject("select max(version) from raingan.kpi_snapshot where round_key = ?",
				Integer.class, roundKey);
		if (version != null) {
			return Optional.of(signed(roundKey, templateId, version, team, heads));
		}
		return Optional.of(provisional(roundKey, templateId, team, heads));
	}

	private RoundScores signed(String roundKey, String templateId, int version, List<Indicator> team,
			List<IndicatorHead> heads) {
		List<DistrictScores> districts = new ArrayList<>();
		String[] signedBy = { null };
		Timestamp[] signedAt = { null };
		jdbc.query("""
				select office_code, score, percent, detail_json, taken_by, taken_at from raingan.kpi_snapshot
				where round_key = ? and version = ? order by office_code""", rs -> {
			signedBy[0] = rs.getString("taken_by");
			signedAt[0] = rs.getTimestamp("taken_at");
			Map<String, BigDecimal> values = new LinkedHashMap<>();
			Map<String, Integer> levels = new LinkedHashMap<>();
			Map<String, String> next = new LinkedHashMap<>();
			readDetail(rs.getString("detail_json"), values, levels, next);
			Map<String, IndicatorScore> byId = new LinkedHashMap<>();
			for (Indicator indicator : team) {
				BigDecimal value = values.get(indicator.id());
				int level = levels.getOrDefault(indicator.id(), 0);
				// the next level as the sign-off wrote it; an older snapshot without it:
				// computed from its value
				String toNext = next.containsKey(indicator.id()) ? next.get(indicator.id())
						: level >= 5 ? null : Scoring.toNextLevel(indicator, measurement(indicator, value));
				byId.put(indicator.id(), new IndicatorScore(indicator.id(), value, level, toNext));
			}
			districts.add(new DistrictScores(rs.getString("office_code"), byId, rs.getBigDecimal("score"),
					rs.getBigDecimal("percent")));
		}, roundKey, version);
		return new RoundScores(roundKey, templateId, true, version, signedBy[0], signedAt[0], heads, districts);
	}

	private RoundScores provisional(String roundKey, String templateId, List<Indicator> team,
			List<IndicatorHead> heads) {
		Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
		jdbc.query("""
				select office_code, indicator_id, input_id, value_number from raingan.kpi_input
				where round_key = ? and person_id = '' order by office_code""", rs -> {
			add(values.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()), rs.getString(2), rs.getString(3),
					rs.getBigDecimal(4));
		}, roundKey);
		List<DistrictScores> districts = new ArrayList<>();
		if (catalog.template(templateId).isEmpty()) {
			return new RoundScores(roundKey, templateId, false, null, null, null, heads, districts);
		}
		for (KpiRoundService.DistrictScore d : kpi.scores(roundKey, templateId)) {
			Map<String, IndicatorScore> byId = new LinkedHashMap<>();
			for (Indicator indicator : team) {
				byId.put(indicator.id(),
						new IndicatorScore(indicator.id(),
								values.getOrDefault(d.officeCode(), Map.of()).get(indicator.id()),
								d.levels().getOrDefault(indicator.id(), 0), d.toNextLevel().get(indicator.id())));
			}
			districts.add(new DistrictScores(d.officeCode(), byId, d.score(), d.percent()));
		}
		return new RoundScores(roundKey, templateId, false, null, null, null, heads, districts);
	}

	/**
	 * The value shown for an indicator: its {@code value} input, or for a ladder of steps
	 * the steps done.
	 */
	private static void add(Map<String, BigDecimal> values, String indicatorId, String inputId, BigDecimal value) {
		if (value == null) {
			return;
		}
		if (Measurement.VALUE.equals(inputId)) {
			values.put(indicatorId, value);
		}
		else if (inputId != null && inputId.startsWith("step") && value.signum() > 0) {
			values.merge(indicatorId, BigDecimal.ONE, BigDecimal::add);
		}
	}

	/**
	 * As the KPI round scores a kept value: milestones as their count, anything else as
	 * the value itself.
	 */
	private static Measurement measurement(Indicator indicator, BigDecimal value) {
		if (value == null) {
			return Measurement.empty();
		}
		return "milestone".equals(indicator.kind()) ? Measurement.steps(value.intValue())
				: Measurement.empty().and(Measurement.VALUE, value);
	}

	/**
	 * The snapshot's inputs (indicator and value) and levels; column names as the
	 * database spelled them.
	 */
	@SuppressWarnings("unchecked")
	private void readDetail(String detailJson, Map<String, BigDecimal> values, Map<String, Integer> levels,
			Map<String, String> next) {
		try {
			Map<String, Object> detail = json.readValue(detailJson, Map.class);
			Object inputs = detail.get("inputs");
			if (inputs instanceof List<?> list) {
				for (Object input : list) {
					Map<String, Object> row = (Map<String, Object>) input;
					Object id = value(row, "indicator_id");
					Object inputId = value(row, "input_id");
					Object number = value(row, "value_number");
					if (id != null && number != null) {
						add(values, id.toString(), inputId == null ? Measurement.VALUE : inputId.toString(),
								new BigDecimal(number.toString()));
					}
				}
			}
			if (detail.get("toNextLevel") instanceof Map<?, ?> map) {
				map.forEach((id, text) -> next.put(id.toString(), text == null ? null : text.toString()));
			}
			if (detail.get("levels") instanceof Map<?, ?> map) {
				map.forEach((id, level) -> levels.put(id.toString(), ((Number) level).intValue()));
			}
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("KPI snapshot not readable", ex);
		}
	}

	private static Object value(Map<String, Object> row, String column) {
		return row.entrySet()
			.stream()
			.filter(e -> e.getKey().equalsIgnoreCase(column))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

}
