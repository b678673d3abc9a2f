package th.raingan.kpi;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * Reads KPI templates in the shape of src/main/resources/kpi/kpi-templates.yaml. Whatever does not hold is reported in
 * Thai and never silently fixed: weights that do not add up to 100, thresholds out of order, overlapping ranges,
 * an unknown scoring kind or comparison.
 */
public final class KpiTemplates {

	/** The templates read, and the problems found in them. */
	public record Loaded(List<KpiTemplate> templates, List<String> problems) {

	}

	private KpiTemplates() {
	}

	@SuppressWarnings("unchecked")
	public static Loaded load(InputStream yaml) {
		List<KpiTemplate> templates = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		List<Map<String, Object>> documents = new Yaml().load(yaml);
		for (Map<String, Object> doc : documents) {
			String id = String.valueOf(doc.get("template"));
			List<Integer> rounds = doc.containsKey("rounds") ? (List<Integer>) doc.get("rounds")
					: List.of((Integer) doc.getOrDefault("round", 1));
			List<Indicator> team = indicators(id, "team", (List<Map<String, Object>>) doc.get("team"), problems);
			List<Indicator> individual = indicators(id, "individual", (List<Map<String, Object>>) doc.get("individual"),
					problems);
			templates.add(new KpiTemplate(id, ((Number) doc.get("fiscal_year_be")).intValue(), rounds, team, individual));
		}
		return new Loaded(templates, problems);
	}

	@SuppressWarnings("unchecked")
	private static List<Indicator> indicators(String template, String group, List<Map<String, Object>> rows,
			List<String> problems) {
		List<Indicator> indicators = new ArrayList<>();
		if (rows == null) {
			return indicators;
		}
		BigDecimal total = BigDecimal.ZERO;
		boolean allWeighted = true;
		for (Map<String, Object> row : rows) {
			String id = String.valueOf(row.get("id"));
			String where = "แม่แบบ " + template + " ตัวชี้วัด " + id + ": ";
			BigDecimal weight = decimal(row.get("weight"));
			if (weight == null) {
				allWeighted = false;
				problems.add(where + "ไม่ได้ระบุน้ำหนัก");
				weight = BigDecimal.ZERO;
			}
			total = total.add(weight);
			Indicator.Kind kind;
			try {
				kind = Indicator.Kind.valueOf(String.valueOf(row.get("scoring")).toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(where + "ไม่รู้จักวิธีให้คะแนน \"" + row.get("scoring") + "\" (ใช้ threshold, range, milestone)");
				continue;
			}
			String comparison = row.get("comparison") == null ? null : row.get("comparison").toString();
			if (comparison != null && !comparison.equals(">") && !comparison.equals(">=")) {
				problems.add(where + "เครื่องหมายเปรียบเทียบต้องเป็น > หรือ >= (ได้รับ \"" + comparison + "\")");
			}
			List<BigDecimal> thresholds = decimals(row.get("thresholds"));
			List<BigDecimal> second = decimals(row.get("second_thresholds"));
			Map<String, List<BigDecimal>> byStaff = null;
			if (row.get("thresholds_by_staff") instanceof Map<?, ?> staffMap) {
				byStaff = new LinkedHashMap<>();
				for (Map.Entry<?, ?> e : staffMap.entrySet()) {
					byStaff.put(e.getKey().toString(), decimals(e.getValue()));
					ascending(where + "เกณฑ์สำหรับบุคลากร " + e.getKey(), byStaff.get(e.getKey().toString()), problems);
				}
			}
			if (kind == Indicator.Kind.THRESHOLD && thresholds == null && byStaff == null) {
				problems.add(where + "ไม่มีเกณฑ์ระดับ (thresholds)");
			}
			ascending(where + "เกณฑ์", thresholds, problems);
			ascending(where + "เกณฑ์เงื่อนไขที่สอง", second, problems);
			List<BigDecimal[]> ranges = null;
			if (row.get("ranges") instanceof List<?> rangeRows) {
				ranges = new ArrayList<>();
				for (Object r : rangeRows) {
					List<BigDecimal> pair = decimals(r);
					ranges.add(new BigDecimal[] { pair.get(0), pair.get(1) });
				}
				for (int i = 0; i < ranges.size(); i++) {
					if (ranges.get(i)[0].compareTo(ranges.get(i)[1]) > 0) {
						problems.add(where + "ช่วงคะแนนระดับ " + (i + 1) + " กลับด้าน");
					}
					if (i > 0 && ranges.get(i)[0].compareTo(ranges.get(i - 1)[1]) <= 0) {
						problems.add(where + "ช่วงคะแนนระดับ " + i + " และ " + (i + 1) + " ซ้อนกัน");
					}
				}
			}
			indicators.add(new Indicator(id, String.valueOf(row.get("name_th")), weight, kind, comparison, thresholds,
					second, byStaff, ranges, (List<String>) row.get("milestones"),
					"computed".equals(row.get("source")) && row.get("measure") != null ? row.get("measure").toString() : null));
		}
		if (allWeighted && total.compareTo(BigDecimal.valueOf(100)) != 0) {
			problems.add("แม่แบบ " + template + " กลุ่ม " + group + ": น้ำหนักรวม " + total.stripTrailingZeros().toPlainString()
					+ " ไม่เท่ากับ 100");
		}
		return indicators;
	}

	private static void ascending(String what, List<BigDecimal> values, List<String> problems) {
		if (values == null) {
			return;
		}
		for (int i = 1; i < values.size(); i++) {
			if (values.get(i).compareTo(values.get(i - 1)) <= 0) {
				problems.add(what + " ต้องเรียงจากน้อยไปมาก (ระดับ " + (i + 1) + " = " + values.get(i).toPlainString()
						+ " ไม่มากกว่าระดับ " + i + " = " + values.get(i - 1).toPlainString() + ")");
			}
		}
	}

	private static BigDecimal decimal(Object value) {
		return value == null ? null : new BigDecimal(value.toString());
	}

	private static List<BigDecimal> decimals(Object value) {
		if (!(value instanceof List<?> list)) {
			return null;
		}
		return list.stream().map(KpiTemplates::decimal).toList();
	}

}
