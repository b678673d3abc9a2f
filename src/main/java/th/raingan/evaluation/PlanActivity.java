package th.raingan.evaluation;

import java.util.List;

/**
 * One activity of a province's evaluation plan (EA1): its number in the letter, the
 * project and activity as the letter names them, the catalogue project it is tied to
 * (null until the catalogue has it), the evaluation form (แบบประเมินผล, EA2/EA3) and the
 * data form (แบบจัดเก็บข้อมูล, EA4), the recording window (a deadline rule of
 * th.raingan.project.DeadlineRule and the letter's words) and the key topics (EA1 part
 * 2).
 */
public record PlanActivity(Long id, int fiscalYearBe, String provinceCode, int seq, String itemNo, Long projectId,
		String budgetCode, String projectTh, String activityTh, boolean evaluationForm, boolean dataForm,
		String deadlineRule, String windowTh, List<String> topics) {

	public PlanActivity withId(long newId) {
		return new PlanActivity(newId, fiscalYearBe, provinceCode, seq, itemNo, projectId, budgetCode, projectTh,
				activityTh, evaluationForm, dataForm, deadlineRule, windowTh, topics);
	}

}
