package th.raingan.myreports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.stream.IntStream;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where each tone mark and vowel sign of a word is printed, written as the glyph chosen
 * for it: a tone over a bare consonant lowered, over ป ฝ ฟ also shifted left, over an
 * upper vowel left high; ญ ฐ without their tail above a below vowel. Each word comes back
 * whole as Unicode, and the printout's fonts have every glyph chosen.
 */
class ThaiMarksTest {

	@ParameterizedTest(name = "{0} prints as {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					ที่          | ที่                               | a tone above an upper vowel stays high
					นี้          | นี้                               | a tone above an upper vowel stays high
					กิ่ง         | กิ่ง                              | a tone above an upper vowel stays high
					ผู้          | ผู\uF70B                          | over a bare consonant (a below vowel only) MAI THO is lowered
					หมู่         | หมู\uF70A                         | MAI EK lowered
					ส่วนที่      | ส\uF70Aวนที่                      | lowered over ส, high over ี
					ค่าใช้จ่าย   | ค\uF70Aาใช\uF70Bจ\uF70Aาย         | each tone lowered
					ปู่          | ปู\uF705                          | over ป lowered and shifted left, clear of the ascender
					ป่า          | ป\uF705า                          | lowered and shifted left
					ฟ้า          | ฟ\uF706า                          | MAI THO lowered and shifted left
					ปิ่น         | ป\uF701\uF713น                    | after ป the upper vowel and the tone above it shift left
					ปั้น         | ป\uF710\uF714น                    | MAI HAN-AKAT and MAI THO shift left
					ฝั่ง         | ฝ\uF710\uF713ง                    | the same over ฝ
					น้ำ          | น้ำ                               | a tone before SARA AM stays high, above its nikhahit
					ญี่ปุ่น      | ญี่ปุ\uF705น                      | ญ keeps its tail under an upper vowel; ปุ่ lowered and left
					ฐุ           | \uF700ุ                           | ฐ without its tail above SARA U
					ญู           | \uF70Fู                           | ญ without its tail above SARA UU
					ฎุ           | ฎ\uF718                           | under ฎ SARA U is lowered
					ฬิ่          | ฬิ่                               | ฬ is not an ascender in this font: nothing moves
					ตำบลกุดป่อง หมู่ 1 | ตำบลกุดป\uF705อง หมู\uF70A 1 | a place name as typed in an area row
					""")
	void eachMarkIsPrintedWithTheGlyphForItsPlace(String word, String printed, String why) {
		assertThat(ThaiMarks.place(word)).as(why).isEqualTo(printed);
		assertThat(ThaiMarks.unicode(printed)).as("the word comes back as typed").isEqualTo(word);
	}

	@Test
	void textOtherThanThaiMarksIsLeftAlone() {
		String text = "<p class=\"n\">801-112-P0167 (B1) 3,000.00 บาท &amp; 2570</p>";
		assertThat(ThaiMarks.place(text)).isEqualTo(text);
	}

	@Test
	void everyPositionedGlyphMapsBackToOneThaiCharacter() {
		assertThat(IntStream.rangeClosed(0xF700, 0xF71A).map(ThaiMarks::unicode))
			.allMatch(c -> c >= 0x0E01 && c <= 0x0E4E);
		assertThat(ThaiMarks.unicode("\uF705\uF70E\uF717\uF712\uF711\uF71A"))
			.isEqualTo("\u0E48\u0E4C\u0E4C\u0E47\u0E4D\u0E3A");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Laksaman.ttf", "Laksaman-Bold.ttf" })
	void thePrintoutsFontsHaveEveryPositionedGlyph(String file) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/print/fonts/" + file)) {
			TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
			CmapLookup cmap = font.getUnicodeCmapLookup();
			assertThat(IntStream.rangeClosed(0xF700, 0xF71A).filter(c -> cmap.getGlyphId(c) == 0))
				.as("Private Use code points without a glyph in " + file)
				.isEmpty();
			// the lowered MAI EK really is lower than the default one, which sits above
			// an upper vowel
			assertThat(font.getGlyph().getGlyph(cmap.getGlyphId(0xF70A)).getYMaximum())
				.isLessThan(font.getGlyph().getGlyph(cmap.getGlyphId(0x0E48)).getYMinimum());
			font.close();
		}
	}

}
