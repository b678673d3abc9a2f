package th.raingan.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The rules of a profile's values and of an uploaded file's encoding, without an engine.
 */
class ProfileFieldsTest {

	@Test
	void phonesAsThaiOfficesWriteThem() {
		for (String ok : new String[] { "042-811773", "0 4281 1773", "081-234-5678", "๐๘๑๒๓๔๕๖๗๘", "37242965",
				"+66 42 811 773", "042-811773 ต่อ 12", "" }) {
			assertThat(ProfileFields.phone(ok)).as(ok).isEmpty();
		}
		for (String bad : new String[] { "12-34", "โทร 042", "0812345678901", "abc" }) {
			assertThat(ProfileFields.phone(bad)).as(bad)
				.hasValueSatisfying(m -> assertThat(m).contains("เบอร์โทรศัพท์"));
		}
	}

	@Test
	void emailsAndNames() {
		assertThat(ProfileFields.email("cddmsk5555@hotmail.com")).isEmpty();
		assertThat(ProfileFields.email("")).hasValueSatisfying(m -> assertThat(m).contains("ต้องระบุ"));
		assertThat(ProfileFields.email("somchai@cdd")).isPresent();
		assertThat(ProfileFields.email("ไม่มี@cdd.go.th")).isPresent();
		assertThat(ProfileFields.name("บิ่งอร")).isEmpty();
		assertThat(ProfileFields.name("ก".repeat(101))).hasValueSatisfying(m -> assertThat(m).contains("ยาวเกิน 100"));
		assertThat(ProfileFields.userId("Somchai.J")).isPresent();
		assertThat(ProfileFields.userId("head4201")).isEmpty();
	}

	@Test
	void aThaiExcelFileIsReadAndAnotherEncodingIsNamed() throws Exception {
		String text = "office_code,first_name_th\r\n4201,บิ่งอร\r\n";
		assertThat(CsvText.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(new CsvText(text, CsvText.UTF_8));
		assertThat(CsvText.decode(text.getBytes(Charset.forName("x-windows-874"))))
			.isEqualTo(new CsvText(text, CsvText.WINDOWS_874));
		byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
		assertThat(CsvText.decode(bom).text()).isEqualTo(text);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> CsvText.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE)))
			.hasMessageContaining("UTF-16");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> CsvText.decode("Müller".getBytes(StandardCharsets.ISO_8859_1)))
			.hasMessageContaining("Windows-874");
	}

}
