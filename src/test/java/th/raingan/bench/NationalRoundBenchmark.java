package th.raingan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.engine.StockAuthorization;
import th.raingan.kpi.KpiRoundCloseProcess;
import th.raingan.org.AccessSetup;
import th.raingan.org.Groups;
import th.raingan.org.OrgUnits;
import th.raingan.report.ReportDrafts;
import th.raingan.round.ReportingRoundProcess;
import th.raingan.thai.Clock;

/**
 * A reporting round as the nation runs it, on one node, beside the bare engine. Prints
 * figures; asserts nothing about time; fails unless every measured lifecycle reached its
 * end ({@code whatWasMeasuredHappened}). Size: {@code -Draingan.benchmark.size=national}
 * (76 provinces, 878 districts, 40 reports each, 35,120 reports), a number of districts
 * (provinces in the nation's proportion) or the default {@code ci} (one province of 10
 * districts: 400 reports), which CI runs; {@code -Draingan.benchmark.sample=N} takes only
 * N of them through draft and review.
 * <ol>
 * <li>the real provinces and districts, synthetic ones beyond, 40 assignments per
 * district;</li>
 * <li>every report's lifecycle through the engine's Java API as the users would: each
 * province's manager opens the round, the officer completes the draft (three area rows,
 * an evaluation summary), the province reviews; one in ten is returned once;</li>
 * <li>the KPI round close for every district: freeze, entries, verification, scores,
 * sign-off;</li>
 * <li>the engine floor: start, two user tasks with candidate groups, end, as many times,
 * same threads, same users;</li>
 * <li>lifecycles per second and their ratio, the close's duration, a district officer's
 * task query p50/p95 (Tasklist's shape, authorization on) while every report is open, the
 * JVM's peak heap.</li>
 * </ol>
 */
@ApplicationTest
class NationalRoundBenchmark {

	static final String SIZE = System.getProperty("raingan.benchmark.size", "ci");

	static final int THREADS = Integer.getInteger("raingan.benchmark.threads", 2);

	static final int PER_DISTRICT = 40;

	/**
	 * A fiscal year of its own, so that the benchmark's rounds meet no other test's in a
	 * shared database.
	 */
	static final int FISCAL_YEAR = 2575;

	static final String ROUND = FISCAL_YEAR + "-1/%";

	/**
	 * The floor's lifecycles, a rate measured while every report is open: as many as
	 * reports, at most 5,000, or {@code -Draingan.benchmark.floorLifecycles=N} (the
	 * offices taken in turn), so that runs of two sizes can compare floors of the same
	 * length.
	 */
	static final Integer FLOOR_LIFECYCLES = Integer.getInteger("raingan.benchmark.floorLifecycles");

	/**
	 * {@code -Draingan.benchmark.floorVariables=N}: the floor carries N more short text
	 * variables, half from its start and half from its first task (a report writes about
	 * 43), to see what a report's variables alone cost next to the bare floor.
	 */
	static final FloorVariables FLOOR_VARIABLES = new FloorVariables(
			Integer.getInteger("raingan.benchmark.floorVariables", 0));

	record FloorVariables(int count) {

		Map<String, Object> start() {
			return values(0, count / 2);
		}

		Map<String, Object> draft() {
			return values(count / 2, count);
		}

		private static Map<String, Object> values(int from, int to) {
			Map<String, Object> values = new HashMap<>();
			for (int i = from; i < to; i++) {
				values.put("field" + i, "ข้อความ " + i);
			}
			return values;
		}

	}

	/**
	 * Runs the floor a second time with the engine's own authorization manager (before
	 * issue 22's change).
	 */
	static final boolean STOCK_FLOOR = Boolean.parseBoolean(System.getProperty("raingan.benchmark.stockFloor", "true"));

	/**
	 * {@code -Draingan.benchmark.leaveOpen=true}: opens the rounds and stops there, every
	 * report left open at its draft task, for the load test (BENCHMARK.md) to run
	 * against.
	 */
	static final boolean LEAVE_OPEN = Boolean.getBoolean("raingan.benchmark.leaveOpen");

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrgUnits orgUnits;

	@Autowired
	AccessSetup access;

	@Autowired
	IdentityService identity;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Autowired
	RepositoryService repository;

	@Autowired
	ManagementService management;

