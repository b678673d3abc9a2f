package th.raingan.assignment;

import java.util.List;

/** Nothing was saved: every refused value, each naming its row and field in Thai. */
class AssignmentRefused extends RuntimeException {

	private final transient List<FieldError> errors;

	AssignmentRefused(List<FieldError> errors) {
		super(summary(errors));
		this.errors = List.copyOf(errors);
	}

	AssignmentRefused(FieldError error) {
		this(List.of(error));
	}

	List<FieldError> errors() {
		return errors;
	}

	private static String summary(List<FieldError> errors) {
		long rows = errors.stream().map(FieldError::row).filter(java.util.Objects::nonNull).distinct().count();
		return rows > 0 ? "ไม่ได้บันทึกแถวใดเลย: พบข้อผิดพลาด " + errors.size() + " รายการใน " + rows + " แถว"
				: "ไม่ได้บันทึก: " + errors.get(0);
	}

}
