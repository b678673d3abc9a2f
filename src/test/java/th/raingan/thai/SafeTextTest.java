package th.raingan.thai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The one seam for typed text: markdown and HTML show what was typed, a CSV cell never
 * starts a formula (OWASP CSV injection) and reads back as it was written.
 */
class SafeTextTest {

	static final List<String> PLANTED = List.of("<img src=x onerror=alert(1)>", "[คลิก](http://evil.example)",
			"**bold**", "http://evil.example", "www.evil.example", "a@evil.example", "# หัวข้อ", "1. ข้อ", "- ข้อ",
			"`code`", "![x](http://evil.example/x.png)", "<script>alert(1)</script>", "&lt;b&gt;");

	@Test
	void markdownEscapesEveryMarkOfMarkdownAndHtml() {
		assertThat(SafeText.markdown("<img src=x onerror=alert(1)>"))
			.isEqualTo("\\<img src\\=x onerror\\=alert\\(1\\)\\>");
		assertThat(SafeText.markdown("[คลิก](http://evil.example)"))
			.isEqualTo("\\[คลิก\\]\\(http\\://evil\\.example\\)");
		assertThat(SafeText.markdown("**bold**")).isEqualTo("\\*\\*bold\\*\\*");
		assertThat(SafeText.markdown("ก\r\nข")).isEqualTo("ก \nข");
		assertThat(SafeText.markdown("รอกำหนดการประชุม ยังไม่ได้จัด")).isEqualTo("รอกำหนดการประชุม ยังไม่ได้จัด");
		assertThat(SafeText.markdown(null)).isNull();
		assertThat(SafeText.markdownLine("ก\nข")).isEqualTo("ก ข");
		for (String typed : PLANTED) {
			String escaped = SafeText.markdown(typed);
			// no markdown or HTML mark is left unescaped
			for (int i = 0; i < escaped.length(); i++) {
				char c = escaped.charAt(i);
				if ("<>[]()*`#!&:=@".indexOf(c) >= 0) {
					assertThat(escaped.charAt(i - 1)).as(escaped + " at " + i).isEqualTo('\\');
				}
			}
		}
	}

	@Test
	void htmlEscapesTags() {
		assertThat(SafeText.html("<img src=x onerror=alert(1)> & \"q\"")).doesNotContain("<", ">", "\"")
			.contains("&lt;img", "&amp;");
		assertThat(SafeText.html(null)).isEmpty();
	}

	@Test
	void aCsvCellNeverStartsAFormulaButANumberStaysANumber() {
		assertThat(SafeText.csvCell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
		assertThat(SafeText.csvCell("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
		assertThat(SafeText.csvCell("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
		assertThat(SafeText.csvCell("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
		assertThat(SafeText.csvCell("\t=1")).isEqualTo("'\t=1");
		assertThat(SafeText.csvCell("\r=1")).isEqualTo("'\r=1");
		assertThat(SafeText.csvCell("- ข้อแรก")).isEqualTo("'- ข้อแรก");
		// numbers that are numbers, and ordinary text, are left alone
		for (String number : List.of("-5", "-1,234.50", "+12", "-0.5", "-.5", "1e3", "-12%", "42")) {
			assertThat(SafeText.csvCell(number)).as(number).isEqualTo(number);
		}
		assertThat(SafeText.csvCell("โครงการ = 1")).isEqualTo("โครงการ = 1");
		assertThat(SafeText.csvCell("")).isEmpty();
		assertThat(SafeText.csvCell("-")).as("the exports' nothing").isEqualTo("-");
		assertThat(SafeText.csvCell("--1")).isEqualTo("'--1");
		assertThat(SafeText.csvCell(null)).isNull();
	}

	@Test
	void aCellReadBackIsWhatWasWritten() {
		for (String text : List.of("=1+1", "@x", "-x", "+x", "\tx", "'=1", "''=1", "'plain", "plain", "-5", "'-5", "'",
				"", "=")) {
			String cell = SafeText.csvCell(text);
			assertThat(SafeText.fromCsvCell(cell)).as(text).isEqualTo(text);
			assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || cell.matches("[-+]?[\\d,.]+"))
				.as(cell)
				.isTrue();
		}
		// a cell typed in Excel with the quote, as Excel shows text
		assertThat(SafeText.fromCsvCell("'=1")).isEqualTo("=1");
	}

}
