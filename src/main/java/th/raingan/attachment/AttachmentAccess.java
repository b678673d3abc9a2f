package th.raingan.attachment;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import th.raingan.engine.SignedIn;

/**
 * Who may do what with a report's files, decided by the engine's own task authorizations:
 * the signed-in user may read a report's files when they can see one of its tasks, and
 * add or delete them only on its open draft (or, for KPI evidence, on the district's open
 * KPI entry). A task finds its files by its {@code reportKey} variable.
 */
@Component
public class AttachmentAccess {

	/**
	 * Tasks on which the office adds its evidence: the report's draft
	 * ({@code district-report}), the KPI entry ({@code kpi-round-close}) and the
	 * province's evaluation summary ({@code evaluation-summary}). Named here, not taken
	 * from those processes, because they use this capability (a submission attaches the
	 * files to its version); {@code AttachmentContractTest} keeps the names in step.
	 */
	static final java.util.Set<String> EDITABLE_TASKS = java.util.Set.of("Task_DistrictDraft", "Task_EnterKpis",
			"Task_ProvinceSummary");

	/**
	 * The variable by which a task finds its files: the report's business key,
	 * {@code kpi/<round>/<office>}.
	 */
	public static final String FILES_KEY = "reportKey";

	/**
	 * A task variable naming the report's extra upload slot, if any
	 * ({@link Attachment#KIND_EA4} on the draft of an activity with the data form,
	 * {@link Attachment#KIND_EA4_PROVINCE} on the province's evaluation summary).
	 */
	public static final String UPLOAD_SLOT = "uploadSlot";

	/** The report behind a task the user can see, and whether it is the open draft. */
	public record ReportTask(String businessKey, boolean draft, String userId, String slot) {

		public ReportTask(String businessKey, boolean draft, String userId) {
			this(businessKey, draft, userId, null);
		}

	}

	private final TaskService tasks;

	private final IdentityService identity;

	AttachmentAccess(TaskService tasks, IdentityService identity) {
		this.tasks = tasks;
		this.identity = identity;
	}

	public Optional<ReportTask> task(String taskId) {
		SignedIn user = SignedIn.current(identity).orElse(null);
		if (user == null) {
			return Optional.empty();
		}
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null || task.getProcessInstanceId() == null) {
			return Optional.empty();
		}
		Object key = tasks.getVariable(taskId, FILES_KEY);
		if (key == null) {
			return Optional.empty();
		}
		Object slot = tasks.getVariable(taskId, UPLOAD_SLOT);
		return Optional.of(new ReportTask(key.toString(), EDITABLE_TASKS.contains(task.getTaskDefinitionKey()),
				user.userId(), slot == null ? null : slot.toString()));
	}

	/** Whether the user can see a task of this report (and so its files). */
	public boolean canRead(String businessKey) {
		return SignedIn.current(identity).isPresent()
				&& tasks.createTaskQuery().processVariableValueEquals(FILES_KEY, businessKey).count() > 0;
	}

}
