package th.raingan.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import th.raingan.thai.ThaiNumbers;

/**
 * EA3 per key topic, as a district enters it in its report of an evaluated activity
 * (docs/requirements/evaluation.md): for each topic (the plan's, then the office's own)
 * the number of respondents who answered at the level the questionnaire (EA2) counts as
 * passing, for knowledge/understanding, use and satisfaction, and the percentage of the
 * respondents each is. A percentage left empty is computed from its count; one typed must
 * be 0-100 and agree with its count (within half a percentage point, for rounding). Every
 * plan topic must be there, unchanged.
 */
final class Ea3Check {

	/**
	 * The report's variable: the topic rows (a JSON list), prefilled with the plan's
	 * topics.
	 */
	public static final String TOPICS = "ea3Topics";

	/**
	 * The plan's topics, as a list of texts, for the check that none was dropped or
	 * changed.
	 */
	public static final String PLAN_TOPICS = "ea3PlanTopics";

	public static final String TOPIC = "topic";

	public static final String KNOWLEDGE_COUNT = "knowledgeCount";

	public static final String KNOWLEDGE_PERCENT = "knowledgePercent";

	public static final String USE_COUNT = "useCount";

	public static final String USE_PERCENT = "usePercent";

	public static final String SATISFACTION_COUNT = "satisfactionCount";

	public static final String SATISFACTION_PERCENT = "satisfactionPercent";

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	static final BigDecimal TOLERANCE = new BigDecimal("0.5");

	/** One topic's EA3: counts and percentages. */
	public record Topic(String topic, boolean ownTopic, int knowledgeCount, BigDecimal knowledgePercent, int useCount,
			BigDecimal usePercent, int satisfactionCount, BigDecimal satisfactionPercent) {

	}

	/**
	 * The checked rows and the mean of their percentages (what the report's three overall
	 * figures become).
	 */
	public record Checked(List<Topic> topics, BigDecimal knowledge, BigDecimal use, BigDecimal satisfaction) {

	}

	private Ea3Check() {
	}

	/**
	 * Whether the report asks for EA3 per topic (its activity is in the province's
	 * evaluation plan).
	 */
	public static boolean planned(Map<String, Object> values) {
		return values.get(PLAN_TOPICS) instanceof List<?> topics && !topics.isEmpty();
	}

