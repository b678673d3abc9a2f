package th.raingan.myreports;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import th.raingan.org.People;

/**
 * An office's reports of every round as the project's tables hold them
 * ({@code raingan.report}, its project and assignment, every submitted version with its
 * area rows and files). Who may ask is decided by {@link OfficeScope} before any of this
 * is read.
 */
@Repository
class MyReports {

	/**
	 * One report of the office: where it stands and each version it submitted, newest
	 * first.
	 */
	record Report(String businessKey, String roundKey, int fiscalYear, int roundNo, String officeCode,
			String budgetCode, String projectName, String budgetSource, String status, String statusTh, String dueDate,
			String dueDateTh, boolean late, String processInstanceId, List<Version> versions) {

	}

	/** A submitted version as the office sent it and the province decided it. */
	record Version(long id, String businessKey, int revision, String status, String statusTh, String submittedAtTh,
			String submittedBy, String submittedByName, boolean onTime, String officerName, String officerPhone,
			String startDateTh, String endDateTh, String output, String successPoints, BigDecimal targetValue,
			BigDecimal resultValue, BigDecimal progressPercent, BigDecimal spentBaht, Integer respondents,
			BigDecimal knowledgePercent, BigDecimal usePercent, BigDecimal satisfactionPercent, String decidedBy,
			String decidedByName, String decidedAtTh, String returnReason, List<Area> areas, List<File> files) {

	}

	record Area(int seq, String place, String targetGroup, int people, String outcome, BigDecimal expenseBaht) {

	}

	record File(long id, String name, String mediaType, int sizeBytes, boolean photo) {

	}

	record SubmittedFile(File file, String businessKey) {

	}

	/**
	 * What a printout says about the report around its version: project, office, round,
	 * allocation.
	 */
	record Heading(String businessKey, String roundKey, int fiscalYear, int roundNo, String officeCode,
			String officeName, String provinceName, String budgetCode, String projectName, String budgetSource,
			String budgetSourceName, String unit, BigDecimal officeTarget, BigDecimal allocationBaht,
			boolean evaluationRequired, String dueDateTh) {

	}

	/** The filters: a fiscal year (พ.ศ.), a round (1, 2), a status; null for all. */
	record Filter(Integer fiscalYear, Integer roundNo, String status) {

	}

	private static final String REPORT_COLUMNS = """
			select r.business_key, r.round_key, r.office_code, r.status, r.due_date, r.late, r.process_instance_id,
			       p.fiscal_year_be, p.budget_code, p.name_th project_name, p.budget_source
			from raingan.report r
			join raingan.assignment a on a.id = r.assignment_id
			join raingan.project p on p.id = a.project_id
			""";

	private final JdbcTemplate jdbc;

	private final People people;

	MyReports(JdbcTemplate jdbc, People people) {
		this.jdbc = jdbc;
		this.people = people;
	}

	/** The office's reports, newest round first, each with its versions. */
	List<Report> ofOffice(String officeCode, Filter filter) {
		StringBuilder sql = new StringBuilder(REPORT_COLUMNS).append(" where r.office_code = ?");
		List<Object> args = new ArrayList<>(List.of(officeCode));
		if (filter.fiscalYear() != null) {
			sql.append(" and p.fiscal_year_be = ?");
			args.add(filter.fiscalYear());
		}
		if (filter.roundNo() != null) {
			sql.append(" and r.round_key like ?");
			args.add((filter.fiscalYear() == null ? "%" : filter.fiscalYear().toString()) + "-" + filter.roundNo()
					+ "/%");
		}
		if (filter.status() != null) {
			sql.append(" and r.status = ?");
			args.add(filter.status());
		}
		sql.append(" order by r.round_key desc, r.due_date, p.budget_code, r.business_key");
		List<Report> reports = jdbc.query(sql.toString(), (rs, i) -> report(rs, new ArrayList<>()), args.toArray());
		Map<String, List<Version>> versions = versionsOf(reports);
		return reports.stream().map(r -> withVersions(r, versions.getOrDefault(r.businessKey(), List.of()))).toList();
	}

	/**
	 * The fiscal years and rounds the office has reports in, for the filters: "2570-1"
	 * ... newest first.
	 */
	List<String> roundsOf(String officeCode) {
		return jdbc
			.queryForList("select distinct round_key from raingan.report where office_code = ?", String.class,
					officeCode)
			.stream()
			.map(k -> k.contains("/") ? k.substring(0, k.indexOf('/')) : k)
			.distinct()
			.sorted(java.util.Comparator.reverseOrder())
			.toList();
	}

