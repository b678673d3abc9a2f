package th.raingan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import th.raingan.kpi.KpiRoundCloseProcess;
import th.raingan.report.DistrictReportProcess;

/**
 * The attachments name the tasks and the variable they rely on themselves (the report and
 * KPI capabilities use attachments, not the other way round): this keeps those names in
 * step with the processes.
 */
class AttachmentContractTest {

	@Test
	void evidenceIsAddedOnTheDraftTheKpiEntryAndTheEvaluationSummary() {
		assertThat(AttachmentAccess.EDITABLE_TASKS).containsExactlyInAnyOrder(DistrictReportProcess.TASK_DISTRICT_DRAFT,
				KpiRoundCloseProcess.TASK_ENTER_KPIS,
				th.raingan.evaluation.EvaluationSummaryProcess.TASK_PROVINCE_SUMMARY);
	}

	@Test
	void filesAreFoundByTheReportKey() {
		assertThat(AttachmentAccess.FILES_KEY).isEqualTo(DistrictReportProcess.REPORT_KEY);
	}

}
