package th.raingan.report;

import org.springframework.stereotype.Component;

import th.raingan.engine.RefusalTranslation;

/**
 * The engine translates every {@link ReportRefused} into its form validation failure, its
 * problems the detail.
 */
@Component
class ReportRefusals extends RefusalTranslation<ReportRefused> {

	ReportRefusals() {
		super(ReportRefused.class, ReportRefused::problems);
	}

}
