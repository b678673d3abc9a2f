package th.raingan.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.org.Groups;
import th.raingan.org.Officers;

/**
 * Bulk onboarding as a province does it: a 100-row CSV with 5 bad rows is refused as a
 * whole with every bad row named (line, column, Thai reason), then its 95 good rows are
 * taken on request; the same file saved by Thai Excel (Windows-874) reads the same; a
 * file in another encoding is refused naming it. Through the screen's backend (a
 * signed-in Tasklist session with its CSRF token) and through {@code /api/people/import}.
 */
@ApplicationTest
class OnboardingImportTest {

	static final String IMPORT = "/camunda/api/tasklist/plugin/raingan-people/default/import";

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	Officers officers;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aFileWithBadRowsWritesNothingListsEveryBadRowAndTakesTheValidRowsOnRequest() throws Exception {
		WebappSession manager = WebappSession.login(port, "manager27", "manager27");
		byte[] csv = OnboardingCsv.hundredWithFiveBad("imp").getBytes(StandardCharsets.UTF_8);

		Map<?, ?> first = post(manager, IMPORT + "?takeValidRows=false", csv, 422);
		assertThat(first.get("written")).isEqualTo(false);
		assertThat(first.get("encoding")).isEqualTo("UTF-8");
		assertThat(first.get("rows")).isEqualTo(100);
		assertThat(first.get("valid")).isEqualTo(95);
		List<Map<String, Object>> problems = problems(first);
		assertThat(problems).extracting(p -> p.get("line")).containsExactly(8, 21, 35, 50, 50, 77);
		assertThat(problems).extracting(p -> p.get("field") + ": " + p.get("message"))
			.satisfiesExactly(p -> assertThat(p).startsWith("รหัสผู้ใช้ (user_id)").contains("ซ้ำกับแถวที่ 6"),
					p -> assertThat(p).startsWith("รหัสหน่วยงาน (office_code)").contains("ไม่พบหน่วยงานรหัส \"2799\""),
					p -> assertThat(p).startsWith("บทบาท (role)").contains("ไม่ตรงกับหน่วยงาน"),
					p -> assertThat(p).startsWith("อีเมล (email)").contains("รูปแบบอีเมลไม่ถูกต้อง"),
					p -> assertThat(p).startsWith("โทรศัพท์ (phone)").contains("รูปแบบเบอร์โทรศัพท์ไม่ถูกต้อง"),
					p -> assertThat(p).startsWith("ชื่อ (first_name_th)").contains("ยาวเกิน 100 ตัวอักษร"));
		assertThat(first.get("message").toString()).contains("5 แถว").contains("ยังไม่ได้นำเข้าผู้ใช้ใด");
		assertThat(identity.createUserQuery().userIdIn("imp001", "imp100").count()).as("nothing written").isZero();

		Map<?, ?> taken = post(manager, IMPORT + "?takeValidRows=true", csv, 200);
		assertThat(taken.get("written")).isEqualTo(true);
		List<Map<String, Object>> created = list(taken.get("created"));
		assertThat(created).hasSize(95);
		assertThat(created).allSatisfy(c -> assertThat((String) c.get("password")).hasSize(12));
		assertThat(created.stream().map(c -> c.get("password")).distinct().count()).isEqualTo(95);
		// each first password passes the password policy for its user (names, id, e-mail)
		assertThat(created).allSatisfy(c -> assertThat(identity
			.checkPasswordAgainstPolicy((String) c.get("password"),
					identity.createUserQuery().userId((String) c.get("userId")).singleResult())
			.isValid()).as("%s", c.get("password")).isTrue());
		assertThat(problems(taken)).hasSize(6);

		// the new people are who their groups say, at once; their profile holds the rest;
		// they can sign in
		assertThat(officers.find("imp002")).contains(new Officers.Officer("imp002", "2703", Officers.DISTRICT));
		assertThat(identity.createUserQuery().memberOfGroup(Groups.district("2703")).userId("imp002").count()).isOne();
		assertThat(
				jdbc.queryForObject("select position_th from raingan.profile where user_id = 'imp010'", String.class))
			.isEqualTo("พัฒนาการอำเภอ");
		assertThat(jdbc.queryForObject("select phone from raingan.profile where user_id = 'imp002'", String.class))
			.isEqualTo("0800000002");
		String password = (String) created.get(1).get("password");
		assertThat(identity.checkPassword((String) created.get(1).get("userId"), password)).isTrue();
		// the passwords are not kept anywhere the project can read them
		assertThat(jdbc.queryForObject(
				"select count(*) from raingan.profile where user_id like 'imp%' and (phone = ? or position_th = ?)",
				Integer.class, password, password))
			.isZero();

		// the same file again: every row is refused (its user exists now, or it was bad),
		// and nothing is written
		Map<?, ?> again = post(manager, IMPORT, csv, 422);
		assertThat(problems(again).stream().map(p -> p.get("line")).distinct().count()).isEqualTo(100);
		assertThat(again.get("valid")).isEqualTo(0);
	}