	/** The KPI close tells each district its results by mail. */
	@org.junit.jupiter.api.extension.RegisterExtension
	static com.icegreen.greenmail.junit5.GreenMailExtension smtp = new com.icegreen.greenmail.junit5.GreenMailExtension(
			com.icegreen.greenmail.util.ServerSetupTest.SMTP);

	/** How often the benchmark analyzes where autovacuum is off. */
	static final int ANALYZE_SECONDS = Integer.getInteger("raingan.benchmark.analyzeSeconds", 10);

	/** PostgreSQL without autovacuum: the benchmark analyzes in its place. */
	boolean autovacuumOff;

	/** The floor's process definition, deployed by this run. */
	String floorDefinition;

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void aReportingRoundOnOneNodeBesideTheBareEngine() throws Exception {
		boolean national = "national".equals(SIZE);
		// an intermediate size: -Draingan.benchmark.size=<districts>, provinces in the
		// nation's proportion (878 / 76)
		int districts = national ? 878 : SIZE.matches("\\d+") ? Integer.parseInt(SIZE) : 10;
		int provinces = national ? 76 : SIZE.matches("\\d+") ? Math.max(1, Math.round(districts * 76f / 878)) : 1;
		// January 2575: round 1 of fiscal 2575 is open
		ClockUtil.setCurrentTime(Date.from(LocalDate.of(2032, 1, 10).atTime(9, 0).atZone(Clock.ZONE).toInstant()));

		ScheduledExecutorService analyzer = analyzeLikeAutovacuum();
		try {
			run(national, provinces, districts);
		}
		finally {
			analyzer.shutdownNow();
		}
	}

	/**
	 * PostgreSQL's autovacuum keeps the planner's statistics current as the engine's
	 * tables grow. Where it is off (as on the machine BENCHMARK.md's figures come from),
	 * the benchmark runs ANALYZE in its place: the runtime tables every
	 * {@link #ANALYZE_SECONDS} seconds, the whole database every minute, and once more
	 * when the round is open: the benchmark starts from empty tables that grow to tens of
	 * thousands of rows within minutes, which a production database, holding earlier
	 * rounds, never does. With the statistics of empty tables, PostgreSQL reads every
	 * variable row for each lookup of one execution's variables and scans the executions
	 * for each join (seen with auto_explain: opening 53 reports per second with a 60 s
	 * period, 139 with 5 s, size 40).
	 */
	private ScheduledExecutorService analyzeLikeAutovacuum() {
		ScheduledExecutorService analyzer = Executors.newSingleThreadScheduledExecutor();
		String url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
		autovacuumOff = url.startsWith("jdbc:postgresql:")
				&& "off".equals(jdbc.queryForObject("show autovacuum", String.class));
		if (autovacuumOff) {
			// the runtime tables and Raingan's every ANALYZE_SECONDS, the whole
			// database (history included) once a minute: analyzing the growing history
			// tables every few seconds took a quarter of a core in the national run
			String runtimeTables = String
				.join(", ",
						jdbc.queryForList(
								"select schemaname || '.' || tablename from pg_tables "
										+ "where tablename like 'act\\_ru\\_%' or schemaname = 'raingan'",
								String.class));
			int wholeEvery = Math.max(1, 60 / ANALYZE_SECONDS);
			AtomicInteger runs = new AtomicInteger();
			print("PostgreSQL's autovacuum is off: the benchmark runs ANALYZE in its place, of the runtime tables "
					+ "every %d s, of the whole database every %d s", ANALYZE_SECONDS, wholeEvery * ANALYZE_SECONDS);
			analyzer.scheduleWithFixedDelay(
					() -> jdbc
						.execute(runs.getAndIncrement() % wholeEvery == 0 ? "analyze" : "analyze " + runtimeTables),
					0, ANALYZE_SECONDS, TimeUnit.SECONDS);
		}
		return analyzer;
	}

