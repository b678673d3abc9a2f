package th.raingan.evaluation;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The evaluation summary's task listeners for the process flow tests
 * (th.raingan.process): the production lambdas of {@link EvaluationListeners}, built
 * without Spring (they reach nothing outside the engine).
 */
public final class EvaluationFlowBeans {

	private EvaluationFlowBeans() {
	}

	public static TaskListener evaluationSummaryTitle(EvaluationSummaries summaries) {
		return new EvaluationListeners(summaries).evaluationSummaryTitle();
	}

	public static TaskListener evaluationSummaryRecorded(EvaluationSummaries summaries) {
		return new EvaluationListeners(summaries).evaluationSummaryRecorded();
	}

}
