package th.raingan.attachment;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * What a file is, by its content (Apache Tika reads its first bytes), not by its name: a
 * ".jpg" that is really a program is not a photo. The name only tells apart the Office
 * formats that share a container.
 */
@Component
class FileTypes {

	static final String JPEG = "image/jpeg";

	static final String PNG = "image/png";

	/** What reports may carry: photos, PDF, Word and Excel (seeds 000-002). */
	private static final Map<String, String> ACCEPTED = Map.of(JPEG, JPEG, PNG, PNG, "application/pdf",
			"application/pdf", "application/msword", "application/msword", "application/vnd.ms-excel",
			"application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Tika tika = new Tika();

	/** The accepted media type of the content, or empty when reports cannot carry it. */
	Optional<String> accepted(byte[] content, String fileName) {
		String detected = tika.detect(content, fileName);
		String name = fileName.toLowerCase(Locale.ROOT);
		if ("application/x-tika-msoffice".equals(detected)) {
			detected = name.endsWith(".xls") ? "application/vnd.ms-excel" : "application/msword";
		}
		else if ("application/x-tika-ooxml".equals(detected) || "application/zip".equals(detected)) {
			detected = name.endsWith(".docx")
					? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : name.endsWith(".xlsx")
							? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : detected;
		}
		return Optional.ofNullable(ACCEPTED.get(detected));
	}

	static boolean isPhoto(String mediaType) {
		return JPEG.equals(mediaType) || PNG.equals(mediaType);
	}

}
