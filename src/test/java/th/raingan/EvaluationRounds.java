package th.raingan;

import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import th.raingan.attachment.Attachment;
import th.raingan.attachment.AttachmentService;
import th.raingan.attachment.Photos;
import th.raingan.evaluation.EvaluationFixture;
import th.raingan.evaluation.EvaluationPlanService;
import th.raingan.evaluation.EvaluationReports;
import th.raingan.evaluation.EvaluationSummaries;
import th.raingan.evaluation.EvaluationSummaryProcess;
import th.raingan.org.OrgUnits;
import th.raingan.project.Assignment;
import th.raingan.project.ProjectCatalog;

/**
 * The evaluation tests' round: item 7.2's plan (an {@link EvaluationFixture}), the
 * districts' reports started as the round starts them, submitted with their EA4 file and
 * approved, and the province's EA3 recorded. A Spring bean of the tests (found by the
 * application's component scan in the test classpath), so the tests that use it autowire
 * it instead of the engine's and the capabilities' services.
 */
@Component
public class EvaluationRounds {

	/** Mueang Chiang Rai, Wiang Chai, Chiang Khong. */
	public static final List<String> OFFICES = List.of("5701", "5702", "5703");

	/**
	 * Per district of {@link #OFFICES} and topic, the counts {knowledge, use,
	 * satisfaction} of EvaluationSummaryProcessTest; Wiang Chai's fifth row is for a
	 * topic of its own, unused where it has none.
	 */
	public static final int[][][] COUNTS = { { { 36, 30, 38 }, { 32, 28, 36 }, { 30, 26, 35 }, { 28, 24, 34 } },
			{ { 20, 15, 24 }, { 18, 14, 22 }, { 21, 17, 23 }, { 15, 12, 20 }, { 10, 8, 20 } },
			{ { 28, 21, 33 }, { 25, 20, 30 }, { 30, 25, 32 }, { 21, 18, 28 } } };

	/** Per district of {@link #OFFICES}, the respondents (five more took part). */
	public static final int[] RESPONDENTS = { 40, 25, 35 };

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final IdentityService identity;

	private final ProjectCatalog catalog;

	private final EvaluationPlanService plans;

	private final EvaluationReports reports;

	private final EvaluationSummaries summaries;

	private final AttachmentService attachments;

	private final OrgUnits orgUnits;

