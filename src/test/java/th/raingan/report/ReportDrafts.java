package th.raingan.report;

import static th.raingan.report.DistrictReportProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A district report as an officer fills it in, for tests to start from and spoil one
 * field at a time.
 */
public final class ReportDrafts {

	private ReportDrafts() {
	}

	/**
	 * What the reporting round gives a report when it starts it: the 2569 demo assignment
	 * of a project to 4201.
	 */
	public static Map<String, Object> inputsFor4201(th.raingan.project.Assignment assignment) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put(ROUND_KEY, "2569-1/42");
		inputs.put(ASSIGNMENT_ID, assignment.id());
		inputs.put(OFFICE_CODE, "4201");
		inputs.put(OFFICE_NAME, "สำนักงานพัฒนาชุมชนอำเภอเมืองเลย");
		inputs.put(PROJECT_NAME, assignment.project().nameTh());
		inputs.put(BUDGET_CODE, assignment.project().budgetCode());
		inputs.put(EVALUATION_REQUIRED, assignment.project().evaluationRequired());
		inputs.put(DUE_DATE, th.raingan.thai.Clock.endOfDay(java.time.LocalDate.of(2026, 3, 17)));
		inputs.put(DUE_DATE_TEXT, "17 มีนาคม 2569");
		inputs.put(REVISION, 1);
		return inputs;
	}

	public static Map<String, Object> valid() {
		Map<String, Object> draft = new HashMap<>();
		draft.put(OFFICER_NAME, "นางบิ่งอร จันทร์ศรี");
		draft.put(OFFICER_PHONE, "0 4281 1773");
		draft.put(START_DATE, "05/01/2569");
		draft.put(END_DATE, "๒๐/๐๑/๒๕๖๙");
		draft.put(OUTPUT, "จัดทำแผนพัฒนาตำบลครบทุกตำบล");
		draft.put(SUCCESS_POINTS, "ผู้นำชุมชนร่วมจัดทำแผนและนำแผนไปใช้");
		draft.put(TARGET_VALUE, "14");
		draft.put(RESULT_VALUE, "14");
		draft.put(PROGRESS_PERCENT, "100");
		draft.put(SPENT_BAHT, "3,000");
		draft.put(AREAS,
				List.of(area("ตำบลกุดป่อง หมู่ 1", "ผู้นำชุมชน", "20", "มีแผนพัฒนาตำบล", "1,000"),
						area("ตำบลนาอาน หมู่ 3", "ผู้นำชุมชน", "๒๐", "มีแผนพัฒนาตำบล", "1000"),
						area("ตำบลนาโป่ง หมู่ 2", "คณะกรรมการหมู่บ้าน", "25", "มีแผนพัฒนาตำบล", "1000.00")));
		draft.put(RESPONDENTS, "60");
		draft.put(KNOWLEDGE_PERCENT, "85.5");
		draft.put(USE_PERCENT, "80");
		draft.put(SATISFACTION_PERCENT, "90");
		draft.put(CONFIRM_SUBMIT, true);
		return draft;
	}

	public static Map<String, Object> area(String place, String group, String people, String outcome, String expense) {
		Map<String, Object> area = new HashMap<>();
		area.put(AREA_PLACE, place);
		area.put(AREA_TARGET_GROUP, group);
		area.put(AREA_PEOPLE, people);
		area.put(AREA_OUTCOME, outcome);
		area.put(AREA_EXPENSE, expense);
		return area;
	}

	/** The valid draft with one area's expense replaced. */
	public static Map<String, Object> withFirstAreaExpense(String expense) {
		Map<String, Object> draft = valid();
		draft.put(AREAS, List.of(area("ตำบลกุดป่อง หมู่ 1", "ผู้นำชุมชน", "20", "มีแผนพัฒนาตำบล", expense)));
		return draft;
	}

}
