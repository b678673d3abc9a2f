package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names each report task after its project and office, so that an officer's list of forty
 * reports reads as forty projects rather than forty times "จัดทำรายงานผล"; a report the
 * province returned reads "ส่งกลับแก้ไข: ...". The BPMN keeps its short names for the
 * diagram.
 */
@Component("taskTitleListener")
class TaskTitleListener implements TaskListener {

	static final int MAX_NAME = 250;

	@Override
	public void notify(DelegateTask task) {
		String project = String.valueOf(task.getVariable(PROJECT_NAME));
		String office = String.valueOf(task.getVariable(OFFICE_NAME)).replace("สำนักงานพัฒนาชุมชน", "");
		// a report the province returned says so in the district's list
		boolean returned = TASK_DISTRICT_DRAFT.equals(task.getTaskDefinitionKey())
				&& task.getVariable(REVISION) instanceof Number revision && revision.intValue() > 1;
		String prefix = TASK_PROVINCE_REVIEW.equals(task.getTaskDefinitionKey()) ? "พิจารณา " + office + ": "
				: returned ? "ส่งกลับแก้ไข: " : "รายงานผล: ";
		String name = prefix + project;
		task.setName(name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 1) + "…" : name);
		task.setDescription("รหัสงบประมาณ " + task.getVariable(BUDGET_CODE) + " · " + task.getVariable(OFFICE_NAME)
				+ " · กำหนดส่ง " + task.getVariable(DUE_DATE_TEXT));
	}

}
