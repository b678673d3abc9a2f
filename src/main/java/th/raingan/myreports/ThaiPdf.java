package th.raingan.myreports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Locale;

import org.springframework.core.io.ClassPathResource;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The project's one way to print: XHTML laid out as PDF by openhtmltopdf on PDFBox, with
 * Laksaman (TH Sarabun's metrics, family {@value #FONT}) embedded from the application's
 * resources, lines broken at Thai word boundaries, Thai marks placed by {@link ThaiMarks}
 * and the PDF's text given back its Unicode (so it can be searched and copied). Used by
 * the report printout and by the dashboard's scorecard.
 */
public final class ThaiPdf {

	public static final String FONT = "Laksaman";

	private static final Locale THAI = Locale.forLanguageTag("th-TH");

	private ThaiPdf() {
	}

	/** The PDF of an XHTML document whose CSS uses {@code font-family: Laksaman}. */
	public static byte[] render(String xhtml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> font("Laksaman.ttf"), FONT, 400, FontStyle.NORMAL, true);
			builder.useFont(() -> font("Laksaman-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
			builder.useUnicodeLineBreaker(new ReportPrint.ThaiBreaker(BreakIterator.getLineInstance(THAI)));
			builder.useUnicodeCharacterBreaker(new ReportPrint.ThaiBreaker(BreakIterator.getCharacterInstance(THAI)));
			builder.withProducer("Raingan");
			// PDFBox does no OpenType mark positioning: the marks are placed by picking
			// the font's positioned
			// glyphs before layout, and the PDF's text is given back its Unicode
			// afterwards (ThaiMarks)
			builder.withHtmlContent(ThaiMarks.place(xhtml), null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return PrintedThaiText.restoreUnicode(out.toByteArray());
	}

	private static java.io.InputStream font(String file) {
		try {
			return new ClassPathResource("print/fonts/" + file).getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
