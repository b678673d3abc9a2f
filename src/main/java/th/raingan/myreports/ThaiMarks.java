package th.raingan.myreports;

/**
 * Places Thai tone marks and vowel signs for a printer that does no OpenType shaping.
 * <p>
 * Why: PDFBox draws one glyph per character at the position its advance gives, without
 * the font's GPOS mark positioning. Laksaman's default tone marks sit high, where they
 * belong above an upper vowel (ที่), so without shaping they float far above a bare
 * consonant (ส่วน, ผู้), and a mark over an ascender (ป่า, ฟ้า) runs into it; a below
 * vowel runs into the tail of ญ ฐ or the descender of ฎ ฏ. The font, like every font made
 * for Windows Thai, also carries the positioned variants in the Private Use Area
 * (U+F700-U+F71A): the tone lowered, shifted left, or both; upper vowels shifted left;
 * below vowels lowered; ญ and ฐ without their tail. This class picks them by the rules
 * Windows (Uniscribe) applies to such fonts, as written down in Theppitak
 * Karoonboonyanan's "Thai OpenType shaping" (linux.thai.net/~thep/th-otf/shaping.html)
 * and implemented by HarfBuzz's Thai PUA fallback and libthai's thrend:
 * <ul>
 * <li>a tone mark over a consonant without an upper vowel is lowered (ค่า, ผู้:
 * U+F70A-F70E), and also shifted left after an ascender consonant ป ฝ ฟ (ป่า, ปู่, ฟ้า:
 * U+F705-F709);</li>
 * <li>after ป ฝ ฟ an upper vowel is shifted left (ปิ: U+F701-F704, ปั: U+F710, ป็:
 * U+F712, ปํ: U+F711) and so is a tone mark over it (ปั้น: U+F713-F717); over another
 * consonant with an upper vowel the tone keeps its high place (ที่, กิ่ง);</li>
 * <li>ญ and ฐ lose their tail above a below vowel (ฐุ: U+F700, ญู: U+F70F); under ฎ ฏ the
 * below vowel is lowered (ฎุ: U+F718-F71A);</li>
 * <li>a tone before SARA AM stays high, above the nikhahit that SARA AM draws (น้ำ), as
 * Uniscribe and HarfBuzz do when they decompose it.</li>
 * </ul>
 * ฬ is not treated as an ascender, as in HarfBuzz: Laksaman's ฬ rises to 652 units, below
 * the upper vowels' 684.
 * <p>
 * Every substitution replaces one character by one character, so the text keeps its
 * length and order: the real Unicode is recovered character by character
 * ({@link #unicode}) for line breaking and for the PDF's ToUnicode map
 * ({@link PrintedThaiText}), and the PDF's text extracts as the Thai that was typed.
 */
final class ThaiMarks {

	private ThaiMarks() {
	}

	private static final char SARA_AM = '\u0E33';

	private enum Base {

		/** most consonants */
		PLAIN,
		/** ป ฝ ฟ: an ascender on the right where the marks go */
		ASCENDER,
		/** ญ ฐ: a tail that is removed above a below vowel */
		REMOVABLE_DESCENDER,
		/** ฎ ฏ: a descender that pushes a below vowel down */
		DESCENDER,
		/** anything else: a mark after it is left alone above, lowered below */
		NOT_CONSONANT

	}

	private enum Mark {

		ABOVE_VOWEL, BELOW_VOWEL, TONE, NONE

	}

	/** What is above the base so far, as in the th-otf state machine. */
	private enum Above {

		/** a consonant with nothing above yet */
		EMPTY,
		/** an ascender consonant with nothing above yet */
		ASCENDER_EMPTY,
		/** an ascender consonant with an upper vowel, shifted left */
		ASCENDER_VOWEL,
		/** full: nothing more to move */
		DONE

	}

	/** What is below the base so far. */
	private enum Below {

		CLEAR, REMOVABLE_TAIL, DESCENDER

	}

