package th.raingan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.raingan.ApplicationTest;

/** What a report's files may be, stored in the report's database. */
@ApplicationTest
class AttachmentServiceTest {

	@Autowired
	AttachmentService attachments;

	final String report = "attach-" + UUID.randomUUID();

	@Test
	void anEightMegabytePhonePhotoIsStoredLegibleUnderTwoMegabytes() throws Exception {
		byte[] photo = Photos.phonePhoto();
		assertThat(photo.length).as("the phone's photo").isGreaterThan(8 * 1024 * 1024);

		Attachment stored = attachments.add(report, "IMG_2041.JPG", photo, "str4201");

		assertThat(stored.sizeBytes()).isLessThanOrEqualTo(AttachmentService.MAX_BYTES);
		assertThat(stored.originalBytes()).isEqualTo(photo.length);
		assertThat(stored.mediaType()).isEqualTo("image/jpeg");
		assertThat(stored.fileName()).isEqualTo("IMG_2041.jpg");
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(attachments.content(stored.id())));
		assertThat(decoded).as("still a picture").isNotNull();
		assertThat(Math.max(decoded.getWidth(), decoded.getHeight())).as("long side").isGreaterThanOrEqualTo(1200);
		assertThat((double) decoded.getWidth() / decoded.getHeight()).as("proportions kept")
			.isCloseTo(4.0 / 3, org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void aPdfOverTwoMegabytesIsRefusedNamingTheFile() {
		assertThatThrownBy(() -> attachments.add(report, "สรุปผลโครงการ.pdf", Photos.pdf(3 * 1024 * 1024), "str4201"))
			.isInstanceOf(AttachmentRefused.class)
			.hasMessage("ไฟล์ \"สรุปผลโครงการ.pdf\" มีขนาด 3.0 MB เกิน 2 MB ที่กำหนด กรุณาลดขนาดไฟล์แล้วแนบใหม่");
		assertThat(attachments.list(report)).isEmpty();
	}

	@Test
	void aJpgThatIsReallyAProgramIsRefused() {
		assertThatThrownBy(() -> attachments.add(report, "รูปกิจกรรม.jpg", Photos.windowsProgram(), "str4201"))
			.isInstanceOf(AttachmentRefused.class)
			.hasMessageStartingWith("ไฟล์ \"รูปกิจกรรม.jpg\" ไม่ใช่ชนิดที่รับได้");
	}

	@Test
	void anEmptyFileIsRefused() {
		assertThatThrownBy(() -> attachments.add(report, "ว่าง.pdf", new byte[0], "str4201"))
			.isInstanceOf(AttachmentRefused.class)
			.hasMessage("ไฟล์ \"ว่าง.pdf\" ว่างเปล่า (0 ไบต์) ไม่ได้แนบ");
	}

	@Test
	void smallFilesAreKeptAsTheyAre() throws Exception {
		byte[] png = Photos.smallPng();
		Attachment stored = attachments.add(report, "แผนที่.png", png, "str4201");
		assertThat(stored.mediaType()).isEqualTo("image/png");
		assertThat(attachments.content(stored.id())).isEqualTo(png);
		Attachment pdf = attachments.add(report, "หนังสือ.pdf", Photos.pdf(10_000), "str4201");
		assertThat(pdf.mediaType()).isEqualTo("application/pdf");
		assertThat(attachments.list(report)).extracting(Attachment::fileName)
			.containsExactly("แผนที่.png", "หนังสือ.pdf");
	}

	@Test
	void aPhotoTakenSidewaysIsTurnedUpright() {
		BufferedImage landscape = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
		landscape.setRGB(0, 0, 0xff0000);
		BufferedImage upright = PhotoShrinker.upright(landscape, 6); // EXIF 6: the camera
																		// was turned
																		// clockwise
		assertThat(upright.getWidth()).isEqualTo(100);
		assertThat(upright.getHeight()).isEqualTo(200);
		assertThat(upright.getRGB(99, 0) & 0xffffff).as("the top-left corner is now top-right").isEqualTo(0xff0000);
		BufferedImage turned = PhotoShrinker.upright(landscape, 3);
		assertThat(turned.getRGB(199, 99) & 0xffffff).isEqualTo(0xff0000);
	}

	@Test
	void anOfficeFileMustBeADocumentOfItsType() throws Exception {
		assertThat(attachments.add(report, "รายงาน.docx", Photos.docx(), "str4201").mediaType())
			.isEqualTo(FileTypes.DOCX);
		assertThat(attachments.add(report, "งบ.xlsx", Photos.xlsx(), "str4201").mediaType()).isEqualTo(FileTypes.XLSX);
		java.util.Map<String, byte[]> fakes = new java.util.LinkedHashMap<>();
		fakes.put("zip.docx", Photos.zip());
		fakes.put("zip.xlsx", Photos.zip());
		fakes.put("slides.docx", Photos.pptx());
		fakes.put("slides.pptx", Photos.pptx());
		fakes.put("workbook.docx", Photos.xlsx());
		fakes.put("document.xlsx", Photos.docx());
		fakes.forEach(
				(name, content) -> assertThatThrownBy(() -> attachments.add(report, name, content, "str4201")).as(name)
					.isInstanceOf(AttachmentRefused.class)
					.hasMessageStartingWith("ไฟล์ \"" + name + "\" ไม่ใช่ชนิดที่รับได้"));
		assertThat(attachments.list(report)).hasSize(2);
	}

	@Test
	void aPhotoOverFortyMegapixelsIsRefusedFromItsHeaderBeforeDecoding() throws Exception {
		byte[] huge = Photos.pngClaiming(16000, 16000);
		assertThat(huge.length).as("a few hundred bytes").isLessThan(10_000);
		assertThatThrownBy(() -> attachments.add(report, "ผัง.png", huge, "str4201"))
			.isInstanceOf(AttachmentRefused.class)
			.hasMessage("รูปภาพ \"ผัง.png\" มีขนาด 16000 x 16000 พิกเซล (256 ล้านพิกเซล) เกิน 40 ล้านพิกเซลที่รับได้ "
					+ "กรุณาย่อภาพแล้วแนบใหม่");
		// just over 40 MP
		assertThatThrownBy(() -> attachments.add(report, "ภาพ.png", Photos.pngClaiming(8000, 5001), "str4201"))
			.hasMessageContaining("เกิน 40 ล้านพิกเซล");
		assertThat(attachments.list(report)).isEmpty();
	}

	@Test
	void anUploadIsReadOnlyAsFarAsItsChecksNeed() {
		// a PDF of 50 MB without a length: refused after its first 2 MB and one byte
		CountingStream pdf = new CountingStream(Photos.pdf(4096), 50L * 1024 * 1024);
		assertThatThrownBy(() -> attachments.add(report, "ใหญ่.pdf", pdf, -1, "str4201", null))
			.isInstanceOf(AttachmentRefused.class)
			.hasMessage("ไฟล์ \"ใหญ่.pdf\" มีขนาดเกิน 2 MB ที่กำหนด กรุณาลดขนาดไฟล์แล้วแนบใหม่");
		assertThat(pdf.read).isEqualTo(AttachmentService.MAX_BYTES + 1);
		// declared over the photos' ceiling: not read at all
		CountingStream declared = new CountingStream(Photos.pdf(4096), 50L * 1024 * 1024);
		assertThatThrownBy(() -> attachments.add(report, "ใหญ่.jpg", declared, 50L * 1024 * 1024, "str4201", null))
			.hasMessage("ไฟล์ \"ใหญ่.jpg\" มีขนาด 50.0 MB เกิน 20 MB (รูปภาพ) ที่กำหนด กรุณาลดขนาดไฟล์แล้วแนบใหม่");
		assertThat(declared.read).isZero();
		assertThat(attachments.list(report)).isEmpty();
	}

	/** A stream of the given length starting with a head, counting what was read. */
	static final class CountingStream extends java.io.InputStream {

		final byte[] head;

		final long length;

		long read;

		CountingStream(byte[] head, long length) {
			this.head = head;
			this.length = length;
		}

		@Override
		public int read() {
			if (read >= length) {
				return -1;
			}
			int b = read < head.length ? head[(int) read] & 0xff : ' ';
			read++;
			return b;
		}

	}

}