	private void run(boolean national, int provinces, int districts) throws Exception {
		long t0 = System.nanoTime();
		List<String> provinceCodes = organisation(provinces, districts);
		int assignments = jdbc.queryForObject("""
				select count(*) from raingan.assignment a join raingan.project p on p.id = a.project_id
				where p.fiscal_year_be = ?""", Integer.class, FISCAL_YEAR);
		// the real provinces' districts may be more than asked for
		districts = assignments / PER_DISTRICT;
		print("setup: %d provinces (%s real), %d districts, %d assignments in %.1f s", provinceCodes.size(),
				provinceCodes.stream().filter(code -> code.length() == 2).count(), districts, assignments, seconds(t0));

		padAuthorizations();

		// 1. open the rounds: each manager submits the start form; the engine starts the
		// reports (async jobs)
		long lifecycleStart = System.nanoTime();
		List<String> rounds = new ArrayList<>();
		for (String province : provinceCodes) {
			rounds.add(startAsManager(province, ReportingRoundProcess.KEY,
					Map.of(ReportingRoundProcess.FISCAL_YEAR, String.valueOf(FISCAL_YEAR),
							ReportingRoundProcess.ROUND_NO, "1", ReportingRoundProcess.REPORTING_DEADLINE,
							"17/03/" + FISCAL_YEAR)));
		}
		parallel(rounds, this::runContinuations);
		List<String> offices = rounds.stream()
			.flatMap(round -> runtime.createProcessInstanceQuery().superProcessInstanceId(round).list().stream())
			.map(office -> office.getId())
			.toList();
		parallel(offices, this::runContinuations);
		int reports = jdbc.queryForObject("select count(*) from raingan.report where round_key like ?", Integer.class,
				ROUND);
		double openSeconds = seconds(lifecycleStart);
		print("round opened: %d reports in %.1f s = %.1f per second", reports, openSeconds, reports / openSeconds);
		if (autovacuumOff) {
			// a round stays open for weeks: autovacuum has analyzed its tables long
			// before the officers write; the run's first analyze saw them empty
			jdbc.execute("analyze");
		}
		print("runtime rows per open report: %s", rowsPerReport("draft", reports, "act_ru_variable", "act_ru_execution",
				"act_ru_task", "act_ru_job", "act_ru_authorization"));

		// 2. a district officer's task list while every report is open (Tasklist's query,
		// authorization on)
		String sampleDistrict = jdbc
			.queryForObject("select min(office_code) from raingan.report where round_key like ?", String.class, ROUND);
		long[] micros = new long[100];
		for (int i = 0; i < micros.length; i++) {
			as("officer", "district-" + sampleDistrict);
			long start = System.nanoTime();
			tasks.createTaskQuery()
				.taskCandidateGroupIn(List.of("district-" + sampleDistrict))
				.includeAssignedTasks()
				.orderByDueDate()
				.asc()
				.listPage(0, 15);
			micros[i] = (System.nanoTime() - start) / 1000;
			identity.clearAuthentication();
		}
		Arrays.sort(micros);
		print("officer task query (%d open reports): p50 %.1f ms, p95 %.1f ms", reports, micros[49] / 1000.0,
				micros[94] / 1000.0);
		if (LEAVE_OPEN) {
			assertThat(offices).as("district rounds started").hasSize(districts);
			assertThat(reports).as("reports opened").isEqualTo(districts * PER_DISTRICT);
			assertThat(count(
					"select count(*) from act_ru_task t join raingan.report r on r.process_instance_id = "
							+ "t.proc_inst_id_ where r.round_key like ? and t.task_def_key_ = ?",
					ROUND, TASK_DISTRICT_DRAFT))
				.as("reports open at their draft task")
				.isEqualTo(reports);
			assertThat(count(
					"select count(*) from act_ru_job where type_ = 'message' and root_proc_inst_id_ in " + in(rounds)))
				.as("asynchronous continuations left")
				.isZero();
			print("left open for the load test: %d reports at their draft task", reports);
			return;
		}

		List<String> all = jdbc.queryForList(
				"select business_key from raingan.report where round_key like ? order by business_key", String.class,
				ROUND);
		// 3. the engine floor while every report is open (the nation's tables), same
		// threads, same users (FLOOR_LIFECYCLES)
		List<String> floorKeys = every(all, FLOOR_LIFECYCLES != null ? FLOOR_LIFECYCLES : Math.min(all.size(), 5000));
		floorDefinition = repository.createDeployment()
			.name("floor")
			.addModelInstance("floor.bpmn",
					Bpmn.createExecutableProcess("floor")
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.userTask("A")
						.camundaCandidateGroups("${officeGroup}")
						.userTask("B")
						.camundaCandidateGroups("${reviewGroup}")
						.endEvent()
						.done())
			.deployWithResult()
			.getDeployedProcessDefinitions()
			.get(0)
			.getId();
		// with the engine's own authorization manager as well (before issue 22): in
		// alternating slices, so that both
		// meet the same load and the same table sizes
		int slices = STOCK_FLOOR ? 8 : 1;
		double floorSeconds = 0;
		double stockSeconds = 0;
		int stockLifecycles = 0;
		for (int slice = 0; slice < slices; slice++) {
			List<String> part = floorKeys.subList(floorKeys.size() * slice / slices,
					floorKeys.size() * (slice + 1) / slices);
			long start = System.nanoTime();
			if (slice % 2 == 0) {
				floorLifecycles(part);
				floorSeconds += seconds(start);
			}
			else {
				StockAuthorization.run(engine, () -> floorLifecycles(part));
				stockSeconds += seconds(start);
				stockLifecycles += part.size();
			}
		}
		int floorLifecycles = floorKeys.size() - stockLifecycles;
		double floorRate = floorLifecycles / floorSeconds;
		print("floor lifecycles, every report open%s: %d in %.1f s = %.1f per second",
				FLOOR_VARIABLES.count() > 0 ? ", " + FLOOR_VARIABLES.count() + " variables each" : "", floorLifecycles,
				floorSeconds, floorRate);
		if (STOCK_FLOOR) {
			double stockRate = stockLifecycles / stockSeconds;
			print("floor lifecycles with the engine's own authorization manager (before), in alternating slices: "
					+ "%d = %.1f per second; Raingan's / the engine's: %.2f", stockLifecycles, stockRate,
					floorRate / stockRate);
		}
		// 4. drafts, reviews, one in ten returned once
		// -Draingan.benchmark.sample=N: only every k-th report goes through draft and
		// review (all stay open meanwhile)
		List<String> drafts = every(all,
				Math.min(all.size(), Integer.getInteger("raingan.benchmark.sample", all.size())));
		AtomicInteger counter = new AtomicInteger();
		long draftsStart = System.nanoTime();
		parallel(drafts, key -> {
			int n = counter.incrementAndGet();
			lifecycle(key, n % 10 == 0);
			if (n % 2000 == 0) {
				print("  ... %d drafts reviewed, %.1f per second so far", n, n / seconds(draftsStart));
			}
		});
		// each approved report reaches its round in a job of its own (the job executor's
		// part)
		parallel(offices, this::runContinuations);
		parallel(rounds, this::runContinuations);
		double draftSeconds = seconds(draftsStart);
		// a lifecycle's share of the opening plus its draft and review
		double reportSeconds = openSeconds * drafts.size() / reports + draftSeconds;
		double reportRate = drafts.size() / reportSeconds;
		print("drafts and reviews: %d in %.1f s = %.1f per second", drafts.size(), draftSeconds,
				drafts.size() / draftSeconds);
		print("report lifecycles: %d in %.1f s = %.1f per second (their share of the opening, draft, validation, submission, review)",
				drafts.size(), reportSeconds, reportRate);

		// 5. KPI round close for every district
		long closeStart = System.nanoTime();
		List<String> closes = new ArrayList<>();
		for (String province : provinceCodes) {
			closes.add(startAsManager(province, KpiRoundCloseProcess.KEY,
					Map.of(KpiRoundCloseProcess.FISCAL_YEAR, String.valueOf(FISCAL_YEAR), KpiRoundCloseProcess.ROUND_NO,
							"1", KpiRoundCloseProcess.TEMPLATE_ID, "test-department-2575")));
		}
		parallel(closes, this::closeRound);
		print("KPI round close for %d districts: %.1f s", districts, seconds(closeStart));

		print("ratio report / floor: %.2f", reportRate / floorRate);
		print("peak heap: %d MB", peakHeapMb());
		print("history rows per approved report: %s", rowsPerReport("approved", drafts.size(), "act_hi_varinst",
				"act_hi_actinst", "act_hi_taskinst", "act_hi_detail", "act_hi_op_log"));

		whatWasMeasuredHappened(districts, provinceCodes, rounds, offices, reports, drafts, closes, floorKeys.size());
	}