	/**
	 * The text with the marks replaced by the positioned glyphs' Private Use code points;
	 * same length.
	 */
	static String place(String text) {
		char[] out = text.toCharArray();
		Above above = Above.DONE;
		Below below = Below.DESCENDER;
		int base = -1;
		for (int i = 0; i < out.length; i++) {
			char c = out[i];
			Mark mark = mark(c);
			if (mark == Mark.NONE) {
				Base type = base(c);
				above = switch (type) {
					case PLAIN, REMOVABLE_DESCENDER, DESCENDER -> Above.EMPTY;
					case ASCENDER -> Above.ASCENDER_EMPTY;
					case NOT_CONSONANT -> Above.DONE;
				};
				below = switch (type) {
					case PLAIN, ASCENDER -> Below.CLEAR;
					case REMOVABLE_DESCENDER -> Below.REMOVABLE_TAIL;
					case DESCENDER, NOT_CONSONANT -> Below.DESCENDER;
				};
				base = i;
				if (type != Base.NOT_CONSONANT && saraAmEndsCluster(text, i + 1)) {
					// SARA AM's nikhahit counts as an upper vowel that comes before the
					// tone (น้ำ)
					above = afterAboveVowel(above);
				}
				continue;
			}
			switch (mark) {
				case TONE -> {
					switch (above) {
						case EMPTY -> out[i] = (char) (0xF70A + c - 0x0E48); // lowered
						case ASCENDER_EMPTY -> out[i] = (char) (0xF705 + c - 0x0E48); // lowered
																						// and
																						// left
						case ASCENDER_VOWEL -> out[i] = (char) (0xF713 + c - 0x0E48); // left,
																						// above
																						// the
																						// vowel
						case DONE -> {
						}
					}
					above = above == Above.ASCENDER_EMPTY ? Above.ASCENDER_VOWEL : Above.DONE;
				}
				case ABOVE_VOWEL -> {
					if (above == Above.ASCENDER_EMPTY) {
						out[i] = shiftedLeft(c);
					}
					above = afterAboveVowel(above);
				}
				case BELOW_VOWEL -> {
					if (below == Below.REMOVABLE_TAIL) {
						out[base] = out[base] == '\u0E0D' ? '\uF70F' : '\uF700'; // ญ, ฐ
																					// without
																					// the
																					// tail
					}
					else if (below == Below.DESCENDER) {
						out[i] = (char) (0xF718 + c - 0x0E38); // lowered under ฎ ฏ (or a
																// second below mark)
					}
					below = Below.DESCENDER;
				}
				default -> throw new IllegalStateException(); // NONE was handled as a
																// base above
			}
		}
		return new String(out);
	}

	/**
	 * The Unicode text behind a placed one: every Private Use glyph back to the character
	 * it positions.
	 */
	static String unicode(String placed) {
		char[] out = placed.toCharArray();
		for (int i = 0; i < out.length; i++) {
			out[i] = (char) unicode(out[i]);
		}
		return new String(out);
	}

	/**
	 * The character a positioned glyph's code point stands for; any other code point
	 * unchanged.
	 */
	static int unicode(int c) {
		if (c < 0xF700 || c > 0xF71A) {
			return c;
		}
		if (c == 0xF700) {
			return 0x0E10; // ฐ
		}
		if (c <= 0xF704) {
			return 0x0E34 + c - 0xF701; // ิ ี ึ ื
		}
		if (c <= 0xF709) {
			return 0x0E48 + c - 0xF705; // tone, lowered and left
		}
		if (c <= 0xF70E) {
			return 0x0E48 + c - 0xF70A; // tone, lowered
		}
		if (c == 0xF70F) {
			return 0x0E0D; // ญ
		}
		if (c <= 0xF712) {
			return new int[] { 0x0E31, 0x0E4D, 0x0E47 }[c - 0xF710]; // ั ํ ็
		}
		if (c <= 0xF717) {
			return 0x0E48 + c - 0xF713; // tone, left
		}
		return 0x0E38 + c - 0xF718; // ุ ู ฺ lowered
	}

	private static Above afterAboveVowel(Above above) {
		return above == Above.ASCENDER_EMPTY ? Above.ASCENDER_VOWEL : Above.DONE;
	}

	/** Whether the marks from {@code from} on are followed by SARA AM. */
	private static boolean saraAmEndsCluster(String text, int from) {
		int j = from;
		while (j < text.length() && mark(text.charAt(j)) != Mark.NONE) {
			j++;
		}
		return j < text.length() && text.charAt(j) == SARA_AM;
	}

	private static char shiftedLeft(char aboveVowel) {
		return switch (aboveVowel) {
			case '\u0E31' -> '\uF710';
			case '\u0E34', '\u0E35', '\u0E36', '\u0E37' -> (char) (0xF701 + aboveVowel - 0x0E34);
			case '\u0E47' -> '\uF712';
			case '\u0E4D' -> '\uF711';
			default -> aboveVowel; // ๎ (yamakkan) has no shifted glyph
		};
	}

	private static Base base(char c) {
		return switch (c) {
			case '\u0E1B', '\u0E1D', '\u0E1F' -> Base.ASCENDER; // ป ฝ ฟ
			case '\u0E0D', '\u0E10' -> Base.REMOVABLE_DESCENDER; // ญ ฐ
			case '\u0E0E', '\u0E0F' -> Base.DESCENDER; // ฎ ฏ
			default -> c >= '\u0E01' && c <= '\u0E2E' ? Base.PLAIN : Base.NOT_CONSONANT;
		};
	}

	private static Mark mark(char c) {
		if (c == '\u0E31' || c >= '\u0E34' && c <= '\u0E37' || c == '\u0E47' || c == '\u0E4D' || c == '\u0E4E') {
			return Mark.ABOVE_VOWEL;
		}
		if (c >= '\u0E38' && c <= '\u0E3A') {
			return Mark.BELOW_VOWEL;
		}
		if (c >= '\u0E48' && c <= '\u0E4C') {
			return Mark.TONE;
		}
		return Mark.NONE;
	}

}
