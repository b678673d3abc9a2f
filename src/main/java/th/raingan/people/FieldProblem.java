package th.raingan.people;

/**
 * One refused value: the CSV line (0 outside an import), the field as the screen labels
 * it, why, in Thai.
 */
record FieldProblem(int line, String field, String message) {

	public String text() {
		return (line > 0 ? "แถวที่ " + line + " " : "") + field + ": " + message;
	}

}
