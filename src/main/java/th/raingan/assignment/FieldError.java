package th.raingan.assignment;

/**
 * One refused value: the row (the CSV file's line, counting the header as line 1; null on
 * the screen), the field and the Thai reason.
 */
record FieldError(Long row, String field, String label, String message) {

	static FieldError of(Long row, AssignmentField field, String message) {
		return new FieldError(row, field.id, field.label, message);
	}

	@Override
	public String toString() {
		return (row == null ? "" : "แถวที่ " + row + " ") + "ช่อง " + label + ": " + message;
	}

}