	/** The office a report belongs to, by its business key. */
	Optional<String> officeOf(String businessKey) {
		return jdbc
			.queryForList("select office_code from raingan.report where business_key = ?", String.class, businessKey)
			.stream()
			.findFirst();
	}

	Optional<Version> version(long id) {
		List<Version> found = jdbc.query("select * from raingan.report_version where id = ?", (rs, i) -> version(rs),
				id);
		return found.stream().findFirst().map(v -> complete(List.of(v)).get(0));
	}

	List<Version> versionsOf(String businessKey) {
		return complete(jdbc.query("select * from raingan.report_version where business_key = ? order by revision desc",
				(rs, i) -> version(rs), businessKey));
	}

	Optional<Heading> heading(String businessKey) {
		return jdbc
			.query("""
					select r.business_key, r.round_key, r.office_code, r.due_date, o.name_th office_name,
					       pr.name_th province_name, p.fiscal_year_be, p.budget_code, p.name_th project_name, p.budget_source,
					       p.unit_th, p.evaluation_required, a.target, a.allocation_baht
					from raingan.report r
					join raingan.assignment a on a.id = r.assignment_id
					join raingan.project p on p.id = a.project_id
					join raingan.org_unit o on o.code = r.office_code
					join raingan.org_unit pr on pr.code = r.province_code
					where r.business_key = ?""",
					(rs, i) -> new Heading(rs.getString("business_key"), rs.getString("round_key"),
							rs.getInt("fiscal_year_be"), roundNo(rs.getString("round_key")),
							rs.getString("office_code"), rs.getString("office_name"), rs.getString("province_name"),
							rs.getString("budget_code"), rs.getString("project_name"), rs.getString("budget_source"),
							null, rs.getString("unit_th"), rs.getBigDecimal("target"),
							rs.getBigDecimal("allocation_baht"), rs.getBoolean("evaluation_required"),
							ThaiTime.date(rs.getObject("due_date", LocalDate.class))),
					businessKey)
			.stream()
			.findFirst();
	}

	/**
	 * A file of a submitted version and the report it belongs to; empty for a file not
	 * (yet) submitted.
	 */
	Optional<SubmittedFile> submittedFile(long id) {
		return jdbc
			.query("""
					select id, business_key, file_name, media_type, size_bytes from raingan.attachment
					where id = ? and report_version_id is not null""",
					(rs, i) -> new SubmittedFile(file(rs), rs.getString("business_key")), id)
			.stream()
			.findFirst();
	}

	byte[] content(long fileId) {
		return jdbc.queryForObject("select content from raingan.attachment where id = ?", byte[].class, fileId);
	}

	/** The versions of the listed reports, by report (one query per 500 reports). */
	private Map<String, List<Version>> versionsOf(List<Report> reports) {
		List<String> keys = reports.stream().map(Report::businessKey).toList();
		List<Version> all = new ArrayList<>();
		for (int from = 0; from < keys.size(); from += 500) {
			List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
			all.addAll(jdbc.query("select * from raingan.report_version where business_key in ("
					+ String.join(",", chunk.stream().map(x -> "?").toList())
					+ ") order by business_key, revision desc", (rs, i) -> version(rs), chunk.toArray()));
		}
		Map<String, List<Version>> byReport = new LinkedHashMap<>();
		complete(all).forEach(v -> byReport.computeIfAbsent(v.businessKey(), k -> new ArrayList<>()).add(v));
		return byReport;
	}

