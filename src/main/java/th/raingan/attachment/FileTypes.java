package th.raingan.attachment;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.springframework.stereotype.Component;

/**
 * What a file is, by its content, not by its name: a ".jpg" that is really a program is
 * not a photo, and a ".docx" that is any other zip is not a Word document. Apache Tika
 * reads the first bytes; for a zip it opens the container (Tika's OOXML detector reads
 * {@code [Content_Types].xml} and the main relationship), so a Word document, an Excel
 * workbook and a PowerPoint file are told apart by what they hold. The name must agree
 * with the Office type found.
 */
@Component
class FileTypes {

	static final String JPEG = "image/jpeg";

	static final String PNG = "image/png";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** What reports may carry: photos, PDF, Word and Excel (seeds 000-002). */
	private static final Map<String, String> ACCEPTED = Map.of(JPEG, JPEG, PNG, PNG, "application/pdf",
			"application/pdf", "application/msword", "application/msword", "application/vnd.ms-excel",
			"application/vnd.ms-excel", DOCX, DOCX, XLSX, XLSX);

	/** The Office types whose name must agree with the content. */
	private static final Map<String, String> EXTENSIONS = Map.of(DOCX, ".docx", XLSX, ".xlsx");

	/**
	 * Tika's detectors found on the class path (magic bytes, the OLE2 and zip container
	 * detectors), without its parsers.
	 */
	private final Detector detector = new DefaultDetector();

	/** The accepted media type of the content, or empty when reports cannot carry it. */
	Optional<String> accepted(byte[] content, String fileName) {
		String detected = detect(content);
		String name = fileName.toLowerCase(Locale.ROOT);
		if ("application/x-tika-msoffice".equals(detected)) {
			detected = name.endsWith(".xls") ? "application/vnd.ms-excel" : "application/msword";
		}
		String extension = EXTENSIONS.get(detected);
		if (extension != null && (name.endsWith(".docx") || name.endsWith(".xlsx")) && !name.endsWith(extension)) {
			// an Excel workbook named .docx (or the reverse) would not open in the
			// program its name promises
			return Optional.empty();
		}
		return Optional.ofNullable(ACCEPTED.get(detected));
	}

	/**
	 * By the content alone: given the name, Tika takes a zip for what a ".docx" name says
	 * when no container detector recognises it.
	 */
	private String detect(byte[] content) {
		Metadata metadata = new Metadata();
		try (TikaInputStream in = TikaInputStream.get(content)) {
			return detector.detect(in, metadata).getBaseType().toString();
		}
		catch (IOException | RuntimeException ex) {
			return "application/octet-stream";
		}
	}

	static boolean isPhoto(String mediaType) {
		return JPEG.equals(mediaType) || PNG.equals(mediaType);
	}

	/**
	 * A photo's size in pixels as its header states it, read without decoding the image
	 * (a 16000 x 16000 PNG of 2 MB decodes to 1 GB); empty when no reader understands the
	 * header.
	 */
	static Optional<Dimensions> dimensions(byte[] photo) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(photo))) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				return Optional.of(new Dimensions(reader.getWidth(0), reader.getHeight(0)));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** A photo's width and height in pixels. */
	record Dimensions(int width, int height) {

		long pixels() {
			return (long) width * height;
		}

	}

}
