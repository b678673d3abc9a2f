package th.raingan.myreports;

/**
 * The project's Thai PDF printing (Laksaman, Thai line breaking and marks), for any printed document: give it
 * XHTML whose font-family is {@value ReportPrint#FONT}.
 */
public final class ThaiPdf {

	public static final String FONT = ReportPrint.FONT;

	private ThaiPdf() {
	}

	public static byte[] render(String xhtml) {
		return ReportPrint.render(xhtml);
	}

}
