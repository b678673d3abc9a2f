package th.raingan.project;

import java.util.ArrayList;
import java.util.List;

/** What an import did: rows imported, and every rejected row with its line, field and reason in Thai. */
public record ImportReport(int imported, List<Rejection> rejected) {

	public record Rejection(long line, String field, String reason) {

		@Override
		public String toString() {
			return "แถวที่ " + line + " ช่อง " + field + ": " + reason;
		}

	}

	static class Builder {

		private int imported;

		private final List<Rejection> rejected = new ArrayList<>();

		void imported() {
			imported++;
		}

		void reject(long line, String field, String reason) {
			rejected.add(new Rejection(line, field, reason));
		}

		ImportReport build() {
			return new ImportReport(imported, List.copyOf(rejected));
		}

	}

}
