package th.raingan.report;

/**
 * What a person typed, made safe to put into a Camunda Form's text (markdown) component:
 * every markdown and HTML punctuation mark is backslash-escaped, so a reason such as
 * {@code <img src=x>} or {@code **bold**} shows as the characters typed, never as markup
 * (form-js strips scripts and handlers but keeps tags).
 */
public final class MarkdownText {

	private static final String SPECIAL = "\\`*_{}[]<>()#+-.!|~&\"'=";

	private MarkdownText() {
	}

	public static String escape(String typed) {
		if (typed == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(typed.length() + 16);
		for (char c : typed.toCharArray()) {
			if (SPECIAL.indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c == '\r' ? ' ' : c);
		}
		return out.toString();
	}

}
