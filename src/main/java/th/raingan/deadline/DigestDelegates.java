package th.raingan.deadline;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two service tasks of {@code daily-digest}: which offices have reminders, and one
 * digest per office.
 */
@Configuration
class DigestDelegates {

	@Bean
	JavaDelegate listDigestOfficesDelegate(DigestService digests) {
		return execution -> execution.setVariable(DailyDigestProcess.OFFICES, digests.officesWithPendingReminders());
	}

	@Bean
	JavaDelegate sendDigestDelegate(DigestService digests) {
		return execution -> digests.sendDigest((String) execution.getVariable(DailyDigestProcess.OFFICE_CODE));
	}

}