	@Test
	void theSameFileSavedByThaiExcelInWindows874IsReadAlike() throws Exception {
		WebappSession admin = WebappSession.login(port, "admin", "admin");
		byte[] tis620 = OnboardingCsv.hundredWithFiveBad("tis").getBytes(Charset.forName("x-windows-874"));
		assertThat(new String(tis620, StandardCharsets.ISO_8859_1)).doesNotContain("ส"); // really
																							// not
																							// UTF-8

		Map<?, ?> checked = post(admin, IMPORT, tis620, 422);
		assertThat(checked.get("encoding")).isEqualTo("Windows-874 (TIS-620)");
		assertThat(problems(checked)).extracting(p -> p.get("line")).containsExactly(8, 21, 35, 50, 50, 77);
		assertThat(problems(checked).get(0).get("message").toString()).contains("ซ้ำกับแถวที่ 6");

		Map<?, ?> taken = post(admin, IMPORT + "?takeValidRows=true", tis620, 200);
		assertThat(list(taken.get("created"))).hasSize(95);
		assertThat(identity.createUserQuery().userId("tis002").singleResult().getLastName()).isEqualTo("ทดสอบนำเข้า");
	}

	@Test
	void aFileInAnotherEncodingIsRefusedNamingIt() throws Exception {
		WebappSession admin = WebappSession.login(port, "admin", "admin");
		String row = OnboardingCsv.HEADER + "\r\n4201,utf16a,สมชาย,ใจดี,,,a@cdd.go.th,,district\r\n";
		Map<?, ?> utf16 = post(admin, IMPORT, withBom(row), 400);
		assertThat(problems(utf16).get(0).get("message").toString()).contains("UTF-16");
		// Latin-1 bytes with no Thai letter in them: neither UTF-8 nor a Thai file
		Map<?, ?> latin = post(admin, IMPORT,
				(OnboardingCsv.HEADER + "\r\n4201,latin1,Ren\u00e9,M\u00fcller,,,a@cdd.go.th,,district\r\n")
					.getBytes(StandardCharsets.ISO_8859_1),
				400);
		assertThat(problems(latin).get(0).get("field")).isEqualTo("การเข้ารหัสไฟล์");
		assertThat(problems(latin).get(0).get("message").toString()).contains("UTF-8").contains("Windows-874");
		assertThat(identity.createUserQuery().userIdIn("utf16a", "latin1").count()).isZero();
	}

	@Test
	void aManagerOnboardsOnlyTheirOwnProvinceAndOthersNotAtAll() throws Exception {
		String loei = OnboardingCsv.HEADER
				+ "\r\n4201,mgrown1,สมหญิง,ใจงาม,พัฒนากร,สพอ.เมืองเลย,mgrown1@cdd.go.th,042-811773,district\r\n";
		String sakaeo = OnboardingCsv.HEADER
				+ "\r\n2701,mgrother1,สมหญิง,ใจงาม,พัฒนากร,สพอ.เมืองสระแก้ว,x@cdd.go.th,,district\r\n";
		WebappSession manager27 = WebappSession.login(port, "manager27", "manager27");
		Map<?, ?> foreign = post(manager27, IMPORT + "?takeValidRows=true", loei.getBytes(StandardCharsets.UTF_8), 422);
		assertThat(problems(foreign).get(0).get("field")).isEqualTo("รหัสหน่วยงาน (office_code)");
		assertThat(problems(foreign).get(0).get("message").toString()).contains("เฉพาะหน่วยงานในจังหวัดของท่าน");
		assertThat(identity.createUserQuery().userId("mgrown1").count()).isZero();
		post(manager27, IMPORT, sakaeo.getBytes(StandardCharsets.UTF_8), 200);
		assertThat(officers.find("mgrother1").map(Officers.Officer::officeCode)).contains("2701");

		// a reviewer, a district officer and a district head import nothing
		for (String user : List.of("review42", "str4201", "head4201")) {
			WebappSession session = WebappSession.login(port, user, user.equals("str4201") ? "test4201" : user);
			var answer = session.post(IMPORT, loei.getBytes(StandardCharsets.UTF_8));
			assertThat(answer.statusCode()).as(user).isEqualTo(403);
		}
		assertThat(identity.createUserQuery().userId("mgrown1").count()).isZero();
	}

	private static byte[] withBom(String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
		byte[] bytes = new byte[body.length + 2];
		bytes[0] = (byte) 0xFF;
		bytes[1] = (byte) 0xFE;
		System.arraycopy(body, 0, bytes, 2, body.length);
		return bytes;
	}

	private static Map<?, ?> post(WebappSession session, String path, byte[] body, int status) throws Exception {
		var response = session.post(path, body);
		assertThat(response.statusCode()).as(WebappSession.text(response)).isEqualTo(status);
		return JSON.readValue(response.body(), Map.class);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> problems(Map<?, ?> result) {
		return (List<Map<String, Object>>) result.get("problems");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

}
