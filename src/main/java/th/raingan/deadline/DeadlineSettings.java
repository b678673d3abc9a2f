package th.raingan.deadline;

import java.time.LocalDate;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import th.raingan.thai.Clock;

/**
 * When reminders go out. Used in BPMN as {@code ${deadlines.reminderAt(dueDate)}}: the
 * reminder timer fires this many days before the due date (default 3,
 * {@code RAINGAN_REMINDER_DAYS}).
 */
@Component("deadlines")
public class DeadlineSettings {

	private final int reminderDays;

	private final String publicUrl;

	DeadlineSettings(@Value("${raingan.reminder-days:3}") int reminderDays,
			@Value("${raingan.public-url:http://localhost:8080}") String publicUrl) {
		this.reminderDays = reminderDays;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/**
	 * Reminders go out in the morning digest, {@code reminderDays} days before the due
	 * date.
	 */
	public Date reminderAt(Date dueDate) {
		LocalDate due = Clock.day(dueDate);
		return Date.from(due.minusDays(reminderDays).atStartOfDay(Clock.ZONE).toInstant());
	}

	/** A link that opens the task in Tasklist. */
	public String taskLink(String taskId) {
		return publicUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
	}

	public String tasklistLink() {
		return publicUrl + "/camunda/app/tasklist/default/";
	}

}
