package th.raingan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.raingan.report.DistrictReportProcess.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.ApplicationTest;
import th.raingan.EvaluationRounds;
import th.raingan.attachment.Attachment;
import th.raingan.attachment.AttachmentService;
import th.raingan.attachment.Photos;
import th.raingan.project.DeadlineRule;
import th.raingan.project.Project;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.ReportDrafts;
import th.raingan.report.ReportRefused;
import th.raingan.report.ReportVersions;
import th.raingan.thai.Clock;

/**
 * Reports already running take an evaluation plan saved (or changed) after the round
 * opened: Mueang Chiang Rai and Wiang Chai report a Chiang Rai 2568 project that no plan
 * names yet; Wiang Chai submits at once (three overall figures, no topics). Then the
 * strategy unit imports the plan (evaluation form and data form, four topics): Mueang's
 * open draft, read as the officer's form reads it (the task's form variables over
 * /engine-rest, signed in as str5701), shows the four topics and cannot be submitted
 * without its EA4 file. The officer types counts and a topic of the office's own; the
 * plan changes (topic 4 replaced): the typed counts of the topics kept stay, the own
 * topic stays, topic 4's row goes, the new topic comes. Mueang submits; a later change of
 * the plan alters neither submitted version.
 */
@ApplicationTest
class EvaluationPlanLaterTest {

	static final String OWN = "การจัดทำบัญชีครัวเรือนออนไลน์ (ประเด็นของอำเภอ)";

	static final String NEW_TOPIC = "๕) การติดตามผลหลังการประชุม (ประเด็นที่จังหวัดเพิ่มภายหลัง)";

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	EvaluationRounds rounds;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	EvaluationPlanService plans;

	@Autowired
	EvaluationReports reports;

	@Autowired
	AttachmentService attachments;

	@Autowired
	ReportVersions versions;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void reset() {
		ClockUtil.reset();
		identity.clearAuthentication();
	}

