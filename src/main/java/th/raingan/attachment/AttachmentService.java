package th.raingan.attachment;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.raingan.thai.Clock;

/**
 * A report's photos and documents: any number, each at most 2 MB. A photo over the limit
 * is made to fit; any other file over it, an empty file or a type reports cannot carry is
 * refused with a Thai message naming it.
 */
@Service
public class AttachmentService {

	public static final int MAX_BYTES = 2 * 1024 * 1024;

	static final int MAX_NAME = 200;

	private final Attachments attachments;

	private final FileTypes types;

	private final PhotoShrinker shrinker;

	AttachmentService(Attachments attachments, FileTypes types, PhotoShrinker shrinker) {
		this.attachments = attachments;
		this.types = types;
		this.shrinker = shrinker;
	}

	public List<Attachment> list(String businessKey) {
		return attachments.ofReport(businessKey);
	}

	public Optional<Attachment> find(long id) {
		return attachments.find(id);
	}

	public byte[] content(long id) {
		return attachments.content(id);
	}

	@Transactional
	public Attachment add(String businessKey, String fileName, byte[] content, String user) {
		return add(businessKey, fileName, content, user, null);
	}

	/**
	 * A file into a named slot ({@link Attachment#kind()}), with the same checks as any
	 * other.
	 */
	@Transactional
	public Attachment add(String businessKey, String fileName, byte[] content, String user, String kind) {
		if (!Attachment.knownKind(kind)) {
			throw new AttachmentRefused("ไม่รู้จักช่องแนบไฟล์ \"" + kind + "\"");
		}
		String given = cleanName(fileName);
		if (content == null || content.length == 0) {
			throw new AttachmentRefused("ไฟล์ \"" + given + "\" ว่างเปล่า (0 ไบต์) ไม่ได้แนบ");
		}
		String type = types.accepted(content, given)
			.orElseThrow(() -> new AttachmentRefused("ไฟล์ \"" + given
					+ "\" ไม่ใช่ชนิดที่รับได้: แนบได้เฉพาะรูปภาพ (jpg, png), pdf, Word (doc, docx) และ Excel (xls, xlsx) "
					+ "โดยดูจากเนื้อไฟล์ ไม่ใช่จากชื่อ"));
		String name = given;
		byte[] stored = content;
		if (content.length > MAX_BYTES) {
			if (!FileTypes.isPhoto(type)) {
				throw new AttachmentRefused("ไฟล์ \"" + name + "\" มีขนาด " + megabytes(content.length)
						+ " MB เกิน 2 MB ที่กำหนด กรุณาลดขนาดไฟล์แล้วแนบใหม่");
			}
			stored = shrink(name, content);
			type = FileTypes.JPEG;
			name = name.replaceAll("(?i)\\.(png|jpe?g)$", "") + ".jpg";
		}
		long id = attachments.insert(businessKey, name, type, stored, content.length, user, Clock.now(), kind);
		return attachments.find(id).orElseThrow();
	}

	/**
	 * A submission takes the files not yet submitted: they belong to that version from
	 * now on.
	 */
	public int attachToVersion(String businessKey, long versionId) {
		return attachments.attachToVersion(businessKey, versionId);
	}

	public void delete(Attachment attachment) {
		if (!attachments.deleteUnsubmitted(attachment.id())) {
			throw new AttachmentRefused(
					"ไฟล์ \"" + attachment.fileName() + "\" ส่งไปกับรายงานแล้ว ลบไม่ได้ (แนบไฟล์ที่ถูกต้องเพิ่มได้)");
		}
	}

	private byte[] shrink(String name, byte[] photo) {
		try {
			return shrinker.fit(photo, MAX_BYTES);
		}
		catch (IOException ex) {
			throw new AttachmentRefused(
					"รูปภาพ \"" + name + "\" เปิดอ่านไม่ได้ จึงย่อขนาดไม่ได้ กรุณาบันทึกเป็น jpg แล้วแนบใหม่");
		}
	}

	private static String cleanName(String fileName) {
		String name = fileName == null ? "" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		if (name.isEmpty()) {
			name = "ไฟล์";
		}
		return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
	}

	private static String megabytes(int bytes) {
		return String.format("%.1f", bytes / 1024.0 / 1024.0);
	}

}
