package th.raingan.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/**
 * The Tasklist filters every user sees. Each is scoped by {@code ${currentUserGroups()}}
 * or {@code ${currentUser()}}, so the same filter gives a district officer their
 * district's work and a province reviewer their province's reviews; the engine's
 * authorization checks hide the rest.
 */
@Service
class TasklistFilters {

	static final String MY_TASKS = "งานที่ฉันรับไว้";

	static final String OFFICE_TASKS = "งานของหน่วยงาน";

	static final String DUE_SOON = "ครบกำหนดภายใน 7 วัน";

	static final String OVERDUE = "เลยกำหนดส่ง";

	private final FilterService filters;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
		this.filters = filters;
		this.tasks = tasks;
		this.authorizations = authorizations;
	}

	public void ensure() {
		ensure(OFFICE_TASKS, -10, "งานทั้งหมดของอำเภอหรือจังหวัดของท่าน", officeTasks());
		ensure(MY_TASKS, 0, "งานที่ท่านรับไว้ทำเอง",
				tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
		ensure(DUE_SOON, 10, "งานที่ต้องส่งภายใน 7 วันข้างหน้า",
				officeTasks().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7)}"));
		ensure(OVERDUE, 20, "งานที่เลยกำหนดส่งแล้ว", officeTasks().dueBeforeExpression("${now()}"));
	}

	private TaskQuery officeTasks() {
		return tasks.createTaskQuery()
			.taskCandidateGroupInExpression("${currentUserGroups()}")
			.includeAssignedTasks()
			.orderByDueDate()
			.asc();
	}

	private void ensure(String name, int priority, String description, TaskQuery query) {
		if (filters.createTaskFilterQuery().filterName(name).count() > 0) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("priority", priority);
		properties.put("description", description);
		properties.put("refresh", true);
		properties.put("variables", List.of(Map.of("name", "officeName", "label", "หน่วยงาน"),
				Map.of("name", "projectName", "label", "โครงการ")));
		Filter filter = filters.newTaskFilter(name).setProperties(properties).setQuery(query);
		filters.saveFilter(filter);
		Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
		read.setUserId(Authorization.ANY);
		read.setResource(Resources.FILTER);
		read.setResourceId(filter.getId());
		read.addPermission(Permissions.READ);
		authorizations.saveAuthorization(read);
	}

}
