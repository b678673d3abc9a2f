package th.raingan.report;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission or decision refused on the server. It is the engine's form validation exception, so the whole
 * completion is rolled back (the task stays open, nothing is written), {@code /engine-rest} answers 400 and
 * Tasklist shows the message over the form the officer filled in.
 */
public class ReportRefused extends FormFieldValidationException {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	public ReportRefused(String heading, List<String> problems) {
		super(problems, heading + " " + String.join(" | ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
