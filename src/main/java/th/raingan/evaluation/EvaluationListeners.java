package th.raingan.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import th.raingan.report.DistrictReportProcess;

/**
 * Thin hooks: a district report's approval (the engine's own Spring event at the report's
 * approved end) reaches the province's summary; the summary task is titled with its
 * activity and cannot be completed unrecorded.
 */
@Configuration
class EvaluationListeners {

	private final EvaluationSummaries summaries;

	EvaluationListeners(EvaluationSummaries summaries) {
		this.summaries = summaries;
	}

	@EventListener(condition = "#execution.eventName == 'start' && #execution.currentActivityId == '"
			+ DistrictReportProcess.END_APPROVED + "'")
	public void reportApproved(DelegateExecution execution) {
		Object assignment = execution.getVariable(DistrictReportProcess.ASSIGNMENT_ID);
		if (assignment instanceof Number id) {
			summaries.reportApproved(id.longValue());
		}
	}

	@Bean("evaluationSummaryTitle")
	TaskListener evaluationSummaryTitle() {
		return (DelegateTask task) -> task
			.setName("สรุปผลการประเมินระดับจังหวัด: " + task.getVariable(EvaluationSummaryProcess.ACTIVITY_NAME));
	}

	/**
	 * Completing the task from Tasklist's form without recording is refused: the tab
	 * records and completes.
	 */
	@Bean("evaluationSummaryRecorded")
	TaskListener evaluationSummaryRecorded() {
		return (DelegateTask task) -> {
			if (task.getVariable(EvaluationSummaryProcess.RECORDED_TEXT) == null) {
				throw new th.raingan.report.ReportRefused("ยังไม่ได้บันทึกผลการประเมินระดับจังหวัด:", java.util.List
					.of("สรุปผลการประเมิน: กรุณาบันทึกและลงนามในแท็บ \"สรุปผลการประเมิน (EA3/EA4)\""));
			}
		};
	}

}
