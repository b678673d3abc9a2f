package th.raingan.thai;

import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * What a person typed (a reason, a comment, a name, a target, a project name from a
 * catalogue), made safe for the place that shows it: the one seam every capability uses,
 * so a text is shown as the characters typed, never as markup, a link or a formula.
 * <ul>
 * <li>{@link #markdown}: a Camunda Form's text component renders its template as markdown
 * and keeps HTML tags (form-js strips scripts and handlers only), so every markdown and
 * HTML punctuation mark is backslash-escaped: {@code <img src=x>},
 * {@code [คลิก](http://x)} and {@code **bold**} show as typed.</li>
 * <li>{@link #html}: the printed documents (PDF from XHTML) escape
 * {@code & < > " '}.</li>
 * <li>{@link #csvCell} and {@link #fromCsvCell}: a spreadsheet runs a cell that starts
 * with {@code = + - @}, a tab or a carriage return as a formula; such a cell gets a
 * leading single quote (OWASP "CSV Injection"), unless it is a number (a negative number
 * stays a number) or the lone "-" the exports write for nothing; an import takes the
 * quote off again, so an exported file read back is unchanged.</li>
 * </ul>
 * The plugins' pages build their DOM with {@code shared.js el()}, which appends text as
 * text nodes (never {@code innerHTML}).
 */
public final class SafeText {

	private static final String MARKDOWN_SPECIAL = "\\`*_{}[]<>()#+-.!|~&\"'=:@";

	private static final String FORMULA_START = "=+-@\t\r";

	private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d,]*)?\\.?\\d+([eE][-+]?\\d+)?%?");

	private SafeText() {
	}

	/**
	 * The text for a form's markdown: every punctuation mark markdown or HTML gives a
	 * meaning to is escaped, a carriage return becomes a space; {@code null} stays
	 * {@code null}.
	 */
	public static String markdown(String typed) {
		if (typed == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(typed.length() + 16);
		for (char c : typed.toCharArray()) {
			if (MARKDOWN_SPECIAL.indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c == '\r' ? ' ' : c);
		}
		return out.toString();
	}

	/** {@link #markdown} on one line: line breaks become spaces. */
	public static String markdownLine(String typed) {
		return typed == null ? null : markdown(typed.replace('\n', ' '));
	}

	/** The text for HTML or XHTML ({@code null} is empty). */
	public static String html(String typed) {
		return typed == null ? "" : HtmlUtils.htmlEscape(typed, "UTF-8");
	}

	/**
	 * A CSV cell's text that a spreadsheet will not run as a formula: a text starting
	 * with {@code = + - @}, a tab or a carriage return gets a leading {@code '}; so does
	 * a text that already starts with {@code '} before such a character (so the import's
	 * {@link #fromCsvCell} gives it back unchanged); a number ({@code -12},
	 * {@code -1,234.50}) is left as it is. Quoting for the CSV syntax is the writer's.
	 */
	public static String csvCell(String text) {
		return text == null ? null : needsQuote(text) ? "'" + text : text;
	}

	/** A cell as an import reads it: the quote {@link #csvCell} added is taken off. */
	public static String fromCsvCell(String cell) {
		return cell != null && cell.startsWith("'") && needsQuote(cell.substring(1)) ? cell.substring(1) : cell;
	}

	private static boolean needsQuote(String text) {
		if (text.isEmpty()) {
			return false;
		}
		if (text.charAt(0) == '\'') {
			return needsQuote(text.substring(1));
		}
		// a lone "-" is the exports' "nothing here", text in every spreadsheet
		return FORMULA_START.indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches() && !"-".equals(text);
	}

}
