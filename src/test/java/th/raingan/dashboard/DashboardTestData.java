package th.raingan.dashboard;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;

import th.raingan.project.ProjectCatalog;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportDrafts;
import th.raingan.thai.Clock;

/**
 * Reports for the dashboard's tests: a 2570 assignment of Loei, due 1 June 2569 (so
 * overdue today).
 */
public final class DashboardTestData {

	private DashboardTestData() {
	}

	public static org.camunda.bpm.engine.runtime.ProcessInstance start(RuntimeService runtime, ProjectCatalog catalog,
			String office, String budgetCode, String roundKey) {
		var assignment = catalog.assignment(2570, budgetCode, office).orElseThrow();
		Map<String, Object> inputs = ReportDrafts.inputsFor4201(assignment);
		inputs.put(DistrictReportProcess.ROUND_KEY, roundKey);
		inputs.put(DistrictReportProcess.OFFICE_CODE, office);
		inputs.put(DistrictReportProcess.DUE_DATE, Clock.endOfDay(LocalDate.of(2026, 6, 1)));
		return runtime.startProcessInstanceByKey(DistrictReportProcess.KEY, "dash-" + UUID.randomUUID(), inputs);
	}

}
