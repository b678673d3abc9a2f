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

	private final th.raingan.report.ReportFacts reports;

	private final th.raingan.org.Routing routing;

	EvaluationListeners(EvaluationSummaries summaries, th.raingan.report.ReportFacts reports,
			th.raingan.org.Routing routing) {
		this.summaries = summaries;
		this.reports = reports;
		this.routing = routing;
	}

	@EventListener(condition = "#execution.eventName == 'start' && #execution.currentActivityId == '"
			+ DistrictReportProcess.END_APPROVED + "'")
	public void reportApproved(DelegateExecution execution) {
		// the report's assignment is its row's, not a variable a completion may have sent
		summaries.reportApproved(reports.tracked(execution).assignmentId());
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
			// only the reviewers of the summary's own province, and only once the table
			// has the result (a sent recordedText is no record)
			routing.refusal(routing.reviewGroup(summaries.province(task.getExecution())), "ผู้บันทึกผลการประเมิน")
				.ifPresent(problem -> {
					throw new th.raingan.report.ReportRefused("บันทึกผลการประเมินระดับจังหวัดไม่ได้:",
							java.util.List.of(problem));
				});
			if (!summaries.recorded(task.getExecution().getProcessBusinessKey())) {
				throw new th.raingan.report.ReportRefused("ยังไม่ได้บันทึกผลการประเมินระดับจังหวัด:", java.util.List
					.of("สรุปผลการประเมิน: กรุณาบันทึกและลงนามในแท็บ \"สรุปผลการประเมิน (EA3/EA4)\""));
			}
		};
	}

}
