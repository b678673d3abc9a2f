package th.raingan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.raingan.ApplicationTest;
import th.raingan.Users;
import th.raingan.attachment.Attachment;
import th.raingan.attachment.AttachmentService;
import th.raingan.attachment.Photos;
import th.raingan.org.OrgUnits;
import th.raingan.project.Assignment;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.ReportRefused;
import th.raingan.report.ReportVersions;
import th.raingan.thai.Clock;

/**
 * Seed 002 end to end: Chiang Rai's plan item 7.2 (four key topics, evaluation form and
 * data form) reported by three districts with EA3 per topic, one of them adding a topic
 * of its own, each with its EA4 file; the province's summary task comes once the three
 * are approved, shows them side by side with the respondent-weighted figures, and the
 * strategy unit records and signs the province's EA3, kept and exported.
 *
 * <p>
 * The figures, by hand (counts of respondents at the passing level: knowledge, use,
 * satisfaction):
 *
 * <pre>
 * topic   Mueang Chiang Rai (40)   Wiang Chai (25)   Chiang Khong (35)   province (100)
 * 1       36 30 38 (90/75/95%)    20 15 24 (80/60/96%)  28 21 33 (80/60/94.29%)  84 66 95 → 84.00 66.00 95.00
 * 2       32 28 36                18 14 22              25 20 30                 75 62 88 → 75.00 62.00 88.00
 * 3       30 26 35                21 17 23              30 25 32                 81 68 90 → 81.00 68.00 90.00
 * 4       28 24 34                15 12 20              21 18 28                 64 54 82 → 64.00 54.00 82.00
 * </pre>
 *
 * Weighted is Σ count / Σ respondents × 100, the same as weighting each district's
 * percentage by its respondents: topic 1 knowledge (40 × 90 + 25 × 80 + 35 × 80) / 100 =
 * 84.00, where the plain mean of the three percentages would be 83.33. Wiang Chai's own
 * topic (10 8 20 of 25) is shown for Wiang Chai only and not weighted. The province
 * adjusts topic 2's knowledge to 76.00, giving its reason.
 */
@ApplicationTest
class EvaluationSummaryProcessTest {

	static final List<String> OFFICES = List.of("5701", "5702", "5703");

	static final String OWN_TOPIC = "การใช้แอปพลิเคชันบันทึกข้อมูลหนี้ครัวเรือนของศูนย์ (ประเด็นของอำเภอ)";

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	ManagementService management;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	EvaluationPlanService plans;

	@Autowired
	EvaluationReports reports;

	@Autowired
	EvaluationSummaries summaries;

	@Autowired
	EvaluationApi api;

	@Autowired
	AttachmentService attachments;

	@Autowired
	ReportVersions versions;

	@Autowired
	OrgUnits orgUnits;

	EvaluationFixture fixture;

	@BeforeEach
	void plan() throws Exception {
		BpmnAwareTests.init(engine);
		ClockUtil.setCurrentTime(
				java.util.Date.from(LocalDate.of(2025, 7, 10).atTime(10, 0).atZone(Clock.ZONE).toInstant()));
		fixture = new EvaluationFixture(catalog, plans, OFFICES);
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
		identity.clearAuthentication();
	}

	ProcessInstance start(String office) {
		Assignment assignment = catalog.assignment(EvaluationFixture.YEAR, fixture.budgetCode, office).orElseThrow();
		return runtime.startProcessInstanceByKey(KEY, fixture.businessKey(office),
				fixture.inputs(assignment, orgUnits, reports));
	}

