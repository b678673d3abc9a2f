package th.raingan.attachment;

import java.util.Date;

/**
 * A stored file of a report; {@code reportVersionId} is null until a submission takes it.
 * {@code kind} names the upload slot: null for the general ไฟล์แนบ, {@link #KIND_EA4} for
 * the data form (แบบจัดเก็บข้อมูล EA4), {@link #KIND_EA4_PROVINCE} for the province's EA4
 * summary (th.raingan.evaluation).
 */
public record Attachment(long id, String businessKey, Long reportVersionId, String fileName, String mediaType,
		int sizeBytes, int originalBytes, String uploadedBy, Date uploadedAt, String kind) {

	public static final String KIND_EA4 = "ea4";

	public static final String KIND_EA4_PROVINCE = "ea4-province";

	/** The slots a file may be uploaded into: null (general), ea4, ea4-province. */
	public static boolean knownKind(String kind) {
		return kind == null || KIND_EA4.equals(kind) || KIND_EA4_PROVINCE.equals(kind);
	}

}
