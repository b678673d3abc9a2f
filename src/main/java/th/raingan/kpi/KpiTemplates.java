package th.raingan.kpi;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * Reads KPI templates in the shape of src/main/resources/kpi/kpi-templates.yaml into the
 * one model of {@link Indicator} (inputs and level tables). The letters' usual wordings
 * have short forms that compile to that model: {@code thresholds} (+ {@code comparison}),
 * {@code ranges}, {@code milestones} (+ {@code milestone_dates}), {@code scoring: level}
 * (the letter gives no ladder: the level reached is entered); anything else is written as
 * {@code inputs} and {@code levels} or {@code cases} of conditions. Whatever does not
 * hold is reported in Thai and never silently fixed: weights that do not add up to 100, a
 * missing weight, thresholds out of order, overlapping ranges, an unknown scoring kind,
 * comparison, input or condition, a level count other than five, a missing year.
 */
final class KpiTemplates {

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
			for (Integer round : rounds) {
				if (round == null || round < 1 || round > 2) {
					problems.add("แม่แบบ " + id + ": รอบการประเมินต้องเป็น 1 หรือ 2 (ได้รับ " + round + ")");
				}
			}
			int year = 0;
			if (doc.get("fiscal_year_be") instanceof Number n && n.intValue() > 2500) {
				year = n.intValue();
			}
			else {
				problems.add("แม่แบบ " + id + ": ไม่ได้ระบุปีงบประมาณ (fiscal_year_be เป็นปี พ.ศ.)");
			}
			List<String> provinces = doc.get("provinces") instanceof List<?> list
					? list.stream().map(String::valueOf).toList() : List.of();
			String name = doc.get("name_th") == null ? id : doc.get("name_th").toString();
			List<Indicator> team = indicators(id, "team", (List<Map<String, Object>>) doc.get("team"), problems);
			List<Indicator> individual = indicators(id, "individual", (List<Map<String, Object>>) doc.get("individual"),
					problems);
			templates.add(new KpiTemplate(id, name, year, rounds, provinces, team, individual));
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
			String kind = String.valueOf(row.getOrDefault("scoring", "rules")).toLowerCase(Locale.ROOT);
			String comparison = row.get("comparison") == null ? ">=" : row.get("comparison").toString();
			if (!comparison.equals(">") && !comparison.equals(">=")) {
				problems.add(where + "เครื่องหมายเปรียบเทียบต้องเป็น > หรือ >= (ได้รับ \"" + comparison + "\")");
				comparison = ">=";
			}
			String measure = "computed".equals(row.get("source")) && row.get("measure") != null
					? row.get("measure").toString() : null;
			List<Input> inputs = new ArrayList<>();
			List<LevelTable> tables = new ArrayList<>();
			int problemsBefore = problems.size();
			switch (kind) {
				case "threshold" -> {
					List<BigDecimal> thresholds = decimals(row.get("thresholds"));
					if (thresholds == null) {
						problems.add(where + "ไม่มีเกณฑ์ระดับ (thresholds)");
						continue;
					}
					inputs.add(new Input(Measurement.VALUE, "ผลการดำเนินงาน", Input.Type.NUMBER, BigDecimal.ZERO, null,
							measure));
					List<List<Condition>> levels = new ArrayList<>();
					for (BigDecimal t : thresholds) {
						levels.add(List.of(new Condition(Measurement.VALUE, comparison, t, null)));
					}
					tables.add(new LevelTable(List.of(), levels));
				}
				case "range" -> {
					List<BigDecimal[]> ranges = ranges(row.get("ranges"), where, problems);
					if (ranges.isEmpty()) {
						problems.add(where + "ไม่มีช่วงคะแนน (ranges)");
						continue;
					}
					inputs.add(new Input(Measurement.VALUE, "คะแนนที่ได้", Input.Type.NUMBER, ranges.get(0)[0],
							ranges.get(ranges.size() - 1)[1], measure));
					List<List<Condition>> levels = new ArrayList<>();
					for (BigDecimal[] r : ranges) {
						levels.add(List.of(new Condition(Measurement.VALUE, ">=", r[0], null)));
					}
					tables.add(new LevelTable(List.of(), levels));
				}
				case "milestone" -> {
					List<String> names = (List<String>) row.get("milestones");
					Map<Object, Object> dates = row.get("milestone_dates") instanceof Map<?, ?> m
							? (Map<Object, Object>) m : Map.of();
					List<List<Condition>> levels = new ArrayList<>();
					if (names == null) {
						// the letter lists no steps: the number of steps done in order is
						// entered
						inputs.add(new Input(Measurement.VALUE, "จำนวนขั้นที่ทำสำเร็จตามลำดับ", Input.Type.NUMBER,
								BigDecimal.ZERO, BigDecimal.valueOf(5), measure));
						for (int i = 1; i <= 5; i++) {
							levels.add(List.of(new Condition(Measurement.VALUE, ">=", BigDecimal.valueOf(i), null)));
						}
					}
					else {
						for (int i = 1; i <= names.size(); i++) {
							String step = "step" + i;
							inputs.add(new Input(step, "ขั้นที่ " + i + " " + names.get(i - 1), Input.Type.STEP, null,
									null, null));
							LocalDate by = null;
							Object date = dates.get(i);
							if (date != null) {
								try {
									by = date instanceof java.util.Date d
											? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
											: LocalDate.parse(date.toString());
								}
								catch (java.time.format.DateTimeParseException ex) {
									problems.add(where + "วันที่ของขั้นที่ " + i + " ต้องเขียนแบบ ปปปป-ดด-วว (ค.ศ.)");
								}
							}
							levels.add(List.of(new Condition(step, Condition.DONE, null, by)));
						}
					}
					tables.add(new LevelTable(List.of(), levels));
				}
				case "level" -> {
					inputs.add(new Input(Measurement.VALUE, "ระดับที่ทำได้ตามเกณฑ์ของจังหวัด (0-5)", Input.Type.NUMBER,
							BigDecimal.ZERO, BigDecimal.valueOf(5), null));
					List<List<Condition>> levels = new ArrayList<>();
					for (int i = 1; i <= 5; i++) {
						levels.add(List.of(new Condition(Measurement.VALUE, ">=", BigDecimal.valueOf(i), null)));
					}
					tables.add(new LevelTable(List.of(), levels));
				}
				case "rules" -> {
					inputs.addAll(inputs(row.get("inputs"), where, problems));
					if (row.get("cases") instanceof List<?> cases) {
						for (Object c : cases) {
							Map<String, Object> table = (Map<String, Object>) c;
							tables.add(new LevelTable(conditions(table.get("when"), inputs, where, problems),
									levels(table.get("levels"), inputs, where, problems)));
						}
					}
					else {
						tables.add(new LevelTable(List.of(), levels(row.get("levels"), inputs, where, problems)));
					}
					if (tables.stream().noneMatch(t -> t.when().isEmpty())) {
						problems.add(where + "ต้องมีตารางระดับสำหรับกรณีอื่น ๆ (กรณีที่ไม่มี when)");
					}
				}
				default -> {
					problems.add(where + "ไม่รู้จักวิธีให้คะแนน \"" + row.get("scoring")
							+ "\" (ใช้ threshold, range, milestone, level, rules)");
					continue;
				}
			}
			for (LevelTable table : tables) {
				if (table.levels().size() != 5 && problems.size() == problemsBefore) {
					problems.add(where + "ต้องมี 5 ระดับ (มี " + table.levels().size() + ")");
				}
				ascending(where, table, inputs.size() == 1, problems);
			}
			indicators.add(new Indicator(id, String.valueOf(row.get("name_th")), weight, kind, List.copyOf(inputs),
					List.copyOf(tables), row.get("responsible") == null ? null : row.get("responsible").toString()));
		}
		if (allWeighted && !indicators.isEmpty() && total.compareTo(BigDecimal.valueOf(100)) != 0) {
			problems.add("แม่แบบ " + template + " กลุ่ม " + group + ": น้ำหนักรวม "
					+ total.stripTrailingZeros().toPlainString() + " ไม่เท่ากับ 100");
		}
		return indicators;
	}

	@SuppressWarnings("unchecked")
	private static List<Input> inputs(Object value, String where, List<String> problems) {
		List<Input> inputs = new ArrayList<>();
		if (!(value instanceof List<?> rows)) {
			problems.add(where + "ไม่ได้ระบุข้อมูลที่ใช้ให้คะแนน (inputs)");
			return inputs;
		}
		for (Object r : rows) {
			Map<String, Object> row = (Map<String, Object>) r;
			String type = String.valueOf(row.getOrDefault("type", "number")).toUpperCase(Locale.ROOT);
			Input.Type t;
			try {
				t = Input.Type.valueOf(type);
			}
			catch (IllegalArgumentException ex) {
				problems.add(where + "ข้อมูล " + row.get("id") + ": ไม่รู้จักชนิด \"" + row.get("type")
						+ "\" (ใช้ number, staff, yes_no, step)");
				continue;
			}
			BigDecimal min = decimal(row.get("min"));
			BigDecimal max = decimal(row.get("max"));
			if (t == Input.Type.STAFF) {
				min = BigDecimal.ONE;
				max = BigDecimal.valueOf(100);
			}
			else if (t == Input.Type.NUMBER && min == null) {
				min = BigDecimal.ZERO;
			}
			inputs.add(new Input(String.valueOf(row.get("id")), String.valueOf(row.get("label_th")), t, min, max,
					row.get("measure") == null ? null : row.get("measure").toString()));
		}
		return inputs;
	}

	private static List<List<Condition>> levels(Object value, List<Input> inputs, String where, List<String> problems) {
		List<List<Condition>> levels = new ArrayList<>();
		if (!(value instanceof List<?> rows)) {
			problems.add(where + "ไม่มีเกณฑ์ระดับ (levels)");
			return levels;
		}
		for (Object row : rows) {
			levels.add(conditions(row, inputs, where, problems));
		}
		return levels;
	}

	private static List<Condition> conditions(Object value, List<Input> inputs, String where, List<String> problems) {
		List<Condition> conditions = new ArrayList<>();
		if (value == null) {
			return conditions;
		}
		List<?> texts = value instanceof List<?> l ? l : List.of(value);
		for (Object text : texts) {
			try {
				Condition c = Condition.parse(text.toString());
				if (inputs.stream().noneMatch(i -> i.id().equals(c.input()))) {
					problems.add(where + "เงื่อนไข \"" + text + "\" อ้างถึงข้อมูล \"" + c.input()
							+ "\" ที่ไม่ได้ประกาศใน inputs");
				}
				conditions.add(c);
			}
			catch (IllegalArgumentException ex) {
				problems.add(where + ex.getMessage());
			}
		}
		return conditions;
	}

	/**
	 * Within a table, a number asked of an input never goes down from one level to the
	 * next.
	 */
	private static void ascending(String where, LevelTable table, boolean single, List<String> problems) {
		Map<String, BigDecimal> previous = new LinkedHashMap<>();
		for (int i = 0; i < table.levels().size(); i++) {
			for (Condition c : table.levels().get(i)) {
				if (c.isStep() || c.op().startsWith("<")) {
					continue;
				}
				BigDecimal before = previous.get(c.input());
				if (before != null && c.number().compareTo(before) < 0) {
					problems.add(where + "เกณฑ์" + (single ? "" : " " + c.input()) + " ต้องเรียงจากน้อยไปมาก (ระดับ "
							+ (i + 1) + " = " + c.number().toPlainString() + " น้อยกว่าระดับ " + i + " = "
							+ before.toPlainString() + ")");
				}
				previous.put(c.input(), c.number());
			}
		}
	}

	private static List<BigDecimal[]> ranges(Object value, String where, List<String> problems) {
		List<BigDecimal[]> ranges = new ArrayList<>();
		if (!(value instanceof List<?> rangeRows)) {
			return ranges;
		}
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
		return ranges;
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
