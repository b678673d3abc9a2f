package th.raingan.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.raingan.thai.Clock;
import th.raingan.web.RequestBounds;

/**
 * A report's photos and documents: any number, each at most 2 MB. A photo over the limit
 * is made to fit; any other file over it, an empty file or a type reports cannot carry is
 * refused with a Thai message naming it. An upload is read through a bound: its first 2
 * MB and one byte tell whether it is over the limit, and only a photo is read further, up
 * to {@link #MAX_UPLOAD_BYTES}; a photo over {@link #MAX_PIXELS} (by its header) is
 * refused before anything decodes it.
 */
@Service
public class AttachmentService {

	public static final int MAX_BYTES = 2 * 1024 * 1024;

	/**
	 * The largest photo taken to be made to fit (the bound of the request's body too).
	 */
	public static final int MAX_UPLOAD_BYTES = (int) RequestBounds.UPLOAD_BYTES;

	/**
	 * 40 megapixels: more than any phone's photo (48-megapixel sensors save 12 MP by
	 * default), and decoded (4 bytes a pixel) 160 MB, what the server can afford for one
	 * photo at a time.
	 */
	static final long MAX_PIXELS = 40_000_000;

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
		return add(businessKey, fileName, new ByteArrayInputStream(content == null ? new byte[0] : content),
				content == null ? 0 : content.length, user, kind);
	}

	/**
	 * An upload as it arrives: {@code declared} is its {@code Content-Length} (-1 when
	 * not given); the stream is read only as far as the checks need.
	 */
	@Transactional
	public Attachment add(String businessKey, String fileName, InputStream upload, long declared, String user,
			String kind) {
		if (!Attachment.knownKind(kind)) {
			throw new AttachmentRefused("ไม่รู้จักช่องแนบไฟล์ \"" + kind + "\"");
		}
		String given = cleanName(fileName);
		if (declared > MAX_UPLOAD_BYTES) {
			throw tooLarge(given, declared, MAX_UPLOAD_BYTES);
		}
		byte[] content = read(given, upload, declared);
		if (content.length == 0) {
			throw new AttachmentRefused("ไฟล์ \"" + given + "\" ว่างเปล่า (0 ไบต์) ไม่ได้แนบ");
		}
		String type = types.accepted(content, given)
			.orElseThrow(() -> new AttachmentRefused("ไฟล์ \"" + given
					+ "\" ไม่ใช่ชนิดที่รับได้: แนบได้เฉพาะรูปภาพ (jpg, png), pdf, Word (doc, docx) และ Excel (xls, xlsx) "
					+ "โดยดูจากเนื้อไฟล์ ไม่ใช่จากชื่อ (ไฟล์ Word/Excel ต้องเป็นเอกสารชนิดนั้นจริงและชื่อตรงกับชนิด)"));
		if (FileTypes.isPhoto(type)) {
			checkPixels(given, content);
		}
		String name = given;
		byte[] stored = content;
		if (content.length > MAX_BYTES) {
			if (!FileTypes.isPhoto(type)) {
				throw tooLarge(name, declared > 0 ? declared : content.length, MAX_BYTES);
			}
			stored = shrink(name, content);
			type = FileTypes.JPEG;
			name = name.replaceAll("(?i)\\.(png|jpe?g)$", "") + ".jpg";
		}
		long id = attachments.insert(businessKey, name, type, stored, content.length, user, Clock.now(), kind);
		return attachments.find(id).orElseThrow();
	}

	/**
	 * The upload's bytes: at most 2 MB and one byte, and then, only for a photo, up to
	 * {@link #MAX_UPLOAD_BYTES}.
	 */
	private byte[] read(String name, InputStream upload, long declared) {
		try {
			byte[] head = upload.readNBytes(MAX_BYTES + 1);
			if (head.length <= MAX_BYTES) {
				return head;
			}
			String type = types.accepted(head, name).orElse(null);
			if (!FileTypes.isPhoto(type)) {
				throw tooLarge(name, declared, MAX_BYTES);
			}
			byte[] rest = upload.readNBytes(MAX_UPLOAD_BYTES - head.length + 1);
			if (head.length + rest.length > MAX_UPLOAD_BYTES) {
				throw tooLarge(name, declared, MAX_UPLOAD_BYTES);
			}
			byte[] all = java.util.Arrays.copyOf(head, head.length + rest.length);
			System.arraycopy(rest, 0, all, head.length, rest.length);
			return all;
		}
		catch (IOException ex) {
			throw new AttachmentRefused("อ่านไฟล์ \"" + name + "\" ที่ส่งมาไม่ครบ ไม่ได้แนบ กรุณาแนบใหม่");
		}
	}

	private void checkPixels(String name, byte[] photo) {
		FileTypes.Dimensions size = FileTypes.dimensions(photo)
			.orElseThrow(() -> new AttachmentRefused(
					"รูปภาพ \"" + name + "\" อ่านขนาดภาพไม่ได้ กรุณาบันทึกเป็น jpg แล้วแนบใหม่"));
		if (size.pixels() > MAX_PIXELS) {
			throw new AttachmentRefused("รูปภาพ \"" + name + "\" มีขนาด " + size.width() + " x " + size.height()
					+ " พิกเซล (" + Math.round(size.pixels() / 1_000_000.0) + " ล้านพิกเซล) เกิน "
					+ MAX_PIXELS / 1_000_000 + " ล้านพิกเซลที่รับได้ กรุณาย่อภาพแล้วแนบใหม่");
		}
	}

	private static AttachmentRefused tooLarge(String name, long bytes, int limit) {
		String most = limit / 1024 / 1024 + " MB" + (limit == MAX_BYTES ? "" : " (รูปภาพ)");
		return new AttachmentRefused(bytes > 0
				? "ไฟล์ \"" + name + "\" มีขนาด " + megabytes(bytes) + " MB เกิน " + most
						+ " ที่กำหนด กรุณาลดขนาดไฟล์แล้วแนบใหม่"
				: "ไฟล์ \"" + name + "\" มีขนาดเกิน " + most + " ที่กำหนด กรุณาลดขนาดไฟล์แล้วแนบใหม่");
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

	private static String megabytes(long bytes) {
		return String.format("%.1f", bytes / 1024.0 / 1024.0);
	}

}
