package th.raingan.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import th.raingan.engine.AsEngine;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.round.ReportingRoundProcess;
import th.raingan.round.RoundService;
import th.raingan.thai.Clock;
import th.raingan.thai.FiscalYear;

/**
 * What a province manager watches: per district the reports assigned, submitted (awaiting
 * review), approved, returned, overdue and not yet held (apart from the late ones), the
 * on-time rate over the reports due so far and the round's KPI score; the overdue reports
 * themselves, and the activities not yet held with their reasons. Two grouped queries
 * over the project's tables, whatever the number of reports.
 */
@Service
public class DashboardService {

	/**
	 * One district's row. {@code notHeld}: activities reported as not yet held and not
	 * yet due on their new date (not late); {@code dueSoFar}: the reports due by today or
	 * already submitted, over which the on-time rate is taken (a report not yet due is
	 * not late); {@code notYetDue}: the reports still with the district (draft or
	 * returned) whose due date has not passed; {@code draft}: the reports never sent yet,
	 * due or not.
	 */
	public record DistrictRow(String officeCode, String officeName, int assigned, int submitted, int approved,
			int returned, int overdue, int notHeld, int dueSoFar, BigDecimal onTimeRate, BigDecimal kpiScore,
			BigDecimal kpiPercent, int notYetDue, int draft, int onTime) {

	}

	/**
	 * An activity the district reported as not yet held: its reason and the date it is
	 * now planned for.
	 */
	public record NotHeldRow(String officeCode, String officeName, String businessKey, String budgetCode,
			String projectName, String reason, LocalDate plannedDate, LocalDate dueDate, String processInstanceId) {

	}

	/** A report past its due date and not submitted. */
	public record OverdueRow(String officeCode, String officeName, String businessKey, String budgetCode,
			String projectName, LocalDate dueDate, long daysOverdue, String processInstanceId) {

	}

	/**
	 * The round as the manager opened it: its reporting deadline (null when the round was
	 * not opened with Raingan's reporting-round, e.g. imported data), days left until it
	 * (negative once passed), and the end of the evaluation half-year.
	 */
	public record RoundInfo(String roundKey, LocalDate deadline, Long daysLeft, LocalDate roundEnd) {

	}

	/** One report behind a count: what it is, where it stands, when it is due. */
	public record ReportRow(String officeCode, String officeName, String businessKey, String budgetCode,
			String projectName, String status, String statusTh, LocalDate dueDate, boolean late,
			String processInstanceId) {

		/**
		 * Past its due date and not sent: the escalation has opened its instance to the
		 * province in Cockpit.
		 */
		public boolean overdue() {
			return dueDate != null && dueDate.isBefore(Clock.today())
					&& java.util.Set.of("draft", "returned", "not_held").contains(status);
		}

	}

	/**
	 * The counts a district row shows, each opening its list of reports: the category and
	 * its condition.
	 */
	public enum Category {

		ASSIGNED("assigned", "ได้รับมอบหมาย", "r.status <> 'withdrawn'"),
		NOT_YET_DUE("notYetDue", "ยังไม่ถึงกำหนดส่ง", "r.status in ('draft', 'returned') and not r.due_date < :today"),
		DRAFT("draft", "ร่าง (ยังไม่ได้ส่ง)", "r.status = 'draft'"),
		SUBMITTED("submitted", "ส่งแล้ว (รอตรวจ)", "r.status = 'submitted'"),
		RETURNED("returned", "ส่งกลับแก้ไข", "r.status = 'returned'"),
		APPROVED("approved", "อนุมัติ", "r.status = 'approved'"),
		OVERDUE("overdue", "เลยกำหนด", "r.status in ('draft', 'returned', 'not_held') and r.due_date < :today"),
		NOT_HELD("notHeld", "ยังไม่ได้ดำเนินการ", "r.status = 'not_held' and not r.due_date < :today");

		public final String id;

		public final String nameTh;

		final String condition;

		Category(String id, String nameTh, String condition) {
			this.id = id;
			this.nameTh = nameTh;
			this.condition = condition;
		}

		public static java.util.Optional<Category> of(String id) {
			return java.util.Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
		}

	}