	EvaluationRounds(RuntimeService runtime, TaskService tasks, IdentityService identity, ProjectCatalog catalog,
			EvaluationPlanService plans, EvaluationReports reports, EvaluationSummaries summaries,
			AttachmentService attachments, OrgUnits orgUnits) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.identity = identity;
		this.catalog = catalog;
		this.plans = plans;
		this.reports = reports;
		this.summaries = summaries;
		this.attachments = attachments;
		this.orgUnits = orgUnits;
	}

	/** The engine's clock at 10 July 2025, 10:00 in Thailand (ClockUtil.reset after). */
	public static void tenthOfJuly() {
		ClockUtil.setCurrentTime(
				Date.from(LocalDate.of(2025, 7, 10).atTime(10, 0).atZone(th.raingan.thai.Clock.ZONE).toInstant()));
	}

	/** Item 7.2 as a new project assigned to the offices, its plan imported. */
	public EvaluationFixture plan(List<String> offices) throws Exception {
		return new EvaluationFixture(catalog, plans, offices);
	}

	/** The office's report of the fixture's activity, started as the round starts it. */
	public ProcessInstance start(EvaluationFixture fixture, String office) {
		return start(fixture.budgetCode, office);
	}

	/**
	 * The office's report of any fiscal-2568 Chiang Rai project (in the plan or not),
	 * started as the round starts it.
	 */
	public ProcessInstance start(String budgetCode, String office) {
		Assignment assignment = catalog.assignment(EvaluationFixture.YEAR, budgetCode, office).orElseThrow();
		return runtime.startProcessInstanceByKey(KEY, EvaluationFixture.YEAR + "-2/" + budgetCode + "/" + office,
				EvaluationFixture.inputsOf(assignment, orgUnits, reports));
	}

	/** Completes the report's open task as the user. */
	public void complete(String user, ProcessInstance report, Map<String, Object> variables) {
		try {
			Users.signIn(identity, user);
			Task task = tasks.createTaskQuery().processInstanceId(report.getId()).singleResult();
			tasks.complete(task.getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * The office's officer attaches its EA4 file ({@code fileName}) and submits the
	 * draft; the province approves. Returns the EA4 attachment's id.
	 */
	public long submitAndApprove(EvaluationFixture fixture, ProcessInstance report, String office, String fileName,
			Map<String, Object> draft) {
		long ea4 = attachments
			.add(fixture.businessKey(office), fileName, Photos.pdf(1500), "str" + office, Attachment.KIND_EA4)
			.id();
		complete("str" + office, report, draft);
		complete("review57", report, Map.of(REVIEW_DECISION, DECISION_APPROVE));
		return ea4;
	}

	/**
	 * The three districts of {@link #OFFICES} report with {@link #COUNTS} and
	 * {@link #RESPONDENTS} and are approved; Mueang's report is {@code mueang} when
	 * already started (else started here), Wiang Chai adds {@code ownOfWiangChai}.
	 */
	public void threeApproved(EvaluationFixture fixture, ProcessInstance mueang, String... ownOfWiangChai) {
		for (int i = 0; i < 3; i++) {
			String office = OFFICES.get(i);
			ProcessInstance report = i == 0 && mueang != null ? mueang : start(fixture, office);
			submitAndApprove(fixture, report, office, "ea4-" + office + ".pdf",
					EvaluationFixture.draft(RESPONDENTS[i] + 5, RESPONDENTS[i],
							i == 1 ? fixture.topics(ownOfWiangChai) : fixture.topics(), COUNTS[i], Map.of()));
		}
	}

	/** The id of the province's summary task of the fixture's activity. */
	public String summaryTask(EvaluationFixture fixture) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(fixture.summaryKey())
			.taskDefinitionKey(EvaluationSummaryProcess.TASK_PROVINCE_SUMMARY)
			.singleResult()
			.getId();
	}

	/**
	 * Item 7.2 reported by the three districts (Wiang Chai adding
	 * {@code ownOfWiangChai}), approved, and the province's EA3 recorded by review57 on
	 * 10 July 2025 with its EA4 file: the weighted figures, topic 2's knowledge adjusted
	 * to 76.
	 */
	public EvaluationFixture recorded(String... ownOfWiangChai) throws Exception {
		tenthOfJuly();
		try {
			EvaluationFixture fixture = plan(OFFICES);
			threeApproved(fixture, null, ownOfWiangChai);
			String task = summaryTask(fixture);
			attachments.add(fixture.summaryKey(), "ea4-province.pdf", Photos.pdf(1500), "review57",
					Attachment.KIND_EA4_PROVINCE);
			Users.signIn(identity, "review57");
			List<Map<String, Object>> figures = figures(summaries.ofTask(task).orElseThrow().weighted());
			figures.get(1).put("knowledge", "76");
			summaries.record(task, new EvaluationSummaries.Recording(figures, "รวมแบบประเมินฉบับกระดาษที่ส่งภายหลัง"),
					"review57");
			return fixture;
		}
		finally {
			identity.clearAuthentication();
			ClockUtil.reset();
		}
	}

	/**
	 * The province's summary form's rows as the districts' weighted figures fill them
	 * (knowledge, use, satisfaction per topic), to be adjusted and recorded.
	 */
	public static List<Map<String, Object>> figures(List<EvaluationSummaries.Weighted> weighted) {
		List<Map<String, Object>> figures = new ArrayList<>();
		for (EvaluationSummaries.Weighted w : weighted) {
			Map<String, Object> row = new HashMap<>();
			row.put("knowledge", w.knowledge().toPlainString());
			row.put("use", w.use().toPlainString());
			row.put("satisfaction", w.satisfaction().toPlainString());
			figures.add(row);
		}
		return figures;
	}

}