	/**
	 * The figures count only what really happened: every report opened, every sampled
	 * lifecycle at its approved end (one in ten after a return), every round, office, KPI
	 * close and floor instance ended where it should, and no job left behind.
	 */
	private void whatWasMeasuredHappened(int districts, List<String> provinceCodes, List<String> rounds,
			List<String> offices, int reports, List<String> drafts, List<String> closes, int floorLifecycles) {
		assertThat(rounds).as("rounds opened").hasSize(provinceCodes.size());
		assertThat(offices).as("district rounds started").hasSize(districts);
		assertThat(reports).as("reports opened").isEqualTo(districts * PER_DISTRICT);
		String inRounds = in(rounds);
		assertThat(count(
				"select count(*) from act_hi_procinst where proc_def_key_ = ? and root_proc_inst_id_ in " + inRounds,
				KEY))
			.as("report instances")
			.isEqualTo(reports);
		assertThat(count("select count(*) from raingan.report where round_key like ? and status = 'approved'", ROUND))
			.as("reports approved")
			.isEqualTo(drafts.size());
		assertThat(count("select count(*) from raingan.report where round_key like ? and status = 'draft'", ROUND))
			.as("reports still in draft")
			.isEqualTo(reports - drafts.size());
		assertThat(
				count("""
						select count(*) from act_hi_procinst where proc_def_key_ = ? and end_act_id_ = ? and end_time_ is not null
						and root_proc_inst_id_ in """
						+ inRounds, KEY, END_APPROVED))
			.as("report instances ended approved")
			.isEqualTo(drafts.size());
		assertThat(count("select count(*) from act_hi_taskinst where task_def_key_ = ? and end_time_ is not null "
				+ "and root_proc_inst_id_ in " + inRounds, TASK_PROVINCE_REVIEW))
			.as("reviews, one in ten returned once")
			.isEqualTo(drafts.size() + drafts.size() / 10);
		assertThat(
				count("select count(*) from act_ru_job where type_ = 'message' and root_proc_inst_id_ in " + inRounds))
			.as("asynchronous continuations left")
			.isZero();
		assertThat(
				count("""
						select count(*) from act_ru_job j join raingan.report r on r.process_instance_id = j.process_instance_id_
						where r.round_key like ? and r.status = 'approved'""",
						ROUND))
			.as("jobs of approved reports")
			.isZero();
		if (drafts.size() == reports) {
			assertThat(count("select count(*) from act_hi_procinst where end_time_ is null and root_proc_inst_id_ in "
					+ inRounds))
				.as("instances of the rounds still running")
				.isZero();
			assertThat(count("select count(*) from act_hi_procinst where end_act_id_ = ? and id_ in " + inRounds,
					ReportingRoundProcess.END))
				.as("rounds completed")
				.isEqualTo(rounds.size());
			assertThat(count("select count(*) from act_ru_job where root_proc_inst_id_ in " + inRounds))
				.as("jobs left in the rounds")
				.isZero();
		}
		// a signed-off close tells each district, then waits 180 days for a reasoned
		// reopening (its one timer)
		String inCloses = in(closes);
		assertThat(count(
				"select count(*) from act_hi_actinst where act_id_ = ? and end_time_ is not null and proc_inst_id_ in "
						+ inCloses,
				KpiRoundCloseProcess.TASK_MANAGER_SIGN_OFF))
			.as("KPI closes signed off")
			.isEqualTo(closes.size());
		assertThat(count(
				"select count(*) from act_hi_actinst where act_id_ = ? and end_time_ is not null "
						+ "and act_type_ = 'serviceTask' and proc_inst_id_ in " + inCloses,
				KpiRoundCloseProcess.TASK_NOTIFY_DISTRICTS))
			.as("districts told their KPI results")
			.isEqualTo(districts);
		assertThat(
				count("select count(*) from act_ru_job where type_ = 'message' and root_proc_inst_id_ in " + inCloses))
			.as("asynchronous continuations left in the KPI closes")
			.isZero();
		assertThat(count("select count(*) from act_ru_job where type_ = 'timer' and root_proc_inst_id_ in " + inCloses))
			.as("KPI closes waiting for their finality (one timer each)")
			.isEqualTo(closes.size());
		assertThat(count("select count(*) from act_hi_procinst where proc_def_id_ = ? and end_time_ is not null",
				floorDefinition))
			.as("floor lifecycles ended")
			.isEqualTo(floorLifecycles);
		assertThat(count("select count(*) from act_ru_execution where proc_def_id_ = ?", floorDefinition))
			.as("floor executions left")
			.isZero();
	}