	static final Map<String, String> STATUS_TH = Map.of("draft", "ร่าง", "submitted", "ส่งแล้ว", "returned",
			"ส่งกลับแก้ไข", "approved", "อนุมัติ", "not_submitted", "ไม่ได้ส่ง", "not_held", "ยังไม่ได้ดำเนินการ",
			"withdrawn", "ยกเลิกการมอบหมาย");

	private final JdbcTemplate jdbc;

	private final OrgUnits orgUnits;

	private final HistoryService history;

	private final IdentityService identity;

	DashboardService(JdbcTemplate jdbc, OrgUnits orgUnits, HistoryService history, IdentityService identity) {
		this.jdbc = jdbc;
		this.orgUnits = orgUnits;
		this.history = history;
		this.identity = identity;
	}

	/**
	 * Reads the rounds' instances as the application: the caller's province was checked
	 * by {@link DashboardAccess}, and a manager has no right to read process history in
	 * general (the engine would filter the rounds away).
	 */
	private <T> T asApplication(java.util.function.Supplier<T> query) {
		return AsEngine.call(identity, query);
	}

	/**
	 * The round's reporting deadline, read from the {@code reporting-round} instance the
	 * manager started.
	 */
	public RoundInfo round(int fiscalYearBe, int roundNo, String provinceCode) {
		String roundKey = RoundService.roundKey(fiscalYearBe, roundNo, provinceCode);
		LocalDate roundEnd = FiscalYear.of(fiscalYearBe).roundEnd(roundNo);
		return asApplication(() -> round(roundKey, roundEnd));
	}

