package th.raingan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

import th.raingan.org.OrgUnits;
import th.raingan.project.Assignment;
import th.raingan.project.Project;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.ReportDrafts;
import th.raingan.thai.Clock;

/**
 * Chiang Rai's plan item 7.2 (ประชุมเชิงปฏิบัติการผู้ขับเคลื่อนการบริหารจัดการหนี้ ...
 * ระดับอำเภอ: evaluation form and data form, four key topics) as a fiscal-2568 project of
 * Chiang Rai with a budget code of its own (so that runs on the same database do not
 * meet), its plan imported by CSV with that code, assigned to three districts.
 */
public final class EvaluationFixture {

	public static final int YEAR = 2568;

	static final String PROVINCE = "57";

	static final String ACTIVITY = "ประชุมเชิงปฏิบัติการผู้ขับเคลื่อนการบริหารจัดการหนี้ โดยศูนย์จัดการกองทุนชุมชน ระดับอำเภอ";

	public final String budgetCode = String.format("801-112-E%04d-2025-07", ThreadLocalRandom.current().nextInt(10000));

	public final long projectId;

	public final PlanActivity activity;

	public EvaluationFixture(ProjectCatalog catalog, EvaluationPlanService plans, List<String> offices)
			throws Exception {
		projectId = catalog.save(new Project(null, YEAR, PROVINCE, budgetCode,
				"โครงการพัฒนากลไกการขับเคลื่อนการดำเนินงานการแก้ไขปัญหาหนี้สินครัวเรือน " + ACTIVITY, "B1", "คน", null,
				false, th.raingan.project.DeadlineRule.ROUND));
		for (String office : offices) {
			catalog.assign(projectId, office, new java.math.BigDecimal("40"), new java.math.BigDecimal("10000"),
					new java.math.BigDecimal("10000"));
		}
		EvaluationPlanService.Outcome outcome = plans.importCsv(YEAR, PROVINCE,
				planCsv(budgetCode).getBytes(StandardCharsets.UTF_8), "review57");
		assertThat(outcome.messages()).isEmpty();
		activity = plans.plan(YEAR, PROVINCE)
			.stream()
			.filter(a -> a.projectId() == projectId)
			.findFirst()
			.orElseThrow();
	}

	/** Item 7.2's four key topics, as the bundled plan has them. */
	public static List<String> planTopics() throws Exception {
		CSVRecord row = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(
					new ClassPathResource(EvaluationExample.RESOURCE).getContentAsString(StandardCharsets.UTF_8)))
			.getRecords()
			.stream()
			.filter(r -> r.get("activity_th").equals(ACTIVITY))
			.findFirst()
			.orElseThrow();
		return PlanCsv.validate(List.of(Map.of("no", row.get("no"), "project_th", row.get("project_th"), "activity_th",
				ACTIVITY, "evaluation_form", "Y", "data_form", "Y", "deadline_rule", "within_month:2025-07",
				"window_th", "", "budget_code", "", "topics_th", row.get("topics_th"))))
			.rows()
			.get(0)
			.topics();
	}

	/** The bundled plan's row for item 7.2, re-dated to 2568 and tied by budget code. */
	static String planCsv(String budgetCode) throws Exception {
		List<CSVRecord> rows = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(
					new ClassPathResource(EvaluationExample.RESOURCE).getContentAsString(StandardCharsets.UTF_8)))
			.getRecords();
		CSVRecord row = rows.stream().filter(r -> r.get("activity_th").equals(ACTIVITY)).findFirst().orElseThrow();
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			printer.printRecord(PlanCsv.HEADERS);
			printer.printRecord(row.get("no"), row.get("project_th"), row.get("activity_th"), "Y", "Y",
					"within_month:2025-07", "ภายในเดือนกรกฎาคม ๒๕๖๘", budgetCode, row.get("topics_th"));
		}
		return out.toString();
	}

	/**
	 * What the round gives a report when it starts it, plus the plan's
	 * (EvaluationReports.inputs).
	 */
	public Map<String, Object> inputs(Assignment assignment, OrgUnits orgUnits, EvaluationReports reports) {
		return inputsOf(assignment, orgUnits, reports);
	}

	/**
	 * The same for any assignment of a fiscal-2568 Chiang Rai project (in the plan or
	 * not).
	 */
	public static Map<String, Object> inputsOf(Assignment assignment, OrgUnits orgUnits, EvaluationReports reports) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put(ROUND_KEY, YEAR + "-2/" + PROVINCE);
		inputs.put(ASSIGNMENT_ID, assignment.id());
		inputs.put(OFFICE_CODE, assignment.officeCode());
		inputs.put(OFFICE_NAME, orgUnits.find(assignment.officeCode()).orElseThrow().nameTh());
		inputs.put(PROJECT_NAME, assignment.project().nameTh());
		inputs.put(BUDGET_CODE, assignment.project().budgetCode());
		inputs.put(EVALUATION_REQUIRED, assignment.evaluationRequired());
		inputs.put(DUE_DATE, Clock.endOfDay(LocalDate.of(2025, 7, 31)));
		inputs.put(DUE_DATE_TEXT, "31 กรกฎาคม 2568");
		inputs.put(REVISION, 1);
		inputs.putAll(reports.inputs(assignment));
		return inputs;
	}

	/** The plan's four topics, then the office's own. */
	public List<String> topics(String... own) {
		List<String> topics = new ArrayList<>(activity.topics());
		topics.addAll(List.of(own));
		return topics;
	}

	public String summaryKey() {
		return EvaluationSummaryProcess.businessKey(YEAR, "57", activity.id());
	}

	public String businessKey(String office) {
		return YEAR + "-2/" + budgetCode + "/" + office;
	}

	/**
	 * A held activity's report: part 2 with {@code people} participants,
	 * {@code respondents}, and per topic (the plan's four in order, then any own topic)
	 * the counts {knowledge, use, satisfaction}; percentages left for the server to
	 * compute unless given in {@code percents}.
	 */
	public static Map<String, Object> draft(int people, int respondents, List<String> topics, int[][] counts,
			Map<Integer, String> knowledgePercents) {
		Map<String, Object> draft = ReportDrafts.valid();
		draft.put(START_DATE, "07/07/2568");
		draft.put(END_DATE, "08/07/2568");
		draft.put(AREAS, List.of(ReportDrafts.area("ห้องประชุมที่ว่าการอำเภอ", "คณะกรรมการศูนย์จัดการกองทุนชุมชน",
				Integer.toString(people), "ทบทวนบทบาทและประเมินจัดระดับศูนย์", "3,000")));
		draft.put(RESPONDENTS, Integer.toString(respondents));
		draft.remove(KNOWLEDGE_PERCENT);
		draft.remove(USE_PERCENT);
		draft.remove(SATISFACTION_PERCENT);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < topics.size(); i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put(Ea3Check.TOPIC, topics.get(i));
			row.put(Ea3Check.KNOWLEDGE_COUNT, Integer.toString(counts[i][0]));
			row.put(Ea3Check.KNOWLEDGE_PERCENT, knowledgePercents.getOrDefault(i, ""));
			row.put(Ea3Check.USE_COUNT, Integer.toString(counts[i][1]));
			row.put(Ea3Check.SATISFACTION_COUNT, Integer.toString(counts[i][2]));
			rows.add(row);
		}
		draft.put(Ea3Check.TOPICS,
				org.camunda.bpm.engine.variable.Variables.objectValue(rows)
					.serializationDataFormat("application/json")
					.create());
		return draft;
	}

}