	/**
	 * Rows of the engine's tables per report in the given status (joined on the report's
	 * process instance).
	 */
	private String rowsPerReport(String status, int reportCount, String... tables) {
		StringBuilder rows = new StringBuilder();
		for (String table : tables) {
			String join = switch (table) {
				// a task's grant names the task
				case "act_ru_authorization" -> " join act_ru_task t on t.id_ = x.resource_id_ join raingan.report r"
						+ " on r.process_instance_id = t.proc_inst_id_";
				case "act_ru_job" -> " join raingan.report r on r.process_instance_id = x.process_instance_id_";
				default -> " join raingan.report r on r.process_instance_id = x.proc_inst_id_";
			};
			long n = count("select count(*) from " + table + " x" + join + " where r.round_key like ? and r.status = ?",
					ROUND, status);
			rows.append(rows.isEmpty() ? "" : ", ").append(String.format("%s %.1f", table, (double) n / reportCount));
		}
		return rows.toString();
	}

	/**
	 * {@code n} of the keys, evenly spread; more than there are: the keys taken in turn.
	 */
	private static List<String> every(List<String> keys, int n) {
		int step = Math.max(1, keys.size() / n);
		return java.util.stream.IntStream.range(0, n).mapToObj(i -> keys.get(i * step % keys.size())).toList();
	}

