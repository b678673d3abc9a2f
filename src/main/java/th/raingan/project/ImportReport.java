package th.raingan.project;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did: rows imported, every rejected row with its line, field and reason
 * in Thai, and warnings on rows imported all the same (a report due after the end of its
 * round).
 */
public record ImportReport(int imported, List<Rejection> rejected, List<Rejection> warnings) {

	public ImportReport(int imported, List<Rejection> rejected) {
		this(imported, rejected, List.of());
	}

	public record Rejection(long line, String field, String reason) {

		@Override
		public String toString() {
			return "แถวที่ " + line + " ช่อง " + field + ": " + reason;
		}

	}

	static class Builder {

		private int imported;

		private final List<Rejection> rejected = new ArrayList<>();

		private final List<Rejection> warnings = new ArrayList<>();

		void warn(long line, String field, String message) {
			warnings.add(new Rejection(line, field, message));
		}

		void imported() {
			imported++;
		}

		void reject(long line, String field, String reason) {
			rejected.add(new Rejection(line, field, reason));
		}

		ImportReport build() {
			return new ImportReport(imported, List.copyOf(rejected), List.copyOf(warnings));
		}

	}

}
