package th.raingan.deadline;

import java.time.LocalDate;

/** A report a mail talks about: the project, its due date and the open task to follow. */
record PendingReport(String businessKey, String budgetCode, String projectName, LocalDate dueDate, String taskId) {

}
