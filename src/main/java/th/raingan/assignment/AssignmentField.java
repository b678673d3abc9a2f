package th.raingan.assignment;

/**
 * The fields of an assignment as the screen, the CSV file and the change log name them.
 */
enum AssignmentField {

	FISCAL_YEAR("fiscalYear", "ปีงบประมาณ"), PROJECT("budgetCode", "รหัสงบประมาณ"),
	PROJECT_NAME("projectName", "โครงการ/กิจกรรม"), OFFICE("officeCode", "รหัสหน่วยงาน"),
	OFFICE_NAME("officeName", "หน่วยงาน"), TARGET("target", "เป้าหมาย"), UNIT("unitTh", "หน่วยนับ"),
	ALLOCATION("allocationBaht", "งบประมาณที่ได้รับจัดสรร (บาท)"), PLAN("planBaht", "แผนการใช้จ่าย (บาท)"),
	PERIOD("activityPeriod", "ช่วงดำเนินกิจกรรม"), START("activityStart", "วันเริ่มกิจกรรม"),
	END("activityEnd", "วันสิ้นสุดกิจกรรม"), RULE("deadlineRule", "กำหนดส่ง"),
	AREA_DATA("needsAreaData", "ข้อมูลเชิงพื้นที่ (ส่วนที่ 2)"), EVALUATION("evaluationRequired", "แบบประเมินผล"),
	REASON("reason", "เหตุผล");

	final String id;

	final String label;

	AssignmentField(String id, String label) {
		this.id = id;
		this.label = label;
	}

	static AssignmentField byId(String id) {
		for (AssignmentField field : values()) {
			if (field.id.equals(id)) {
				return field;
			}
		}
		throw new IllegalArgumentException(id);
	}

}