	void completeAs(String user, ProcessInstance instance, Map<String, Object> variables) {
		try {
			Users.signIn(identity, user);
			Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
			assertThat(task).as(user + " sees the open task").isNotNull();
			tasks.complete(task.getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	void ea4(String businessKey, String user, String kind) {
		attachments.add(businessKey, "ea4-" + user + ".pdf", Photos.pdf(2000), user, kind);
	}

	List<String> topics(String... own) {
		List<String> topics = new ArrayList<>(fixture.activity.topics());
		topics.addAll(List.of(own));
		return topics;
	}

	@Test
	void threeDistrictsReportTheProvinceRecordsAndSigns() throws Exception {
		assertThat(fixture.activity.topics()).hasSize(4).first().asString().startsWith("๑) ทบทวนระเบียบ");
		assertThat(fixture.activity.dataForm()).isTrue();
		assertThat(catalog.assignment(EvaluationFixture.YEAR, fixture.budgetCode, "5701")
			.orElseThrow()
			.evaluationRequired()).as("the plan marks the project evaluated").isTrue();

		ProcessInstance mueang = start("5701");
		ProcessInstance wiangChai = start("5702");
		ProcessInstance chiangKhong = start("5703");
		assertThat(mueang).variables()
			.containsEntry(EvaluationReports.DATA_FORM_REQUIRED, true)
			.containsKey(Ea3Check.TOPICS);

		Map<String, Object> mueangDraft = EvaluationFixture.draft(45, 40, topics(),
				new int[][] { { 36, 30, 38 }, { 32, 28, 36 }, { 30, 26, 35 }, { 28, 24, 34 } }, Map.of(0, "90"));
		// EA4: the data form's file is required before submission
		assertThatThrownBy(() -> completeAs("str5701", mueang, mueangDraft)).hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("แบบจัดเก็บข้อมูล (EA4)");
		assertThat(mueang).isWaitingAt(TASK_DISTRICT_DRAFT);
		assertThat(versions.ofReport(fixture.businessKey("5701"))).isEmpty();
		ea4(fixture.businessKey("5701"), "str5701", Attachment.KIND_EA4);
		completeAs("str5701", mueang, mueangDraft);
		assertThat(mueang).isWaitingAt(TASK_PROVINCE_REVIEW);
		long mueangVersion = versions.ofReport(fixture.businessKey("5701")).get(0).id();
		assertThat(attachments.list(fixture.businessKey("5701"))).singleElement()
			.satisfies(
					f -> assertThat(f.reportVersionId()).as("the EA4 file is in the version").isEqualTo(mueangVersion));
		assertThat(reports.topicsOf(mueangVersion)).hasSize(4)
			.first()
			.satisfies(t -> assertThat(t.knowledgePercent()).isEqualByComparingTo("90"));

		// Wiang Chai adds a topic of its own
		ea4(fixture.businessKey("5702"), "str5702", Attachment.KIND_EA4);
		completeAs("str5702", wiangChai,
				EvaluationFixture.draft(30, 25, topics(OWN_TOPIC),
						new int[][] { { 20, 15, 24 }, { 18, 14, 22 }, { 21, 17, 23 }, { 15, 12, 20 }, { 10, 8, 20 } },
						Map.of()));

		// Chiang Khong first: more respondents than participants, a percentage over 100,
		// one not matching its count
		ea4(fixture.businessKey("5703"), "str5703", Attachment.KIND_EA4);
		int[][] chiangKhongCounts = { { 28, 21, 33 }, { 25, 20, 30 }, { 30, 25, 32 }, { 21, 18, 28 } };
		assertThatThrownBy(() -> completeAs("str5703", chiangKhong,
				EvaluationFixture.draft(35, 50, topics(), chiangKhongCounts, Map.of(0, "120", 1, "60"))))
			.hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("จำนวนผู้ตอบแบบประเมิน (คน): ต้องไม่เกินจำนวนผู้เข้าร่วมที่รายงานในส่วนที่ 2 (35 คน)")
			.hasMessageContaining("ประเด็นที่ 1 ความรู้ความเข้าใจ (ร้อยละ): ต้องอยู่ระหว่าง 0 ถึง 100")
			.hasMessageContaining("ประเด็นที่ 2 ความรู้ความเข้าใจ (ร้อยละ): ไม่ตรงกับจำนวนคน");
		List<String> dropped = topics();
		dropped.remove(3);
		assertThatThrownBy(() -> completeAs("str5703", chiangKhong,
				EvaluationFixture.draft(35, 35, dropped, chiangKhongCounts, Map.of())))
			.hasCauseInstanceOf(ReportRefused.class)
			.hasMessageContaining("ประเด็นที่ต้องประเมินตามแผน: ไม่พบประเด็น \"๔)");
		assertThat(versions.ofReport(fixture.businessKey("5703"))).as("nothing partial").isEmpty();
		completeAs("str5703", chiangKhong, EvaluationFixture.draft(35, 35, topics(), chiangKhongCounts, Map.of()));

		String key = EvaluationSummaryProcess.businessKey(EvaluationFixture.YEAR, "57", fixture.activity.id());
		completeAs("review57", mueang, Map.of(REVIEW_DECISION, DECISION_APPROVE));
		ProcessInstance summary = runtime.createProcessInstanceQuery()
			.processDefinitionKey(EvaluationSummaryProcess.KEY)
			.processInstanceBusinessKey(key)
			.singleResult();
		assertThat(summary).as("the first approval starts the summary").isNotNull();
		assertThat(summary).isWaitingAt(EvaluationSummaryProcess.GATEWAY_WAIT);
		assertThat(management.createJobQuery().processInstanceId(summary.getId()).timers().count()).isEqualTo(1);
		completeAs("review57", wiangChai, Map.of(REVIEW_DECISION, DECISION_APPROVE));
		assertThat(summary).isWaitingAt(EvaluationSummaryProcess.GATEWAY_WAIT);
		completeAs("review57", chiangKhong, Map.of(REVIEW_DECISION, DECISION_APPROVE));
		assertThat(summary).hasPassed(EvaluationSummaryProcess.EVENT_REPORTS_COMPLETE)
			.isWaitingAt(EvaluationSummaryProcess.TASK_PROVINCE_SUMMARY);
		Task task = tasks.createTaskQuery().processInstanceId(summary.getId()).singleResult();
		assertThat(task.getName()).contains(EvaluationFixture.ACTIVITY);
		assertThat(BpmnAwareTests.task(summary)).hasCandidateGroup("province-57-review");

		Users.signIn(identity, "review57");
		EvaluationSummaries.Summary s = summaries.ofTask(task.getId()).orElseThrow();
		assertThat(s.districts()).extracting(EvaluationSummaries.District::officeCode)
			.containsExactly("5701", "5702", "5703");
		assertThat(s.districts()).extracting(EvaluationSummaries.District::respondents).containsExactly(40, 25, 35);
		assertThat(s.districts().get(1).topics()).hasSize(5)
			.last()
			.satisfies(t -> assertThat(t.ownTopic()).isTrue())
			.satisfies(t -> assertThat(t.satisfactionPercent()).isEqualByComparingTo("80"));
		assertThat(s.districts()).allSatisfy(d -> assertThat(d.ea4Files()).hasSize(1));
		assertThat(s.weighted())
			.extracting(w -> w.knowledge() + " " + w.use() + " " + w.satisfaction() + " " + w.respondents())
			.containsExactly("84.00 66.00 95.00 100", "75.00 62.00 88.00 100", "81.00 68.00 90.00 100",
					"64.00 54.00 82.00 100");

		List<Map<String, Object>> figures = th.raingan.EvaluationRounds.figures(s.weighted());
		figures.get(1).put("knowledge", "76");
		figures.get(2).put("use", "101");
		assertThatThrownBy(
				() -> summaries.record(task.getId(), new EvaluationSummaries.Recording(figures, ""), "review57"))
			.isInstanceOf(ReportRefused.class)
			.hasMessageContaining("ประเด็นที่ 3 การนำไปใช้ประโยชน์ (ร้อยละ): ต้องอยู่ระหว่าง 0 ถึง 100")
			.hasMessageContaining("เหตุผลที่ปรับจากค่าถ่วงน้ำหนัก: ")
			.hasMessageContaining("ไฟล์สรุปแบบจัดเก็บข้อมูล (EA4) ของจังหวัด");
		figures.get(2).put("use", "68");
		ea4(key, "review57", Attachment.KIND_EA4_PROVINCE);
		assertThatThrownBy(() -> tasks.complete(task.getId())).as("the task form alone does not record")
			.hasMessageContaining("ยังไม่ได้บันทึกผลการประเมินระดับจังหวัด");
		EvaluationSummaries.Result result = summaries.record(task.getId(),
				new EvaluationSummaries.Recording(figures, "รวมแบบประเมินฉบับกระดาษของอำเภอเวียงชัยที่ส่งภายหลัง"),
				"review57");
		identity.clearAuthentication();

		assertThat(summary).isEnded().hasPassed(EvaluationSummaryProcess.END_RECORDED);
		assertThat(result.recordedBy()).isEqualTo("review57");
		assertThat(result.respondents()).isEqualTo(100);
		assertThat(result.districts()).isEqualTo(3);
		assertThat(result.topics()).extracting(t -> t.knowledge() + "/" + t.weightedKnowledge())
			.containsExactly("84.00/84.00", "76.00/75.00", "81.00/81.00", "64.00/64.00");
		assertThat(summaries.result(fixture.activity.id())).isPresent();

		// exported and printable, by the strategy unit after the task
		Users.signIn(identity, "review57");
		EvaluationApi.Answer xlsx = api.resultFile(fixture.activity.id(), "xlsx");
		EvaluationApi.Answer pdf = api.resultFile(fixture.activity.id(), "pdf");
		identity.clearAuthentication();
		assertThat(xlsx.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream((byte[]) xlsx.body()))) {
			Sheet sheet = book.getSheetAt(0);
			List<String> lines = new ArrayList<>();
			for (Row row : sheet) {
				StringBuilder line = new StringBuilder();
				row.forEach(c -> line.append(c.toString()).append('|'));
				lines.add(line.toString());
			}
			assertThat(lines).anySatisfy(l -> assertThat(l).contains(EvaluationDocuments.WEIGHTED).contains("75.0|"));
			assertThat(lines).anySatisfy(l -> assertThat(l).contains(EvaluationDocuments.RECORDED).contains("76.0|"));
			assertThat(lines)
				.anySatisfy(l -> assertThat(l).contains(OWN_TOPIC).contains("สำนักงานพัฒนาชุมชนอำเภอเวียงชัย"));
			assertThat(String.join("\n", lines)).contains("บันทึกโดย review57").contains("2568");
		}
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(new String((byte[]) pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
			.isEqualTo("%PDF-");

		// one more approval later does not start the summary again
		assertThat(runtime.createProcessInstanceQuery()
			.processDefinitionKey(EvaluationSummaryProcess.KEY)
			.processInstanceBusinessKey(key)
			.count()).isZero();
	}

	/**
	 * Some districts never report: when the plan's window closes the task comes with the
	 * approved ones.
	 */
	@Test
	void theWindowClosingBringsTheTaskWithTheApprovedReports() {
		ProcessInstance mueang = start("5701");
		start("5702");
		ea4(fixture.businessKey("5701"), "str5701", Attachment.KIND_EA4);
		completeAs("str5701", mueang, EvaluationFixture.draft(45, 40, topics(),
				new int[][] { { 36, 30, 38 }, { 32, 28, 36 }, { 30, 26, 35 }, { 28, 24, 34 } }, Map.of()));
		completeAs("review57", mueang, Map.of(REVIEW_DECISION, DECISION_APPROVE));
		String key = EvaluationSummaryProcess.businessKey(EvaluationFixture.YEAR, "57", fixture.activity.id());
		ProcessInstance summary = runtime.createProcessInstanceQuery()
			.processDefinitionKey(EvaluationSummaryProcess.KEY)
			.processInstanceBusinessKey(key)
			.singleResult();
		Job timer = management.createJobQuery().processInstanceId(summary.getId()).timers().singleResult();
		assertThat(timer.getDuedate()).as("the end of July 2568, the plan's window")
			.isEqualTo(Clock.endOfDay(LocalDate.of(2025, 7, 31)));
		management.executeJob(timer.getId());
		assertThat(summary).isWaitingAt(EvaluationSummaryProcess.TASK_PROVINCE_SUMMARY)
			.variables()
			.containsEntry(EvaluationSummaryProcess.REASON_TEXT,
					"พ้นช่วงเวลาการบันทึกตามแผนประเมินผลแล้ว รายงานบางหน่วยงานยังไม่ได้รับอนุมัติ");
		Task task = tasks.createTaskQuery().processInstanceId(summary.getId()).singleResult();
		Users.signIn(identity, "review57");
		EvaluationSummaries.Summary s = summaries.ofTask(task.getId()).orElseThrow();
		identity.clearAuthentication();
		assertThat(s.approvedDistricts()).isEqualTo(1);
		assertThat(s.weighted().get(0).knowledge()).isEqualByComparingTo(new BigDecimal("90.00"));
		assertThat(s.weighted().get(0).respondents()).isEqualTo(40);
	}

}
