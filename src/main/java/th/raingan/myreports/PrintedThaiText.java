package th.raingan.myreports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Gives a PDF printed with {@link ThaiMarks}' positioned glyphs back its Unicode text.
 * <p>
 * Why: PDFBox writes each embedded font's ToUnicode map (what a reader copies, searches
 * and extracts) from the font's own cmap, so a positioned glyph reads as its Private Use
 * code point (U+F70A, not the MAI EK it draws). Here each font's ToUnicode map is
 * rewritten so that every glyph maps to the Thai character it draws; the glyphs and their
 * places on the page are not touched. The document title gets the same treatment.
 */
final class PrintedThaiText {

	private PrintedThaiText() {
	}

	/** The PDF with every ToUnicode entry and the title in plain Unicode Thai. */
	static byte[] restoreUnicode(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (COSObject object : document.getDocument().getObjectsByType(COSName.FONT)) {
				if (object.getObject() instanceof COSDictionary font
						&& font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream toUnicode) {
					Map<Integer, String> mapping = read(toUnicode);
					Map<Integer, String> restored = new TreeMap<>();
					mapping.forEach((code, text) -> restored.put(code, ThaiMarks.unicode(text)));
					if (!restored.equals(mapping)) {
						COSStream stream = document.getDocument().createCOSStream();
						try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
							out.write(cmap(restored).getBytes(StandardCharsets.US_ASCII));
						}
						font.setItem(COSName.TO_UNICODE, stream);
					}
				}
			}
			PDDocumentInformation info = document.getDocumentInformation();
			if (info.getTitle() != null) {
				info.setTitle(ThaiMarks.unicode(info.getTitle()));
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The two-byte codes (Identity-H, as PDFBox embeds a TrueType font) a ToUnicode map
	 * maps, with their text.
	 */
	private static Map<Integer, String> read(COSStream toUnicode) throws IOException {
		CMap cmap;
		try (var in = toUnicode.createInputStream()) {
			cmap = new CMapParser().parse(new RandomAccessReadBuffer(in));
		}
		Map<Integer, String> mapping = new TreeMap<>();
		for (int code = 0; code <= 0xFFFF; code++) {
			String text = cmap.toUnicode(code, 2);
			if (text != null) {
				mapping.put(code, text);
			}
		}
		return mapping;
	}

	/**
	 * A ToUnicode CMap (PDF 32000-1, 9.10.3) of single-code mappings, at most 100 to a
	 * bfchar block.
	 */
	private static String cmap(Map<Integer, String> mapping) {
		StringBuilder b = new StringBuilder("""
				/CIDInit /ProcSet findresource begin
				12 dict begin
				begincmap
				/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
				/CMapName /Adobe-Identity-UCS def
				/CMapType 2 def
				1 begincodespacerange
				<0000> <FFFF>
				endcodespacerange
				""");
		var entries = mapping.entrySet().stream().toList();
		for (int from = 0; from < entries.size(); from += 100) {
			var block = entries.subList(from, Math.min(from + 100, entries.size()));
			b.append(block.size()).append(" beginbfchar\n");
			for (var entry : block) {
				b.append(String.format("<%04X> <", entry.getKey()));
				entry.getValue().chars().forEach(c -> b.append(String.format("%04X", c)));
				b.append(">\n");
			}
			b.append("endbfchar\n");
		}
		b.append("""
				endcmap
				CMapName currentdict /CMap defineresource pop
				end
				end
				""");
		return b.toString();
	}

}
