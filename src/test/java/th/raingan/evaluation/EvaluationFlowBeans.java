package th.raingan.evaluation;

import org.camunda.bpm.engine.delegate.TaskListener;

import th.raingan.org.Routing;

/**
 * The evaluation summary's task listeners for the process flow tests
 * (th.raingan.process): the production lambdas of {@link EvaluationListeners}, built
 * without Spring (with the tables' answers mocked).
 */
public final class EvaluationFlowBeans {

	private EvaluationFlowBeans() {
	}

	public static TaskListener evaluationSummaryTitle(EvaluationSummaries summaries) {
		return new EvaluationListeners(summaries, null, null).evaluationSummaryTitle();
	}

	public static TaskListener evaluationSummaryRecorded(EvaluationSummaries summaries, Routing routing) {
		return new EvaluationListeners(summaries, null, routing).evaluationSummaryRecorded();
	}

}
