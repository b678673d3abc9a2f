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

}