	/**
	 * @param respondents the report's respondents (null when that field is itself wrong:
	 * counts are then not checked against it)
	 * @param error receives (Thai field label, reason)
	 */
	public static Checked check(Map<String, Object> values, Integer respondents, BiConsumer<String, String> error) {
		List<String> plan = new ArrayList<>();
		if (values.get(PLAN_TOPICS) instanceof List<?> topics) {
			topics.forEach(t -> plan.add(String.valueOf(t)));
		}
		List<Map<String, Object>> rows = th.raingan.report.JsonRows.of(values.get(TOPICS),
				"แบบสรุปการประเมินผลรายประเด็น (EA3)", "ประเด็น (ประเด็น จำนวนคนและร้อยละ)");
		List<Topic> topics = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		boolean complete = true;
		if (rows.size() > PlanCsv.MAX_TOPICS) {
			// the plan has at most MAX_TOPICS topics, and the summary one row for each
			error.accept("แบบสรุปการประเมินผลรายประเด็น (EA3)",
					"มีได้ไม่เกิน " + PlanCsv.MAX_TOPICS + " ประเด็น (กรอกมา " + rows.size() + " ประเด็น)");
			return null;
		}
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> row = rows.get(i);
			if (row == null) {
				error.accept("ประเด็นที่ " + (i + 1), "ข้อมูลไม่ถูกต้อง");
				complete = false;
				continue;
			}
			String label = "ประเด็นที่ " + (i + 1);
			Object topicValue = row.get(TOPIC);
			String topic = topicValue == null ? "" : topicValue.toString().strip();
			if (topic.isEmpty()) {
				error.accept(label + " ประเด็นที่ประเมิน", "ยังไม่ได้กรอก");
				complete = false;
				continue;
			}
			if (topic.length() > PlanCsv.MAX_TOPIC) {
				error.accept(label + " ประเด็นที่ประเมิน", "ยาวเกิน " + PlanCsv.MAX_TOPIC + " ตัวอักษร");
				complete = false;
				continue;
			}
			if (seen.contains(topic)) {
				error.accept(label + " ประเด็นที่ประเมิน", "ซ้ำกับประเด็นก่อนหน้า");
				complete = false;
				continue;
			}
			seen.add(topic);
			Integer k = count(row.get(KNOWLEDGE_COUNT), label + " ความรู้ความเข้าใจ (คน)", respondents, error);
			BigDecimal kp = percent(row.get(KNOWLEDGE_PERCENT), k, label + " ความรู้ความเข้าใจ (ร้อยละ)", respondents,
					error);
			Integer u = count(row.get(USE_COUNT), label + " การนำไปใช้ประโยชน์ (คน)", respondents, error);
			BigDecimal up = percent(row.get(USE_PERCENT), u, label + " การนำไปใช้ประโยชน์ (ร้อยละ)", respondents,
					error);
			Integer s = count(row.get(SATISFACTION_COUNT), label + " ความพึงพอใจ (คน)", respondents, error);
			BigDecimal sp = percent(row.get(SATISFACTION_PERCENT), s, label + " ความพึงพอใจ (ร้อยละ)", respondents,
					error);
			if (k == null || kp == null || u == null || up == null || s == null || sp == null) {
				complete = false;
				continue;
			}
			topics.add(new Topic(topic, !plan.contains(topic), k, kp, u, up, s, sp));
		}
		for (String p : plan) {
			if (!seen.contains(p)) {
				error.accept("ประเด็นที่ต้องประเมินตามแผน", "ไม่พบประเด็น \"" + shorten(p)
						+ "\" ของแผนประเมินผลจังหวัด (ห้ามลบหรือแก้ไขประเด็นของแผน เพิ่มประเด็นของหน่วยงานได้)");
				complete = false;
			}
		}
		if (!complete || topics.isEmpty()) {
			return null;
		}
		return new Checked(topics, mean(topics.stream().map(Topic::knowledgePercent).toList()),
				mean(topics.stream().map(Topic::usePercent).toList()),
				mean(topics.stream().map(Topic::satisfactionPercent).toList()));
	}

	private static Integer count(Object value, String label, Integer respondents, BiConsumer<String, String> error) {
		ThaiNumbers.Parsed parsed = ThaiNumbers.parse(value);
		if (!parsed.isValid()) {
			error.accept(label, parsed.error());
			return null;
		}
		BigDecimal n = parsed.value();
		if (n.stripTrailingZeros().scale() > 0) {
			error.accept(label, "ต้องเป็นจำนวนเต็ม (ได้รับ " + value + ")");
			return null;
		}
		if (respondents != null && n.compareTo(BigDecimal.valueOf(respondents)) > 0) {
			error.accept(label, "ต้องไม่เกินจำนวนผู้ตอบแบบประเมิน " + respondents + " คน (ได้รับ " + value + ")");
			return null;
		}
		if (n.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
			error.accept(label, "มากเกินไป (ได้รับ " + value + ")");
			return null;
		}
		return n.intValueExact();
	}

	private static BigDecimal percent(Object value, Integer count, String label, Integer respondents,
			BiConsumer<String, String> error) {
		if (value == null || value.toString().isBlank()) {
			return count == null || respondents == null || respondents == 0 ? null : of(count, respondents);
		}
		ThaiNumbers.Parsed parsed = ThaiNumbers.parse(value);
		if (!parsed.isValid()) {
			error.accept(label, parsed.error());
			return null;
		}
		BigDecimal p = parsed.value();
		if (p.compareTo(HUNDRED) > 0 || p.signum() < 0) {
			error.accept(label, "ต้องอยู่ระหว่าง 0 ถึง 100 (ได้รับ " + value + ")");
			return null;
		}
		if (count != null && respondents != null && respondents > 0) {
			BigDecimal expected = of(count, respondents);
			if (expected.subtract(p).abs().compareTo(TOLERANCE) > 0) {
				error.accept(label, "ไม่ตรงกับจำนวนคน: " + count + " จาก " + respondents + " คน คือร้อยละ " + expected
						+ " (กรอก " + value + ") เว้นว่างไว้ให้ระบบคำนวณได้");
				return null;
			}
		}
		return p.setScale(2, RoundingMode.HALF_UP);
	}

	/** {@code count / respondents × 100}, two decimals. */
	public static BigDecimal of(int count, int respondents) {
		return BigDecimal.valueOf(count)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(respondents), 2, RoundingMode.HALF_UP);
	}

	static BigDecimal mean(List<BigDecimal> values) {
		return values.stream()
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
	}

	static String shorten(String text) {
		return text.length() > 60 ? text.substring(0, 60) + "…" : text;
	}

}
