package th.raingan.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import th.raingan.attachment.Attachment;
import th.raingan.attachment.AttachmentAccess;
import th.raingan.attachment.AttachmentService;
import th.raingan.project.Assignment;
import th.raingan.thai.SafeText;

/**
 * The evaluation plan in a district's report: what the report starts with (the plan's
 * topics as EA3 rows, the EA4 slot), the EA4 check before submission, and the EA3 rows
 * kept with each submitted version.
 */
@Component
public class EvaluationReports implements th.raingan.report.ReportExtension, th.raingan.myreports.PrintedEvaluation {

	/**
	 * The report's variable: the activity has the data form (EA4 file required before
	 * submission).
	 */
	public static final String DATA_FORM_REQUIRED = "dataFormRequired";

	/** The report's variable: the plan activity's id. */
	public static final String PLAN_ACTIVITY_ID = "evaluationActivityId";

	/** The plan's topics as one Thai text, for the form's heading of the EA3 section. */
	public static final String PLAN_TOPICS_TEXT = "ea3PlanTopicsText";

	public static final String EA4_MISSING = "แบบจัดเก็บข้อมูล (EA4): ต้องแนบไฟล์ EA4 อย่างน้อย 1 ไฟล์ก่อนส่งรายงาน "
			+ "(แท็บ ไฟล์แนบ ช่อง \"แบบจัดเก็บข้อมูล (EA4)\")";

	private final EvaluationPlans plans;

	private final AttachmentService attachments;

	private final JdbcTemplate jdbc;

	EvaluationReports(EvaluationPlans plans, AttachmentService attachments, JdbcTemplate jdbc) {
		this.plans = plans;
		this.attachments = attachments;
		this.jdbc = jdbc;
	}

	/**
	 * The variables a report of this assignment starts with; none when its project is not
	 * in a plan.
	 */
	@Override
	public Map<String, Integer> maxRows() {
		// the plan has at most MAX_TOPICS topics, the summary a row for each
		return Map.of(Ea3Check.TOPICS, PlanCsv.MAX_TOPICS);
	}

	@Override
	public Map<String, Object> inputs(Assignment assignment) {
		Optional<PlanActivity> activity = plans.ofProject(assignment.project().id());
		return activity.isEmpty() ? new HashMap<>() : planVariables(activity.get(), null);
	}