	private RoundInfo round(String roundKey, LocalDate roundEnd) {
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ReportingRoundProcess.KEY)
			.processInstanceBusinessKey(roundKey)
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null);
		if (instance == null) {
			return new RoundInfo(roundKey, null, null, roundEnd);
		}
		HistoricVariableInstance deadline = history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName(ReportingRoundProcess.ROUND_DEADLINE)
			.singleResult();
		if (deadline == null || !(deadline.getValue() instanceof java.util.Date date)) {
			return new RoundInfo(roundKey, null, null, roundEnd);
		}
		LocalDate day = Clock.day(date);
		return new RoundInfo(roundKey, day, ChronoUnit.DAYS.between(Clock.today(), day), roundEnd);
	}

	/**
	 * The round a manager most likely means: of the rounds the province opened, the
	 * latest one not yet over, else the latest one; none opened: the half-year we are in.
	 * {@code [fiscal year BE, round]}.
	 */
	public int[] currentRound(String provinceCode) {
		LocalDate today = Clock.today();
		int[] latest = null;
		int[] open = null;
		for (HistoricProcessInstance round : asApplication(() -> history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ReportingRoundProcess.KEY)
			.processInstanceBusinessKeyLike("%/" + provinceCode)
			.list())) {
			java.util.regex.Matcher key = java.util.regex.Pattern.compile("(\\d{4})-([12])/" + provinceCode)
				.matcher(round.getBusinessKey() == null ? "" : round.getBusinessKey());
			if (!key.matches()) {
				continue;
			}
			int[] candidate = { Integer.parseInt(key.group(1)), Integer.parseInt(key.group(2)) };
			if (latest == null || later(candidate, latest)) {
				latest = candidate;
			}
			if (!today.isAfter(FiscalYear.of(candidate[0]).roundEnd(candidate[1]))
					&& (open == null || later(candidate, open))) {
				open = candidate;
			}
		}
		if (open != null) {
			return open;
		}
		if (latest != null) {
			return latest;
		}
		FiscalYear year = FiscalYear.containing(today);
		return new int[] { year.yearBe(), today.isAfter(year.roundEnd(1)) ? 2 : 1 };
	}

	private static boolean later(int[] a, int[] b) {
		return a[0] > b[0] || a[0] == b[0] && a[1] > b[1];
	}

	/**
	 * The reports behind one count of the page, of one district or of the whole province.
	 */
	public List<ReportRow> reports(String roundKey, String provinceCode, String officeCode, Category category) {
		Map<String, String> names = names(provinceCode);
		List<Object> args = new ArrayList<>();
		String condition = category.condition.replace(":today", "?");
		if (condition.contains("?")) {
			args.add(Date.valueOf(Clock.today()));
		}
		args.add(roundKey);
		String office = "";
		if (officeCode != null && !officeCode.isBlank()) {
			office = " and r.office_code = ?";
			args.add(officeCode);
		}
		return jdbc.query("""
				select r.office_code, r.business_key, p.budget_code, p.name_th, r.status, r.due_date, r.late,
				       r.process_instance_id
				from raingan.report r
				join raingan.assignment a on a.id = r.assignment_id
				join raingan.project p on p.id = a.project_id
				where %s and r.round_key = ?%s
				order by r.office_code, r.due_date, p.budget_code, r.business_key""".formatted(condition, office),
				(rs, i) -> new ReportRow(rs.getString("office_code"),
						names.getOrDefault(rs.getString("office_code"), ""), rs.getString("business_key"),
						rs.getString("budget_code"), rs.getString("name_th"), rs.getString("status"),
						STATUS_TH.getOrDefault(rs.getString("status"), rs.getString("status")),
						rs.getDate("due_date") == null ? null : rs.getDate("due_date").toLocalDate(),
						rs.getBoolean("late"), rs.getString("process_instance_id")),
				args.toArray());
	}

	public List<DistrictRow> districts(String roundKey, String provinceCode) {
		LocalDate today = Clock.today();
		Map<String, DistrictRow> rows = new LinkedHashMap<>();
		Map<String, String> names = names(provinceCode);
		jdbc.query(
				"""
						select r.office_code,
						       count(*) assigned,
						       count(case when r.status = 'submitted' then 1 end) submitted,
						       count(case when r.status = 'approved' then 1 end) approved,
						       count(case when r.status = 'returned' then 1 end) returned,
						       count(case when r.status = 'draft' then 1 end) draft,
						       count(case when r.status in ('draft', 'returned') and not r.due_date < ? then 1 end) not_yet_due,
						       count(case when r.status in ('draft', 'returned', 'not_held') and r.due_date < ? then 1 end) overdue,
						       count(case when r.status = 'not_held' and not r.due_date < ? then 1 end) not_held,
						       count(case when r.status in ('submitted', 'returned', 'approved') or r.due_date < ? then 1 end) due_so_far,
						       count(case when r.status in ('submitted', 'returned', 'approved') and not r.late then 1 end) on_time,
						       max(s.score) score, max(s.percent) percent
						from raingan.report r
						left join raingan.kpi_snapshot s on s.round_key = r.round_key and s.office_code = r.office_code
						  and s.version = (select max(v.version) from raingan.kpi_snapshot v where v.round_key = r.round_key)
						where r.round_key = ? and r.status <> 'withdrawn'
						group by r.office_code
						order by r.office_code""",
				rs -> {
					int assigned = rs.getInt("assigned");
					int dueSoFar = rs.getInt("due_so_far");
					rows.put(rs.getString("office_code"),
							new DistrictRow(rs.getString("office_code"),
									names.getOrDefault(rs.getString("office_code"), ""), assigned,
									rs.getInt("submitted"), rs.getInt("approved"), rs.getInt("returned"),
									rs.getInt("overdue"), rs.getInt("not_held"), dueSoFar,
									// nothing due yet: no rate ("-"), rather than a rate
									// of 0
									dueSoFar == 0 ? null
											: BigDecimal.valueOf(rs.getInt("on_time") * 100L)
												.divide(BigDecimal.valueOf(dueSoFar), 2, RoundingMode.HALF_UP),
									rs.getBigDecimal("score"), rs.getBigDecimal("percent"), rs.getInt("not_yet_due"),
									rs.getInt("draft"), rs.getInt("on_time")));
				}, Date.valueOf(today), Date.valueOf(today), Date.valueOf(today), Date.valueOf(today), roundKey);
		return new ArrayList<>(rows.values());
	}

	public List<OverdueRow> overdue(String roundKey, String provinceCode) {
		LocalDate today = Clock.today();
		Map<String, String> names = names(provinceCode);
		return jdbc.query("""
				select r.office_code, r.business_key, p.budget_code, p.name_th, r.due_date, r.process_instance_id
				from raingan.report r
				join raingan.assignment a on a.id = r.assignment_id
				join raingan.project p on p.id = a.project_id
				where r.round_key = ? and r.status in ('draft', 'returned', 'not_held') and r.due_date < ?
				order by r.due_date, r.office_code, p.budget_code, r.business_key""", (rs, i) -> {
			LocalDate due = rs.getDate("due_date").toLocalDate();
			return new OverdueRow(rs.getString("office_code"), names.getOrDefault(rs.getString("office_code"), ""),
					rs.getString("business_key"), rs.getString("budget_code"), rs.getString("name_th"), due,
					ChronoUnit.DAYS.between(due, today), rs.getString("process_instance_id"));
		}, roundKey, Date.valueOf(today));
	}

	/**
	 * The activities reported as not yet held, with the reason and the planned date, the
	 * soonest first.
	 */
	public List<NotHeldRow> notHeld(String roundKey, String provinceCode) {
		Map<String, String> names = names(provinceCode);
		return jdbc.query("""
				select r.office_code, r.business_key, p.budget_code, p.name_th, r.not_held_reason, r.planned_date,
				       r.due_date, r.process_instance_id
				from raingan.report r
				join raingan.assignment a on a.id = r.assignment_id
				join raingan.project p on p.id = a.project_id
				where r.round_key = ? and r.status = 'not_held'
				order by r.planned_date, r.office_code, p.budget_code, r.business_key""",
				(rs, i) -> new NotHeldRow(rs.getString("office_code"),
						names.getOrDefault(rs.getString("office_code"), ""), rs.getString("business_key"),
						rs.getString("budget_code"), rs.getString("name_th"), rs.getString("not_held_reason"),
						rs.getDate("planned_date") == null ? null : rs.getDate("planned_date").toLocalDate(),
						rs.getDate("due_date") == null ? null : rs.getDate("due_date").toLocalDate(),
						rs.getString("process_instance_id")),
				roundKey);
	}

	/**
	 * One province's row of the national page: the same counts as a district's, the
	 * on-time rate over the reports due so far, the districts' mean KPI score of the
	 * round's latest snapshot, and the B1+B2 budget.
	 */
	public record ProvinceRow(String provinceCode, String provinceName, int assigned, int notYetDue, int draft,
			int submitted, int returned, int approved, int overdue, int notHeld, int dueSoFar, int onTime,
			BigDecimal onTimeRate, BigDecimal kpiScore, BigDecimal allocation, BigDecimal result, BigDecimal percent) {

	}

	/**
	 * Every province with reports or budget in the round: three grouped queries, whatever
	 * the number of reports.
	 */
	public List<ProvinceRow> provinces(int fiscalYearBe, int roundNo) {
		LocalDate today = Clock.today();
		Map<String, String> keys = new LinkedHashMap<>();
		for (OrgUnit unit : orgUnits.all()) {
			if (unit.isProvince()) {
				keys.put(RoundService.roundKey(fiscalYearBe, roundNo, unit.code()), unit.code());
			}
		}
		if (keys.isEmpty()) {
			return List.of();
		}
		String in = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
		Map<String, int[]> counts = new LinkedHashMap<>();
		List<Object> args = new ArrayList<>(
				List.of(Date.valueOf(today), Date.valueOf(today), Date.valueOf(today), Date.valueOf(today)));
		args.addAll(keys.keySet());
		jdbc.query(
				"""
						select r.province_code,
						       count(*) assigned,
						       count(case when r.status in ('draft', 'returned') and not r.due_date < ? then 1 end) not_yet_due,
						       count(case when r.status = 'draft' then 1 end) draft,
						       count(case when r.status = 'submitted' then 1 end) submitted,
						       count(case when r.status = 'returned' then 1 end) returned,
						       count(case when r.status = 'approved' then 1 end) approved,
						       count(case when r.status in ('draft', 'returned', 'not_held') and r.due_date < ? then 1 end) overdue,
						       count(case when r.status = 'not_held' and not r.due_date < ? then 1 end) not_held,
						       count(case when r.status in ('submitted', 'returned', 'approved') or r.due_date < ? then 1 end) due_so_far,
						       count(case when r.status in ('submitted', 'returned', 'approved') and not r.late then 1 end) on_time
						from raingan.report r
						where r.round_key in (%s) and r.status <> 'withdrawn'
						group by r.province_code"""
					.formatted(in),
				rs -> {
					counts.put(rs.getString("province_code"),
							new int[] { rs.getInt("assigned"), rs.getInt("not_yet_due"), rs.getInt("draft"),
									rs.getInt("submitted"), rs.getInt("returned"), rs.getInt("approved"),
									rs.getInt("overdue"), rs.getInt("not_held"), rs.getInt("due_so_far"),
									rs.getInt("on_time") });
				}, args.toArray());
		Map<String, BigDecimal> scores = new LinkedHashMap<>();
		jdbc.query("""
				select s.round_key, avg(s.score) score
				from raingan.kpi_snapshot s
				where s.round_key in (%s)
				  and s.version = (select max(v.version) from raingan.kpi_snapshot v where v.round_key = s.round_key)
				group by s.round_key""".formatted(in), rs -> {
			scores.put(keys.get(rs.getString("round_key")),
					rs.getBigDecimal("score").setScale(2, RoundingMode.HALF_UP));
		}, keys.keySet().toArray());
		Map<String, BigDecimal[]> budget = new LinkedHashMap<>();
		jdbc.query("""
				select p.province_code,
				       coalesce(sum(a.allocation_baht), 0) allocation,
				       coalesce(sum(spent.spent_baht), 0) result
				from raingan.assignment a
				join raingan.project p on p.id = a.project_id
				left join (
				  select v.assignment_id, v.spent_baht from raingan.report_version v
				  where v.status = 'approved' and v.submitted_at = (
				    select max(w.submitted_at) from raingan.report_version w
				    where w.assignment_id = v.assignment_id and w.status = 'approved')
				) spent on spent.assignment_id = a.id
				where p.fiscal_year_be = ? and p.budget_source in ('B1', 'B2') and a.withdrawn_at is null
				group by p.province_code""", rs -> {
			budget.put(rs.getString("province_code"),
					new BigDecimal[] { rs.getBigDecimal("allocation"), rs.getBigDecimal("result") });
		}, fiscalYearBe);
		List<ProvinceRow> rows = new ArrayList<>();
		for (String province : keys.values()) {
			int[] c = counts.get(province);
			BigDecimal[] money = budget.get(province);
			if (c == null && money == null) {
				continue;
			}
			if (c == null) {
				c = new int[10];
			}
			BigDecimal allocation = money == null ? BigDecimal.ZERO : money[0];
			BigDecimal result = money == null ? BigDecimal.ZERO : money[1];
			rows.add(new ProvinceRow(province, orgUnits.find(province).map(OrgUnit::nameTh).orElse(province), c[0],
					c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9],
					c[8] == 0 ? null
							: BigDecimal.valueOf(c[9] * 100L).divide(BigDecimal.valueOf(c[8]), 2, RoundingMode.HALF_UP),
					scores.get(province), allocation, result, allocation.signum() == 0 ? BigDecimal.ZERO.setScale(2)
							: result.multiply(BigDecimal.valueOf(100)).divide(allocation, 2, RoundingMode.HALF_UP)));
		}
		return rows;
	}

	/**
	 * The on-time rate over several rows: on time over due so far, null when nothing is
	 * due yet.
	 */
	public BigDecimal onTimeRateOf(List<DistrictRow> rows) {
		long due = rows.stream().mapToLong(DistrictRow::dueSoFar).sum();
		long onTime = rows.stream().mapToLong(DistrictRow::onTime).sum();
		return due == 0 ? null
				: BigDecimal.valueOf(onTime * 100).divide(BigDecimal.valueOf(due), 2, RoundingMode.HALF_UP);
	}

	private Map<String, String> names(String provinceCode) {
		Map<String, String> names = new LinkedHashMap<>();
		orgUnits.find(provinceCode).ifPresent(p -> names.put(p.code(), p.nameTh()));
		for (OrgUnit district : orgUnits.districtsOf(provinceCode)) {
			names.put(district.code(), district.nameTh());
		}
		return names;
	}

}
