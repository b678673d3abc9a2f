package th.raingan.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

/** Test files: photos as phones take them, a PDF, a program dressed as a photo. */
public final class Photos {

	private Photos() {
	}

	/**
	 * A 4000 x 3000 photo of fine detail saved at top quality: well over 8 MB, as a
	 * phone's often is.
	 */
	public static byte[] phonePhoto() throws IOException {
		BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int shade = (x / 40 + y / 40) % 2 == 0 ? 60 : 190;
				int noise = random.nextInt(64);
				image.setRGB(x, y, ((shade + noise) << 16) | ((shade / 2 + noise) << 8) | (255 - shade));
			}
		}
		return jpeg(image, 1.0f);
	}

	public static byte[] smallPng() throws IOException {
		BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 320; x++) {
			image.setRGB(x, 100, 0xff0000);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** A PDF of the given size. */
	public static byte[] pdf(int bytes) {
		byte[] pdf = new byte[bytes];
		byte[] head = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj <<>> endobj\n"
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		System.arraycopy(head, 0, pdf, 0, head.length);
		for (int i = head.length; i < bytes; i++) {
			pdf[i] = (byte) ' ';
		}
		return pdf;
	}

	/** A Windows program (MZ header): what a ".jpg" from a stranger may really be. */
	public static byte[] windowsProgram() {
		byte[] exe = new byte[4096];
		exe[0] = 'M';
		exe[1] = 'Z';
		byte[] pe = "This program cannot be run in DOS mode.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		System.arraycopy(pe, 0, exe, 78, pe.length);
		exe[0x3c] = (byte) 0x80;
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		return exe;
	}

	/**
	 * A PNG whose header says width x height: a small valid PNG with its IHDR rewritten
	 * (and its checksum), a few hundred bytes that would decode to width x height x 4
	 * bytes.
	 */
	public static byte[] pngClaiming(int width, int height) throws IOException {
		byte[] png = smallPng();
		// signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), ...
		java.nio.ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(png, 12, 17);
		java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
		return png;
	}

	/** A Word document (.docx) with one paragraph, as Word saves it (POI). */
	public static byte[] docx() throws IOException {
		try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText("รายงานผลการดำเนินงาน");
			document.write(out);
			return out.toByteArray();
		}
	}

	/** An Excel workbook (.xlsx) with one cell. */
	public static byte[] xlsx() throws IOException {
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.createSheet("งบประมาณ").createRow(0).createCell(0).setCellValue(1000);
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/** A PowerPoint presentation (.pptx) with one slide. */
	public static byte[] pptx() throws IOException {
		try (var show = new org.apache.poi.xslf.usermodel.XMLSlideShow();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			show.createSlide();
			show.write(out);
			return out.toByteArray();
		}
	}

	/** A plain zip archive holding one text file. */
	public static byte[] zip() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var zip = new java.util.zip.ZipOutputStream(out)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
			zip.write("not a document".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	static byte[] jpeg(BufferedImage image, float quality) throws IOException {
		return PhotoShrinker.jpeg(image, quality);
	}

}
