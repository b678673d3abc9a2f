package th.raingan.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import th.raingan.attachment.AttachmentAccess;
import th.raingan.org.Directory;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.DistrictReportProcess;

/**
 * A saved (or changed) evaluation plan reaches the reports of its activities that are
 * still running (docs/requirements/evaluation.md, "Reports already running"): the
 * report's EA3/EA4 variables are set from the plan as it is now, in the plan's own
 * transaction, so that the officer's form shows the plan's topics the next time it is
 * opened and the submission is checked against them (EA3 topics, EA4 file). The EA3 rows
 * the officer has typed are kept for the topics still in the plan, the office's own
 * topics stay. A submitted version is never touched: it is in the project's tables
 * ({@code report_version}, {@code report_topic}), not in the variables. Approved,
 * withdrawn and not-submitted reports are left as they ended.
 */
@Component
class RunningReports {

	private static final Logger log = LoggerFactory.getLogger(RunningReports.class);

	private final RuntimeService runtime;

	private final ProjectCatalog catalog;

	private final Directory directory;

	private final JdbcTemplate jdbc;

	RunningReports(RuntimeService runtime, ProjectCatalog catalog, Directory directory, JdbcTemplate jdbc) {
		this.runtime = runtime;
		this.catalog = catalog;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	/**
	 * The plan of a province and year was saved: {@code plan} its activities now,
	 * {@code untied} the catalogue projects the plan named before and no longer does.
	 * Returns how many running reports took the plan.
	 */
	int planSaved(List<PlanActivity> plan, List<Long> untied) {
		int updated = 0;
		for (PlanActivity a : plan) {
			if (a.projectId() != null) {
				updated += apply(a.projectId(), a);
			}
		}
		for (Long projectId : untied) {
			updated += apply(projectId, null);
		}
		return updated;
	}

	private int apply(long projectId, PlanActivity activity) {
		List<Map<String, Object>> open = jdbc.queryForList("""
				select r.business_key, r.process_instance_id, r.assignment_id from raingan.report r
				join raingan.assignment a on a.id = r.assignment_id
				where a.project_id = ? and r.process_instance_id is not null
				and r.status not in ('approved', 'not_submitted', 'withdrawn')""", projectId);
		int updated = 0;
		for (Map<String, Object> report : open) {
			String instance = (String) report.get("process_instance_id");
			long assignmentId = ((Number) report.get("assignment_id")).longValue();
			boolean done = directory.asEngine(() -> {
				if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
					return false;
				}
				catalog.assignment(assignmentId)
					.ifPresent(x -> runtime.setVariable(instance, DistrictReportProcess.EVALUATION_REQUIRED,
							x.evaluationRequired()));
				if (activity == null) {
					// no longer in the plan: the report asks the three overall figures
					// again
					runtime.setVariable(instance, Ea3Check.PLAN_TOPICS, null);
					runtime.setVariable(instance, EvaluationReports.PLAN_TOPICS_TEXT, null);
					runtime.setVariable(instance, EvaluationReports.DATA_FORM_REQUIRED, false);
					runtime.setVariable(instance, EvaluationReports.PLAN_ACTIVITY_ID, null);
					runtime.removeVariable(instance, AttachmentAccess.UPLOAD_SLOT);
					return true;
				}
				List<String> oldPlan = new ArrayList<>();
				if (runtime.getVariable(instance, Ea3Check.PLAN_TOPICS) instanceof List<?> topics) {
					topics.forEach(t -> oldPlan.add(String.valueOf(t)));
				}
				Object typed = runtime.getVariable(instance, Ea3Check.TOPICS);
				List<Map<String, Object>> rows;
				try {
					rows = typed == null ? List.of() : th.raingan.report.JsonRows.of(typed,
							"แบบสรุปการประเมินผลรายประเด็น (EA3)", "ประเด็น (ประเด็น จำนวนคนและร้อยละ)");
				}
				catch (RuntimeException unreadable) {
					// rows the form cannot have written: the plan's topics afresh
					rows = List.of();
				}
				Map<String, Object> variables = EvaluationReports.planVariables(activity, rows, oldPlan);
				if (!activity.dataForm()) {
					runtime.removeVariable(instance, AttachmentAccess.UPLOAD_SLOT);
				}
				if (!variables.containsKey(Ea3Check.PLAN_TOPICS)) {
					runtime.setVariable(instance, Ea3Check.PLAN_TOPICS, null);
					runtime.setVariable(instance, EvaluationReports.PLAN_TOPICS_TEXT, null);
				}
				runtime.setVariables(instance, variables);
				return true;
			});
			if (done) {
				updated++;
				log.info("Report {}: the evaluation plan as saved now", report.get("business_key"));
			}
		}
		return updated;
	}

}