	@Test
	void aPlanSavedAfterTheRoundOpenedReachesTheOpenDraftsAndNoSubmittedVersion() throws Exception {
		ClockUtil.setCurrentTime(
				java.util.Date.from(LocalDate.of(2025, 7, 10).atTime(10, 0).atZone(Clock.ZONE).toInstant()));
		String code = String.format("801-112-L%04d-2025-07", ThreadLocalRandom.current().nextInt(10000));
		long projectId = catalog.save(new Project(null, EvaluationFixture.YEAR, "57", code,
				"โครงการพัฒนากลไกการขับเคลื่อนการแก้ไขปัญหาหนี้สินครัวเรือน " + EvaluationFixture.ACTIVITY, "B1", "คน",
				null, false, DeadlineRule.ROUND));
		for (String office : List.of("5701", "5702")) {
			catalog.assign(projectId, office, new java.math.BigDecimal("40"), new java.math.BigDecimal("10000"),
					new java.math.BigDecimal("10000"));
		}
		ProcessInstance mueang = rounds.start(code, "5701");
		ProcessInstance wiangChai = rounds.start(code, "5702");
		assertThat(runtime.getVariables(mueang.getId())).doesNotContainKey(Ea3Check.PLAN_TOPICS)
			.containsEntry(EVALUATION_REQUIRED, false);

		// Wiang Chai submits before there is a plan: the three overall figures only
		Map<String, Object> plain = ReportDrafts.valid();
		plain.put(START_DATE, "07/07/2568");
		plain.put(END_DATE, "08/07/2568");
		rounds.complete("str5702", wiangChai, plain);
		long wiangChaiVersion = versions.ofReport(key(code, "5702")).get(0).id();
		assertThat(reports.topicsOf(wiangChaiVersion)).isEmpty();
		Map<String, Object> wiangChaiRow = versionRow(wiangChaiVersion);

		// the strategy unit imports the plan after the round opened
		List<String> topics = EvaluationFixture.planTopics();
		assertThat(plans.importCsv(EvaluationFixture.YEAR, "57", plan(code, topics), "review57").messages()).isEmpty();
		PlanActivity activity = plans.plan(EvaluationFixture.YEAR, "57")
			.stream()
			.filter(a -> Long.valueOf(projectId).equals(a.projectId()))
			.findFirst()
			.orElseThrow();

		// the officer's form, as Tasklist reads it
		JsonNode form = formVariables("str5701", "test5701", task(mueang));
		assertThat(form.path(EVALUATION_REQUIRED).path("value").asBoolean()).isTrue();
		assertThat(form.path(EvaluationReports.DATA_FORM_REQUIRED).path("value").asBoolean()).isTrue();
		assertThat(form.path(EvaluationReports.PLAN_ACTIVITY_ID).path("value").asLong()).isEqualTo(activity.id());
		assertThat(form.path("uploadSlot").path("value").asText()).isEqualTo(Attachment.KIND_EA4);
		assertThat(rowTopics(form)).containsExactlyElementsOf(topics);
		assertThat(form.path(EvaluationReports.PLAN_TOPICS_TEXT).path("value").asText()).contains("ทบทวนระเบียบ");

		// EA4 is now required before submission
		int[][] counts = { { 36, 30, 38 }, { 32, 28, 36 }, { 30, 26, 35 }, { 28, 24, 34 } };
		assertThatThrownBy(
				() -> rounds.complete("str5701", mueang, EvaluationFixture.draft(45, 40, topics, counts, Map.of())))
			.hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("แบบจัดเก็บข้อมูล (EA4)");
		assertThat(versions.ofReport(key(code, "5701"))).isEmpty();

		// the officer has typed counts and a topic of the office's own (the draft is the
		// process variables, as the draft's save writes them); then the plan changes
		List<Map<String, Object>> typed = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			typed.add(row(topics.get(i), Integer.toString(counts[i][0])));
		}
		typed.add(row(OWN, "12"));
		runtime.setVariable(mueang.getId(), Ea3Check.TOPICS,
				Variables.objectValue(typed).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
		List<String> changed = new ArrayList<>(topics.subList(0, 3));
		changed.add(NEW_TOPIC);
		assertThat(plans.importCsv(EvaluationFixture.YEAR, "57", plan(code, changed), "review57").messages()).isEmpty();
		form = formVariables("str5701", "test5701", task(mueang));
		List<String> expected = new ArrayList<>(changed);
		expected.add(OWN);
		assertThat(rowTopics(form)).as("the plan's topics as now, then the office's own")
			.containsExactlyElementsOf(expected);
		JsonNode rows = rows(form);
		assertThat(rows.get(0).path(Ea3Check.KNOWLEDGE_COUNT).asText()).as("typed counts kept").isEqualTo("36");
		assertThat(rows.get(3).has(Ea3Check.KNOWLEDGE_COUNT)).as("the new topic: empty").isFalse();
		assertThat(rows.get(4).path(Ea3Check.KNOWLEDGE_COUNT).asText()).isEqualTo("12");

		// with the EA4 file and the plan's topics as now, Mueang submits
		attachments.add(key(code, "5701"), "ea4.pdf", Photos.pdf(1500), "str5701", Attachment.KIND_EA4);
		rounds.complete("str5701", mueang, EvaluationFixture.draft(45, 40, expected,
				new int[][] { counts[0], counts[1], counts[2], { 20, 18, 30 }, { 12, 10, 15 } }, Map.of()));
		long mueangVersion = versions.ofReport(key(code, "5701")).get(0).id();
		List<String> submitted = reports.topicsOf(mueangVersion).stream().map(Ea3Check.Topic::topic).toList();
		assertThat(submitted).containsExactlyElementsOf(expected);
		Map<String, Object> mueangRow = versionRow(mueangVersion);

		// a later change of the plan alters no submitted version
		assertThat(plans.importCsv(EvaluationFixture.YEAR, "57", plan(code, topics), "review57").messages()).isEmpty();
		assertThat(reports.topicsOf(mueangVersion).stream().map(Ea3Check.Topic::topic).toList())
			.containsExactlyElementsOf(submitted);
		assertThat(versionRow(mueangVersion)).isEqualTo(mueangRow);
		assertThat(reports.topicsOf(wiangChaiVersion)).isEmpty();
		assertThat(versionRow(wiangChaiVersion)).isEqualTo(wiangChaiRow);
		// the report in the province's review has the plan as now for when it is returned
		assertThat(runtime.getVariable(wiangChai.getId(), Ea3Check.PLAN_TOPICS)).isEqualTo(topics);
	}

	static String key(String code, String office) {
		return EvaluationFixture.YEAR + "-2/" + code + "/" + office;
	}

	Map<String, Object> versionRow(long id) {
		return jdbc.queryForMap("""
				select respondents, knowledge_percent, use_percent, satisfaction_percent, status
				from raingan.report_version where id = ?""", id);
	}

	static Map<String, Object> row(String topic, String knowledge) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put(Ea3Check.TOPIC, topic);
		row.put(Ea3Check.KNOWLEDGE_COUNT, knowledge);
		return row;
	}

	static byte[] plan(String code, List<String> topics) throws Exception {
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			printer.printRecord(PlanCsv.HEADERS);
			printer.printRecord("7.2", "โครงการพัฒนากลไกการขับเคลื่อนการแก้ไขปัญหาหนี้สินครัวเรือน",
					EvaluationFixture.ACTIVITY, "Y", "Y", "within_month:2025-07", "ภายในเดือนกรกฎาคม ๒๕๖๘", code,
					String.join("\n", topics));
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	String task(ProcessInstance instance) {
		return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
	}

	/** The task's form variables over /engine-rest, signed in as the officer. */
	JsonNode formVariables(String user, String password, String taskId) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/form-variables"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
				.header("Accept", "application/json")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	/**
	 * The EA3 rows of the form (a JSON text or the list itself, as the engine hands it
	 * out).
	 */
	static JsonNode rows(JsonNode form) throws Exception {
		JsonNode value = form.path(Ea3Check.TOPICS).path("value");
		return value.isTextual() ? JSON.readTree(value.asText()) : value;
	}

	static List<String> rowTopics(JsonNode form) throws Exception {
		JsonNode rows = rows(form);
		List<String> topics = new ArrayList<>();
		rows.forEach(r -> topics.add(r.path(Ea3Check.TOPIC).asText()));
		return topics;
	}

}