	/**
	 * The plan's variables of a report of this activity: the activity's id, the data
	 * form's flag and EA4 slot, the plan's topics and the EA3 rows. {@code rows} are the
	 * report's EA3 rows so far (null at the start): a row of a topic still in the plan
	 * keeps what the officer typed, the office's own topics stay (after the plan's), a
	 * row of a topic the plan no longer has is dropped ({@code oldPlan}: the topics the
	 * report had from the plan until now).
	 */
	static Map<String, Object> planVariables(PlanActivity a, List<Map<String, Object>> rows, List<String> oldPlan) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put(PLAN_ACTIVITY_ID, a.id());
		inputs.put(DATA_FORM_REQUIRED, a.dataForm());
		if (a.dataForm()) {
			inputs.put(AttachmentAccess.UPLOAD_SLOT, Attachment.KIND_EA4);
		}
		if (a.evaluationForm() && !a.topics().isEmpty()) {
			inputs.put(Ea3Check.PLAN_TOPICS, json(new ArrayList<>(a.topics())));
			inputs.put(PLAN_TOPICS_TEXT,
					String.join("\n", a.topics().stream().map(t -> "- " + SafeText.markdown(t)).toList()));
			List<Map<String, Object>> merged = new ArrayList<>();
			List<Map<String, Object>> before = rows == null ? List.of() : rows;
			for (String topic : a.topics()) {
				Map<String, Object> row = before.stream()
					.filter(r -> r != null && topic.equals(topicOf(r)))
					.findFirst()
					.map(LinkedHashMap::new)
					.orElseGet(LinkedHashMap::new);
				row.put(Ea3Check.TOPIC, topic);
				merged.add(row);
			}
			for (Map<String, Object> r : before) {
				String topic = r == null ? "" : topicOf(r);
				if (!topic.isEmpty() && !a.topics().contains(topic) && !oldPlan.contains(topic)) {
					merged.add(new LinkedHashMap<>(r));
				}
			}
			inputs.put(Ea3Check.TOPICS, json(merged));
		}
		return inputs;
	}

	private static Map<String, Object> planVariables(PlanActivity a, List<Map<String, Object>> rows) {
		return planVariables(a, rows, List.of());
	}

	private static String topicOf(Map<String, Object> row) {
		Object topic = row.get(Ea3Check.TOPIC);
		return topic == null ? "" : topic.toString().strip();
	}

	private static Object json(Object value) {
		return Variables.objectValue(value).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
	}

	@Override
	public boolean applies(Map<String, Object> values) {
		return Ea3Check.planned(values);
	}

	@Override
	public th.raingan.report.ReportValidator.Overall check(Map<String, Object> values, Integer respondents,
			int participants, java.util.function.BiConsumer<String, String> error) {
		Ea3Check.Checked checked = Ea3Check.check(values, respondents, error);
		return checked == null ? null : new th.raingan.report.ReportValidator.Overall(checked.knowledge(),
				checked.use(), checked.satisfaction());
	}

	/**
	 * The EA4 refusal, if the activity has the data form and the report has no EA4 file.
	 */
	@Override
	public List<String> beforeSubmit(String businessKey, Map<String, Object> values) {
		if (!Boolean.TRUE.equals(values.get(DATA_FORM_REQUIRED))) {
			return List.of();
		}
		boolean attached = attachments.list(businessKey).stream().anyMatch(f -> Attachment.KIND_EA4.equals(f.kind()));
		return attached ? List.of() : List.of(EA4_MISSING);
	}

	/**
	 * Keeps the EA3 rows of a submitted version (the report was checked in the same
	 * transaction).
	 */
	@Override
	public void submitted(long versionId, Map<String, Object> values) {
		if (!Ea3Check.planned(values)
				|| !Boolean.TRUE.equals(values.get(th.raingan.report.DistrictReportProcess.EVALUATION_REQUIRED))) {
			return;
		}
		Object respondents = values.get(th.raingan.report.DistrictReportProcess.RESPONDENTS);
		int n = th.raingan.thai.ThaiNumbers.parse(respondents).value().intValueExact();
		Ea3Check.Checked checked = Ea3Check.check(values, n, (field, reason) -> {
			throw new IllegalStateException(field + ": " + reason);
		});
		int seq = 1;
		for (Ea3Check.Topic t : checked.topics()) {
			jdbc.update("""
					insert into raingan.report_topic (report_version_id, seq, topic_th, own_topic, knowledge_count,
					knowledge_percent, use_count, use_percent, satisfaction_count, satisfaction_percent)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", versionId, seq++, t.topic(), t.ownTopic(),
					t.knowledgeCount(), t.knowledgePercent(), t.useCount(), t.usePercent(), t.satisfactionCount(),
					t.satisfactionPercent());
		}
	}

	/** The EA3 rows of a submitted version, for its printout. */
	@Override
	public List<th.raingan.myreports.PrintedEvaluation.Topic> printedTopics(long versionId) {
		return topicsOf(versionId).stream()
			.map(t -> new th.raingan.myreports.PrintedEvaluation.Topic(t.topic(), t.ownTopic(), t.knowledgeCount(),
					t.knowledgePercent(), t.useCount(), t.usePercent(), t.satisfactionCount(), t.satisfactionPercent()))
			.toList();
	}

	/** The EA3 rows of a submitted version. */
	public List<Ea3Check.Topic> topicsOf(long versionId) {
		return jdbc.query("select * from raingan.report_topic where report_version_id = ? order by seq",
				(rs, i) -> new Ea3Check.Topic(rs.getString("topic_th"), rs.getBoolean("own_topic"),
						rs.getInt("knowledge_count"), rs.getBigDecimal("knowledge_percent"), rs.getInt("use_count"),
						rs.getBigDecimal("use_percent"), rs.getInt("satisfaction_count"),
						rs.getBigDecimal("satisfaction_percent")),
				versionId);
	}

}
