package th.raingan.report;

import java.util.List;
import java.util.Optional;

/**
 * A submission, decision or start refused on the server: a heading and the problems, each
 * "field label: why" in Thai, so that Tasklist shows each at its field. A plain
 * exception, free of the engine: {@link ReportRefusals} has the engine translate it,
 * where a delegate or listener throws it, into its form validation failure, so the whole
 * completion is rolled back (the task stays open, nothing is written) and
 * {@code /engine-rest} answers 400.
 */
public class ReportRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	public ReportRefused(String heading, List<String> problems) {
		super(heading + " " + String.join(" | ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

	/**
	 * The refusal a failure carries: itself, or the cause of the engine's translation of
	 * it.
	 */
	public static Optional<ReportRefused> in(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ReportRefused refused) {
				return Optional.of(refused);
			}
		}
		return Optional.empty();
	}

}