	private long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	/** An SQL list of engine ids (made by the engine: letters, digits and dashes). */
	private static String in(List<String> ids) {
		ids.forEach(id -> assertThat(id).matches("[A-Za-z0-9-]+"));
		return ids.stream().map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(",", "(", ")"));
	}

	/**
	 * {@code -Draingan.benchmark.paddingGrants=N}: N more task grants in the engine's
	 * authorization table, as open reports elsewhere in the nation leave them (one per
	 * open task, for its district's group; 878 districts), so that a run of a smaller
	 * size meets the national table. The grants name tasks that do not exist: they grant
	 * nothing.
	 */
	private void padAuthorizations() {
		int padding = Integer.getInteger("raingan.benchmark.paddingGrants", 0);
		if (padding == 0) {
			return;
		}
		List<Object[]> grants = new ArrayList<>();
		for (int i = 0; i < padding; i++) {
			grants.add(new Object[] { "pad-" + i, "district-pad" + (i % 878), "pad-task-" + i });
		}
		// type 1 = grant, resource type 7 = task, permissions: TASK_WORK's bits as the
		// engine's default provider gives
		jdbc.batchUpdate("""
				insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
				values (?, 1, 1, ?, 7, ?, 16386)""", grants);
		jdbc.execute("analyze act_ru_authorization");
		print("authorization table padded: %d grants as other districts' open reports leave them; %d rows", padding,
				count("select count(*) from act_ru_authorization"));
	}

	/**
	 * The job executor's part: an instance's asynchronous continuations (the offices' and
	 * reports' starts, and what follows an ended report or office).
	 */
	private void runContinuations(String processInstanceId) {
		management.createJobQuery()
			.processInstanceId(processInstanceId)
			.messages()
			.list()
			.forEach(job -> management.executeJob(job.getId()));
	}

	/** The province's manager submits a process's start form, as in Tasklist. */
	private String startAsManager(String province, String processKey, Map<String, Object> form) {
		as("manager" + province, "province-" + province + "-manager");
		try {
			String definition = repository.createProcessDefinitionQuery()
				.processDefinitionKey(processKey)
				.latestVersion()
				.singleResult()
				.getId();
			return forms.submitStartForm(definition, form).getId();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * The officer completes the draft; the province reviews; a returned one comes back
	 * once.
	 */
	private void lifecycle(String businessKey, boolean returnOnce) {
		String office = businessKey.substring(businessKey.lastIndexOf('/') + 1);
		Map<String, Object> report = jdbc.queryForMap(
				"select province_code, process_instance_id from raingan.report where business_key = ?", businessKey);
		String province = (String) report.get("province_code");
		String instance = (String) report.get("process_instance_id");
		Map<String, Object> draft = ReportDrafts.valid();
		draft.put(START_DATE, "05/01/" + FISCAL_YEAR);
		draft.put(END_DATE, "06/01/" + FISCAL_YEAR);
		completeAs(instance, "officer" + office, "district-" + office, draft);
		if (returnOnce) {
			completeAs(instance, "review" + province, "province-" + province + "-review",
					Map.of(REVIEW_DECISION, DECISION_RETURN, RETURN_REASON, "กรุณาแนบรูปกิจกรรมเพิ่ม"));
			completeAs(instance, "officer" + office, "district-" + office, draft);
		}
		completeAs(instance, "review" + province, "province-" + province + "-review",
				Map.of(REVIEW_DECISION, DECISION_APPROVE));
	}

	private void floorLifecycles(List<String> reportKeys) {
		try {
			parallel(reportKeys, key -> floorLifecycle(key.substring(key.lastIndexOf('/') + 1), jdbc
				.queryForObject("select province_code from raingan.report where business_key = ?", String.class, key)));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The floor's lifecycle, as the same users: started (as the round's job starts a
	 * report), A by the officer, B by the reviewer.
	 */
	private void floorLifecycle(String office, String province) {
		Map<String, Object> start = new HashMap<>(FLOOR_VARIABLES.start());
		start.put("officeGroup", "district-" + office);
		start.put("reviewGroup", "province-" + province + "-review");
		String instance = runtime.startProcessInstanceById(floorDefinition, start).getId();
		// the floor's tasks have no form, so a signed-in user's completion may carry no
		// variable (engine.FormGuard): its draft variables are written as the engine
		// just before, the way a form's fields would land
		if (FLOOR_VARIABLES.count() > 0) {
			runtime.setVariables(instance, FLOOR_VARIABLES.draft());
		}
		completeAs(instance, "officer" + office, "district-" + office, Map.of());
		completeAs(instance, "review" + province, "province-" + province + "-review", Map.of());
	}

	private void closeRound(String processInstanceId) {
		for (Task task : tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(KpiRoundCloseProcess.TASK_ENTER_KPIS)
			.list()) {
			// the form's rows as Tasklist sends them (its fields only): the server's own
			// list, in its order, each indicator's first input filled in
			java.util.Set<Object> filled = new java.util.HashSet<>();
			List<Map<String, Object>> rows = new ArrayList<>();
			for (Map<String, Object> listed : th.raingan.report.JsonRows
				.of(tasks.getVariable(task.getId(), KpiRoundCloseProcess.ENTRIES), "ผลตัวชี้วัด", "ตัวชี้วัด")) {
				boolean first = filled.add(listed.get("indicatorId"));
				rows.add(Map.of("value", first ? "3" : "", "evidence",
						first ? "หนังสือรายงานผลการดำเนินงานเลขที่ 123" : ""));
			}
			completeAsCandidate(task, Map.of(KpiRoundCloseProcess.ENTRIES, rows));
		}
		for (Task task : tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(KpiRoundCloseProcess.TASK_VERIFY_KPIS)
			.list()) {
			completeAsCandidate(task, Map.of(KpiRoundCloseProcess.VERIFY_DECISION, "verify"));
		}
		Task signOff = tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(KpiRoundCloseProcess.TASK_MANAGER_SIGN_OFF)
			.singleResult();
		completeAsCandidate(signOff, Map.of(KpiRoundCloseProcess.SIGN_OFF_CONFIRM, true));
		// the districts are told the results, each in a job of its own (the job
		// executor's part)
		runContinuations(processInstanceId);
	}

	/**
	 * The task completed by a user of its candidate group (district-X: officerX,
	 * province-P-review: reviewP, province-P-manager: managerP), as the decisions are
	 * checked against the signed-in user's groups.
	 */
	private void completeAsCandidate(Task task, Map<String, Object> values) {
		String group = tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no candidate group: " + task.getTaskDefinitionKey()));
		String[] parts = group.split("-");
		String user = group.startsWith("district-") ? "officer" + parts[1]
				: ("review".equals(parts[2]) ? "review" : "manager") + parts[1];
		// the decision delegates read the directory's groups, not the session's: the user
		// is made a member once (the benchmark's officers are not demo accounts)
		if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
			if (identity.createUserQuery().userId(user).count() == 0) {
				org.camunda.bpm.engine.identity.User account = identity.newUser(user);
				account.setPassword(user);
				th.raingan.engine.PolicyExempt.saveDemoUser(identity, account);
			}
			identity.createMembership(user, group);
		}
		identity.setAuthentication(user, List.of(group));
		try {
			tasks.complete(task.getId(), values);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * A user opens the report's task (Tasklist opens it by id, from the list or a mail's
	 * link) and completes it.
	 */
	private void completeAs(String processInstanceId, String user, String group, Map<String, Object> values) {
		identity.setAuthentication(user, List.of(group));
		try {
			Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
			tasks.complete(task.getId(), values);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * The organisation of the round: the project's real provinces and districts first (4
	 * provinces, 64 districts), synthetic ones beyond (provinces 9000 and up; districts
	 * numbered within their province), 40 assignments of fiscal year
	 * {@value #FISCAL_YEAR} per district. Returns the provinces.
	 */
	private List<String> organisation(int provinces, int districts) throws Exception {
		List<String> codes = new ArrayList<>(jdbc
			.queryForList("select code from raingan.org_unit where level = 'province' order by code", String.class));
		codes = new ArrayList<>(codes.subList(0, Math.min(provinces, codes.size())));
		int realDistricts = 0;
		for (String province : codes) {
			realDistricts += jdbc.queryForObject(
					"select count(*) from raingan.org_unit where level = 'district' and parent_code = ?", Integer.class,
					province);
		}
		List<Object[]> units = new ArrayList<>();
		List<String> synthetic = new ArrayList<>();
		for (int p = codes.size(); p < provinces; p++) {
			String province = String.valueOf(9000 + p);
			synthetic.add(province);
			units.add(new Object[] { province, "province", "00", "สำนักงานพัฒนาชุมชนจังหวัดทดสอบ " + p,
					"Province " + p });
		}
		// the districts beyond the real ones: in the synthetic provinces, or in the real
		// ones if there are none
		List<String> hosts = synthetic.isEmpty() ? codes : synthetic;
		for (int d = 0; d < districts - realDistricts; d++) {
			String province = hosts.get(d % hosts.size());
			String code = synthetic.isEmpty() ? province + String.format("9%02d", d / hosts.size())
					: province + String.format("%03d", d);
			units
				.add(new Object[] { code, "district", province, "สำนักงานพัฒนาชุมชนอำเภอทดสอบ " + d, "District " + d });
		}
		jdbc.batchUpdate(
				"insert into raingan.org_unit (code, level, parent_code, name_th, name_en) values (?, ?, ?, ?, ?)",
				units);
		codes.addAll(synthetic);
		access.ensure(orgUnits.all());
		List<Object[]> projects = new ArrayList<>();
		for (String province : codes) {
			// the manager is whoever is in the province's manager group
			if (identity.createUserQuery().userId("manager" + province).count() == 0) {
				// a real account (the password as the demo accounts have it), for the
				// load
				// test
				org.camunda.bpm.engine.identity.User manager = identity.newUser("manager" + province);
				manager.setPassword("manager" + province);
				th.raingan.engine.PolicyExempt.saveDemoUser(identity, manager);
			}
			if (identity.createUserQuery()
				.userId("manager" + province)
				.memberOfGroup(Groups.provinceManager(province))
				.count() == 0) {
				identity.createMembership("manager" + province, Groups.provinceManager(province));
			}
			for (int i = 1; i <= PER_DISTRICT; i++) {
				projects.add(new Object[] { FISCAL_YEAR, province, String.format("801-112-S0575-2032-%02d", i),
						"กิจกรรมทดสอบ " + i, "B1", i % 4 == 0 ? "days_after_activity:15" : "" });
			}
		}
		jdbc.batchUpdate(
				"""
						insert into raingan.project (fiscal_year_be, province_code, budget_code, name_th, budget_source, deadline_rule)
						values (?, ?, ?, ?, ?, ?)""",
				projects);
		jdbc.update(
				"""
						insert into raingan.assignment (project_id, office_code, target, allocation_baht, plan_baht)
						select p.id, u.code, 10, 3000, 3000 from raingan.project p join raingan.org_unit u on u.parent_code = p.province_code
						where p.fiscal_year_be = ? and u.level = 'district'""",
				FISCAL_YEAR);
		return codes;
	}

	private <T> void parallel(List<T> items, java.util.function.Consumer<T> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> futures = new ArrayList<>();
			int slice = (items.size() + THREADS - 1) / THREADS;
			for (int t = 0; t < THREADS; t++) {
				List<T> mine = items.subList(Math.min(items.size(), t * slice),
						Math.min(items.size(), (t + 1) * slice));
				Date now = ClockUtil.getCurrentTime();
				futures.add(pool.submit(() -> {
					ClockUtil.setCurrentTime(now);
					mine.forEach(work);
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private void as(String user, String group) {
		identity.setAuthentication(user, List.of(group));
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static long peakHeapMb() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak / 1024 / 1024;
	}

	private static void print(String format, Object... args) {
		System.out.printf("[benchmark] " + format + "%n", args);
	}

}
