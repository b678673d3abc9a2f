package th.raingan.myreports;

/**
 * The printed documents' PDF setup, for other capabilities' printouts (th.raingan.evaluation): XHTML laid out
 * exactly as a report's printout is ({@link ReportPrint}: Laksaman embedded, Thai line breaking, marks placed,
 * Unicode text restored). The page's CSS should name the font family {@value ReportPrint#FONT}.
 */
public final class ThaiPdf {

	public static final String FONT = ReportPrint.FONT;

	private ThaiPdf() {
	}

	public static byte[] render(String xhtml) {
		return ReportPrint.render(xhtml);
	}

}
