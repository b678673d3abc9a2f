package th.raingan.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.ApplicationTest;
import th.raingan.deadline.Recipients;
import th.raingan.org.Groups;
import th.raingan.org.Officers;
import th.raingan.org.People;

/**
 * Profiles the way people use them: a person reads ข้อมูลของฉัน and changes their own
 * phone and e-mail (and nothing else); a bad value is refused in Thai naming the field
 * and nothing is saved; the province's manager edits their people's position and section,
 * another province's manager cannot; an account put in {@code district-4205} through
 * Camunda's own REST API is a Dan Sai officer at once; mails go to the profile's e-mail.
 */
@ApplicationTest
class ProfileApplicationTest {

	static final String ME = "/camunda/api/tasklist/plugin/raingan-people/default/me";

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	Officers officers;

	@Autowired
	People people;

	@Autowired
	Recipients recipients;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aPersonChangesTheirOwnPhoneAndEmailAndNothingElse() throws Exception {
		var me = call("cdo4211a", "GET", "/api/people/me", null);
		assertThat(me.statusCode()).isEqualTo(200);
		Map<?, ?> profile = JSON.readValue(me.body(), Map.class);
		assertThat(profile.get("officeCode")).isEqualTo("4211");
		assertThat(profile.get("officeName")).isEqualTo("สำนักงานพัฒนาชุมชนอำเภอภูหลวง");
		assertThat(profile.get("position")).isEqualTo("นักวิชาการพัฒนาชุมชน (พัฒนากร)");
		assertThat(profile.get("section")).isEqualTo("สพอ.ภูหลวง");
		assertThat((String) profile.get("registeredOn")).matches("\\d{2}/\\d{2}/25\\d{2}");
		String name = (String) profile.get("displayName");

		var saved = call("cdo4211a", "PUT", "/api/people/me", Map.of("phone", "๐๘๑-๒๓๔-๕๖๗๘", "email",
				"new.address@cdd.go.th", "position", "ผู้อำนวยการ", "firstName", "แอบแก้"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		Map<?, ?> after = JSON.readValue(saved.body(), Map.class);
		assertThat(after.get("phone")).isEqualTo("๐๘๑-๒๓๔-๕๖๗๘");
		assertThat(after.get("email")).isEqualTo("new.address@cdd.go.th");
		assertThat(after.get("position")).as("not theirs to change").isEqualTo("นักวิชาการพัฒนาชุมชน (พัฒนากร)");
		assertThat(after.get("displayName")).isEqualTo(name);
		assertThat(people.displayName("cdo4211a")).isEqualTo(name);
		// the district's mails now reach the new address
		assertThat(recipients.of(Groups.district("4211"))).contains("new.address@cdd.go.th", "head4211@raingan.invalid",
				"str4211@raingan.invalid");

		var refused = call("cdo4211a", "PUT", "/api/people/me", Map.of("phone", "12-34", "email", "ไม่ใช่อีเมล"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("โทรศัพท์: รูปแบบเบอร์โทรศัพท์ไม่ถูกต้อง")
			.contains("อีเมล: รูปแบบอีเมลไม่ถูกต้อง");
		assertThat(JSON.readValue(call("cdo4211a", "GET", "/api/people/me", null).body(), Map.class).get("email"))
			.as("nothing saved")
			.isEqualTo("new.address@cdd.go.th");
	}

	@Test
	void theProvinceManagerEditsTheirPeopleAndNoOneElseDoes() throws Exception {
		var edited = call("manager42", "PUT", "/api/people/users/cdo4212b",
				Map.of("position", "นักวิชาการพัฒนาชุมชนชำนาญการ", "section", "สพอ.ผาขาว ฝ่ายส่งเสริม"));
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		assertThat(edited.body()).contains("นักวิชาการพัฒนาชุมชนชำนาญการ");
		assertThat(
				jdbc.queryForObject("select updated_by from raingan.profile where user_id = 'cdo4212b'", String.class))
			.isEqualTo("manager42");

		for (String outsider : new String[] { "manager27", "review42", "head4212", "cdd01" }) {
			var refused = call(outsider, "PUT", "/api/people/users/cdo4212b", Map.of("position", "แอบแก้"));
			assertThat(refused.statusCode()).as(outsider).isEqualTo(403);
		}
		var tooLong = call("manager42", "PUT", "/api/people/users/cdo4212b", Map.of("lastName", "ก".repeat(101)));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("นามสกุล: ยาวเกิน 100 ตัวอักษร");
		// a district office's person cannot become a province manager: the role does not
		// fit the office
		var misfit = call("manager42", "PUT", "/api/people/users/cdo4212b", Map.of("role", "manager"));
		assertThat(misfit.statusCode()).isEqualTo(400);
		assertThat(misfit.body()).contains("บทบาท");
		assertThat(officers.find("cdo4212b")).contains(new Officers.Officer("cdo4212b", "4212", Officers.DISTRICT));

		// moving a person to another district of the province is a change of group
		var moved = call("manager42", "PUT", "/api/people/users/cdo4212b", Map.of("officeCode", "4213"));
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
		assertThat(officers.find("cdo4212b")).contains(new Officers.Officer("cdo4212b", "4213", Officers.DISTRICT));
		assertThat(officers.all("cdo4212b")).hasSize(1);
		var outOfProvince = call("manager42", "PUT", "/api/people/users/cdo4212b", Map.of("officeCode", "2701"));
		assertThat(outOfProvince.statusCode()).isEqualTo(400);
		assertThat(outOfProvince.body()).contains("หน่วยงาน: ท่านย้ายผู้ใช้ได้เฉพาะหน่วยงานในจังหวัดของท่าน");
	}

	@Test
	void anAccountPutInADistrictGroupThroughCamundasRestIsThatDistrictsOfficerAtOnce() throws Exception {
		var user = call("admin", "POST", "/engine-rest/user/create",
				Map.of("profile",
						Map.of("id", "newdansai", "firstName", "มานี", "lastName", "มีนา", "email", "manee@cdd.go.th"),
						"credentials", Map.of("password", "Dansai-2569")));
		assertThat(user.statusCode()).as(user.body()).isIn(200, 204);
		assertThat(officers.find("newdansai")).isEmpty();
		assertThat(call("newdansai", "GET", "/api/budget?fiscalYear=2569&office=4205", null).statusCode())
			.isEqualTo(403);

		var member = call("admin", "PUT", "/engine-rest/group/district-4205/members/newdansai", null);
		assertThat(member.statusCode()).as(member.body()).isEqualTo(204);
		assertThat(officers.find("newdansai")).contains(new Officers.Officer("newdansai", "4205", Officers.DISTRICT));
		assertThat(call("newdansai", "GET", "/api/budget?fiscalYear=2569&office=4205", null).statusCode())
			.isEqualTo(200);
		assertThat(call("newdansai", "GET", "/api/budget?fiscalYear=2569&office=4201", null).statusCode())
			.isEqualTo(403);
		var mine = JSON.readValue(call("newdansai", "GET", "/api/people/me", null).body(), Map.class);
		assertThat(mine.get("officeName")).isEqualTo("สำนักงานพัฒนาชุมชนอำเภอด่านซ้าย");
		assertThat(mine.get("displayName")).isEqualTo("มานี มีนา");
		// a district officer may not read this user through the engine, but sees their
		// Thai name
		assertThat(call("str4205", "GET", "/engine-rest/user/newdansai/profile", null).statusCode()).isIn(403, 404);

		// out of the group, out of the office, at once
		assertThat(call("admin", "DELETE", "/engine-rest/group/district-4205/members/newdansai", null).statusCode())
			.isEqualTo(204);
		assertThat(officers.find("newdansai")).isEmpty();
		assertThat(call("newdansai", "GET", "/api/budget?fiscalYear=2569&office=4205", null).statusCode())
			.isEqualTo(403);
	}

	@Test
	void theProfileScreenAnswersTheSignedInPersonThroughTasklist() throws Exception {
		var session = th.raingan.WebappSession.login(port, "head4201", "head4201");
		var me = session.get(ME);
		assertThat(me.statusCode()).isEqualTo(200);
		Map<?, ?> profile = JSON.readValue(me.body(), Map.class);
		assertThat(profile.get("position")).isEqualTo("พัฒนาการอำเภอ");
		assertThat(((Map<?, ?>) profile.get("permissions")).get("manage")).isEqualTo(false);
		var manager = th.raingan.WebappSession.login(port, "manager42", "manager42");
		Map<?, ?> managerProfile = JSON.readValue(manager.get(ME).body(), Map.class);
		assertThat(((Map<?, ?>) managerProfile.get("permissions")).get("province")).isEqualTo("42");
		var loei = manager.get("/camunda/api/tasklist/plugin/raingan-people/default/offices/4201");
		assertThat(th.raingan.WebappSession.text(loei)).contains("head4201").contains("cdo4201a").contains("str4201");
		assertThat(manager.get("/camunda/api/tasklist/plugin/raingan-people/default/offices/2701").statusCode())
			.isEqualTo(403);
		assertThat(new th.raingan.WebappSession(port).get(ME).statusCode()).isIn(401, 403);
	}

	private HttpResponse<String> call(String user, String method, String path, Object body) throws Exception {
		String password = user.startsWith("str") ? "test" + user.substring(3)
				: user.equals("newdansai") ? "Dansai-2569" : user;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json");
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
