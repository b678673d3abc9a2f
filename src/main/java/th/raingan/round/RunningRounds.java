package th.raingan.round;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import th.raingan.project.Assignment;
import th.raingan.project.ReportSchedule;
import th.raingan.report.DistrictReportProcess;
import th.raingan.thai.Clock;
import th.raingan.thai.FiscalYear;

/**
 * An assignment the province adds (or assigns again) while a round its window belongs to
 * is open joins that round: its report starts in the running round as it would have, had
 * the assignment been there when the manager opened it (same inputs,
 * {@link DistrictReportInputs}; same due date, {@link ReportSchedule}).
 * <p>
 * By Camunda's process instance modification, the modelled way to add one instance to a
 * running parallel multi-instance ({@code startBeforeActivity} of the inner activity adds
 * an instance to the existing body and raises {@code nrOfInstances}):
 * <ul>
 * <li>the office already has its {@code district-round} in this round: one more
 * {@code CallActivity_Reports} instance, its {@code reportKey} set on it;</li>
 * <li>the office has none (it had nothing to report when the round opened, or all its
 * reports have ended): one more {@code CallActivity_DistrictReports} instance in the
 * province's {@code reporting-round}, for the office, after the new key was added to the
 * round's {@code reportKeys} so that the office's round lists it.</li>
 * </ul>
 * Both instances are asynchronous before, as at the round's opening: the report starts in
 * a job of its own. A round whose last day has passed, or that has ended, is not joined;
 * nor is a report already running or closed for the same key.
 */
@Component
public class RunningRounds {

	private static final Logger log = LoggerFactory.getLogger(RunningRounds.class);

	private final RuntimeService runtime;

	private final JdbcTemplate jdbc;

	RunningRounds(RuntimeService runtime, JdbcTemplate jdbc) {
		this.runtime = runtime;
		this.jdbc = jdbc;
	}

	/**
	 * Starts the assignment's reports in its open rounds; returns the report keys
	 * started.
	 */
	public List<String> join(Assignment assignment) {
		int year = assignment.project().fiscalYearBe();
		String province = assignment.project().provinceCode();
		List<String> started = new ArrayList<>();
		for (int roundNo : ReportSchedule.rounds(assignment)) {
			if (Clock.today().isAfter(FiscalYear.of(year).roundEnd(roundNo))) {
				continue;
			}
			String roundKey = RoundService.roundKey(year, roundNo, province);
			ProcessInstance round = runtime.createProcessInstanceQuery()
				.processDefinitionKey(ReportingRoundProcess.KEY)
				.processInstanceBusinessKey(roundKey)
				.active()
				.list()
				.stream()
				.filter(r -> runtime.getActiveActivityIds(r.getId())
					.stream()
					.anyMatch(id -> id.startsWith(ReportingRoundProcess.CALL_DISTRICT_REPORTS)))
				.findFirst()
				.orElse(null);
			if (round == null) {
				continue;
			}
			String reportKey = RoundService.reportKey(year, roundNo, assignment.project().budgetCode(),
					assignment.officeCode());
			if (alreadyThere(reportKey)) {
				continue;
			}
			@SuppressWarnings("unchecked")
			List<String> keys = new ArrayList<>(
					(List<String>) runtime.getVariable(round.getId(), ReportingRoundProcess.REPORT_KEYS));
			keys.add(reportKey);
			runtime.setVariable(round.getId(), ReportingRoundProcess.REPORT_KEYS, keys);
			String officeRoundKey = roundKey + "/" + assignment.officeCode();
			ProcessInstance officeRound = runtime.createProcessInstanceQuery()
				.processDefinitionKey(DistrictRoundProcess.KEY)
				.processInstanceBusinessKey(officeRoundKey)
				.superProcessInstanceId(round.getId())
				.active()
				.list()
				.stream()
				.findFirst()
				.orElse(null);
			if (officeRound != null) {
				runtime.createProcessInstanceModification(officeRound.getId())
					.startBeforeActivity(DistrictRoundProcess.CALL_REPORTS)
					.setVariableLocal(DistrictRoundProcess.REPORT_KEY, reportKey)
					.execute();
			}
			else {
				runtime.createProcessInstanceModification(round.getId())
					.startBeforeActivity(ReportingRoundProcess.CALL_DISTRICT_REPORTS)
					.setVariableLocal(ReportingRoundProcess.OFFICE_CODE, assignment.officeCode())
					.execute();
			}
			log.info("Assignment {} joined the running round {}: report {} ({})", assignment.id(), roundKey, reportKey,
					officeRound != null ? "in the office's round" : "in a new office round");
			started.add(reportKey);
		}
		return started;
	}

	/**
	 * A report of that key is running, or was closed other than by a withdrawal: it is
	 * not started again.
	 */
	private boolean alreadyThere(String reportKey) {
		if (runtime.createProcessInstanceQuery()
			.processDefinitionKey(DistrictReportProcess.KEY)
			.processInstanceBusinessKey(reportKey)
			.count() > 0) {
			return true;
		}
		return jdbc.queryForObject(
				"select count(*) from raingan.report where business_key = ? and status <> 'withdrawn'", Integer.class,
				reportKey) > 0;
	}

}