	/**
	 * The versions with their area rows and files (two queries for all of them) and
	 * people's names.
	 */
	private List<Version> complete(List<Version> versions) {
		if (versions.isEmpty()) {
			return versions;
		}
		Map<Long, List<Area>> areas = new LinkedHashMap<>();
		Map<Long, List<File>> files = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		List<Long> ids = versions.stream().map(Version::id).toList();
		for (int from = 0; from < ids.size(); from += 500) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			String in = String.join(",", chunk.stream().map(x -> "?").toList());
			jdbc.query("select * from raingan.report_area where report_version_id in (" + in + ") order by seq", rs -> {
				areas.computeIfAbsent(rs.getLong("report_version_id"), k -> new ArrayList<>())
					.add(new Area(rs.getInt("seq"), rs.getString("place_th"), rs.getString("target_group_th"),
							rs.getInt("people"), rs.getString("outcome_th"), rs.getBigDecimal("expense_baht")));
			}, chunk.toArray());
			jdbc.query("select id, report_version_id, file_name, media_type, size_bytes from raingan.attachment "
					+ "where report_version_id in (" + in + ") order by id", rs -> {
						files.computeIfAbsent(rs.getLong("report_version_id"), k -> new ArrayList<>()).add(file(rs));
					}, chunk.toArray());
		}
		return versions.stream()
			.map(v -> new Version(v.id(), v.businessKey(), v.revision(), v.status(), v.statusTh(), v.submittedAtTh(),
					v.submittedBy(), names.computeIfAbsent(v.submittedBy(), people::displayName), v.onTime(),
					v.officerName(), v.officerPhone(), v.startDateTh(), v.endDateTh(), v.output(), v.successPoints(),
					v.targetValue(), v.resultValue(), v.progressPercent(), v.spentBaht(), v.respondents(),
					v.knowledgePercent(), v.usePercent(), v.satisfactionPercent(), v.decidedBy(),
					v.decidedBy() == null ? null : names.computeIfAbsent(v.decidedBy(), people::displayName),
					v.decidedAtTh(), v.returnReason(), areas.getOrDefault(v.id(), List.of()),
					files.getOrDefault(v.id(), List.of())))
			.toList();
	}

	private static Report report(ResultSet rs, List<Version> versions) throws SQLException {
		LocalDate due = rs.getObject("due_date", LocalDate.class);
		String status = rs.getString("status");
		return new Report(rs.getString("business_key"), rs.getString("round_key"), rs.getInt("fiscal_year_be"),
				roundNo(rs.getString("round_key")), rs.getString("office_code"), rs.getString("budget_code"),
				rs.getString("project_name"), rs.getString("budget_source"), status, ReportStatuses.thai(status),
				due == null ? null : due.toString(), ThaiTime.date(due), rs.getBoolean("late"),
				rs.getString("process_instance_id"), versions);
	}

	private static Report withVersions(Report r, List<Version> versions) {
		return new Report(r.businessKey(), r.roundKey(), r.fiscalYear(), r.roundNo(), r.officeCode(), r.budgetCode(),
				r.projectName(), r.budgetSource(), r.status(), r.statusTh(), r.dueDate(), r.dueDateTh(), r.late(),
				r.processInstanceId(), versions);
	}

	private static Version version(ResultSet rs) throws SQLException {
		String status = rs.getString("status");
		Object respondents = rs.getObject("respondents");
		return new Version(rs.getLong("id"), rs.getString("business_key"), rs.getInt("revision"), status,
				ReportStatuses.thai(status), ThaiTime.dateTime(rs.getTimestamp("submitted_at")),
				rs.getString("submitted_by"), null, rs.getBoolean("on_time"), rs.getString("officer_name"),
				rs.getString("officer_phone"), ThaiTime.date(rs.getObject("start_date", LocalDate.class)),
				ThaiTime.date(rs.getObject("end_date", LocalDate.class)), rs.getString("output_th"),
				rs.getString("success_points"), rs.getBigDecimal("target_value"), rs.getBigDecimal("result_value"),
				rs.getBigDecimal("progress_percent"), rs.getBigDecimal("spent_baht"),
				respondents == null ? null : ((Number) respondents).intValue(), rs.getBigDecimal("knowledge_percent"),
				rs.getBigDecimal("use_percent"), rs.getBigDecimal("satisfaction_percent"), rs.getString("decided_by"),
				null, ThaiTime.dateTime(rs.getTimestamp("decided_at")), rs.getString("return_reason"), List.of(),
				List.of());
	}

	private static File file(ResultSet rs) throws SQLException {
		String type = rs.getString("media_type");
		return new File(rs.getLong("id"), rs.getString("file_name"), type, rs.getInt("size_bytes"),
				type != null && type.startsWith("image/"));
	}

	/** "2570-1/42" is round 1. */
	static int roundNo(String roundKey) {
		int dash = roundKey == null ? -1 : roundKey.indexOf('-');
		return dash < 0 || dash + 1 >= roundKey.length() ? 0 : Character.digit(roundKey.charAt(dash + 1), 10);
	}

}
