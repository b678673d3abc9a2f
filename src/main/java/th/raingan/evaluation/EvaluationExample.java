package th.raingan.evaluation;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import th.raingan.org.DemoMode;

/**
 * On the demo database: Chiang Rai's evaluation plan 2567 (its letter's 16 items, 20
 * activities and their key topics, {@code evaluation/evaluation-plan-2567-chiangrai.csv})
 * as the first example, loaded once.
 */
@Component
@Order(5)
class EvaluationExample implements ApplicationRunner {

	static final String RESOURCE = "evaluation/evaluation-plan-2567-chiangrai.csv";

	private static final Logger log = LoggerFactory.getLogger(EvaluationExample.class);

	private final EvaluationPlanService plans;

	private final EvaluationPlans store;

	private final DemoMode demo;

	EvaluationExample(EvaluationPlanService plans, EvaluationPlans store, DemoMode demo) {
		this.plans = plans;
		this.store = store;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!demo.enabled() || store.hasPlan(2567, "57")) {
			return;
		}
		EvaluationPlanService.Outcome outcome = plans.loadExample(2567, "57",
				new ClassPathResource(RESOURCE).getContentAsByteArray());
		log.info("Evaluation plan example: Chiang Rai 2567, {} activities {}", outcome.saved(), outcome.messages());
	}

}
