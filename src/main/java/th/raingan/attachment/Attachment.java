package th.raingan.attachment;

import java.util.Date;

/** A stored file of a report; {@code reportVersionId} is null until a submission takes it. */
public record Attachment(long id, String businessKey, Long reportVersionId, String fileName, String mediaType,
		int sizeBytes, int originalBytes, String uploadedBy, Date uploadedAt) {

}
