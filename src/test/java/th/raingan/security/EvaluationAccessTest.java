package th.raingan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.EvaluationRounds;
import th.raingan.WebappSession;
import th.raingan.evaluation.EvaluationFixture;

/**
 * The evaluation's EA3 and EA4 over the Tasklist plugin's HTTP, signed in as the users
 * are: Mueang Chiang Rai and Wiang Chai report an evaluated activity, both approved; each
 * district reads its own EA3 and EA4 and not the other's; Chiang Rai's strategy unit
 * reads both and the province's summary; Loei (another province) reads none of it, not
 * even the plan. For each refusal, the owner is shown to get the same request answered.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationAccessTest {

	static final String EVALUATION = "/camunda/api/tasklist/plugin/raingan-evaluation/default";

	static final String ATTACHMENTS = "/camunda/api/tasklist/plugin/raingan-attachments/default";

	@LocalServerPort
	int port;

	@Autowired
	EvaluationRounds rounds;

	@Autowired
	IdentityService identity;

	EvaluationFixture fixture;

	long ea4Of5701;

	long ea4Of5702;

	String summaryTask;

	@BeforeAll
	void twoDistrictsReportAndAreApproved() throws Exception {
		EvaluationRounds.tenthOfJuly();
		try {
			fixture = rounds.plan(List.of("5701", "5702"));
			for (String office : List.of("5701", "5702")) {
				long id = rounds.submitAndApprove(fixture, rounds.start(fixture, office), office, "ea4.pdf",
						EvaluationFixture.draft(45, 40, fixture.topics(), EvaluationRounds.COUNTS[0], Map.of()));
				if (office.equals("5701")) {
					ea4Of5701 = id;
				}
				else {
					ea4Of5702 = id;
				}
			}
			summaryTask = rounds.summaryTask(fixture);
		}
		finally {
			ClockUtil.reset();
		}
	}

	@AfterAll
	void signOut() {
		identity.clearAuthentication();
	}

	int status(String user, String path) throws Exception {
		return WebappSession.login(port, user, password(user)).get(path).statusCode();
	}

	static String password(String user) {
		return user.startsWith("str") ? "test" + user.substring(3) : user;
	}

	String ea3(String office) {
		return EVALUATION + "/reports/ea3?key="
				+ URLEncoder.encode(fixture.businessKey(office), StandardCharsets.UTF_8);
	}

	@Test
	void aDistrictSeesItsOwnEa3AndEa4Only() throws Exception {
		WebappSession mueang = WebappSession.login(port, "str5701", "test5701");
		var own = mueang.get(ea3("5701"));
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(new String(own.body(), StandardCharsets.UTF_8)).contains("knowledgeCount").contains("ea4.pdf");
		assertThat(mueang.get(EVALUATION + "/files/" + ea4Of5701).statusCode()).isEqualTo(200);
		assertThat(mueang.get(ea3("5702")).statusCode()).as("another district's EA3").isEqualTo(404);
		assertThat(mueang.get(EVALUATION + "/files/" + ea4Of5702).statusCode()).as("another district's EA4")
			.isEqualTo(404);
		assertThat(mueang.get(ATTACHMENTS + "/attachments/" + ea4Of5702).statusCode()).isEqualTo(404);
		assertThat(mueang.get(EVALUATION + "/tasks/" + summaryTask + "/summary").statusCode())
			.as("the province's summary, every district side by side")
			.isEqualTo(404);
		assertThat(mueang.get(EVALUATION + "/tasks/" + summaryTask + "/summary.xlsx").statusCode()).isEqualTo(404);
		assertThat(mueang.get(EVALUATION + "/results/" + fixture.activity.id() + ".xlsx").statusCode()).isEqualTo(404);
		assertThat(mueang.get(EVALUATION + "/plan?province=57&year=" + EvaluationFixture.YEAR).statusCode())
			.as("its province's plan and topics")
			.isEqualTo(200);
		assertThat(status("str5702", ea3("5702"))).as("the owner").isEqualTo(200);
		assertThat(status("str5702", EVALUATION + "/files/" + ea4Of5702)).as("the owner").isEqualTo(200);
	}

	@Test
	void theProvincesStrategyUnitSeesAllOfItsDistricts() throws Exception {
		WebappSession review = WebappSession.login(port, "review57", "review57");
		assertThat(review.get(ea3("5701")).statusCode()).isEqualTo(200);
		assertThat(review.get(ea3("5702")).statusCode()).isEqualTo(200);
		assertThat(review.get(EVALUATION + "/files/" + ea4Of5702).statusCode()).isEqualTo(200);
		var summary = review.get(EVALUATION + "/tasks/" + summaryTask + "/summary");
		assertThat(summary.statusCode()).isEqualTo(200);
		assertThat(new String(summary.body(), StandardCharsets.UTF_8)).contains("5701").contains("5702");
		assertThat(review.get(EVALUATION + "/tasks/" + summaryTask + "/summary.pdf").statusCode()).isEqualTo(200);
	}

	@Test
	void anotherProvinceSeesNone() throws Exception {
		for (String user : List.of("review42", "manager42", "str4201")) {
			WebappSession loei = WebappSession.login(port, user, password(user));
			assertThat(loei.get(ea3("5701")).statusCode()).as(user + " EA3").isEqualTo(404);
			assertThat(loei.get(EVALUATION + "/files/" + ea4Of5701).statusCode()).as(user + " EA4").isEqualTo(404);
			assertThat(loei.get(EVALUATION + "/tasks/" + summaryTask + "/summary").statusCode()).as(user)
				.isEqualTo(404);
			assertThat(loei.get(EVALUATION + "/results/" + fixture.activity.id() + ".pdf").statusCode()).as(user)
				.isEqualTo(404);
			assertThat(loei.get(EVALUATION + "/plan?province=57&year=" + EvaluationFixture.YEAR).statusCode()).as(user)
				.isEqualTo(403);
			assertThat(loei.get(EVALUATION + "/results?province=57&year=" + EvaluationFixture.YEAR).statusCode())
				.as(user)
				.isEqualTo(403);
			assertThat(loei
				.post(EVALUATION + "/plan.csv?province=57&year=" + EvaluationFixture.YEAR,
						"no\n".getBytes(StandardCharsets.UTF_8))
				.statusCode()).as(user).isEqualTo(403);
		}
		assertThat(status("manager57", EVALUATION + "/results/" + fixture.activity.id() + ".pdf"))
			.as("Chiang Rai's manager reads the kept summary")
			.isEqualTo(200);
	}

	static final String DASHBOARD = "/camunda/api/cockpit/plugin/raingan-dashboard/default";

	/**
	 * The dashboards' evaluation part: another province's manager and reviewer are
	 * refused Chiang Rai's results and their exports, and the national page (the
	 * department's); Chiang Rai's manager is answered the same requests.
	 */
	@Test
	void anotherProvinceCannotReadTheResultsThroughTheDashboard() throws Exception {
		String year = "&fiscalYear=" + EvaluationFixture.YEAR;
		List<String> provincePaths = List.of(DASHBOARD + "/evaluation?province=57" + year,
				DASHBOARD + "/evaluation/export?format=xlsx&province=57" + year,
				DASHBOARD + "/evaluation/export?format=csv&province=57" + year);
		List<String> nationPaths = List.of(DASHBOARD + "/nation/evaluation?fiscalYear=" + EvaluationFixture.YEAR,
				DASHBOARD + "/nation/export?table=evaluation&format=csv&fiscalYear=" + EvaluationFixture.YEAR);
		for (String user : List.of("manager42", "review42")) {
			WebappSession loei = WebappSession.login(port, "cockpit", user, user);
			for (String path : provincePaths) {
				assertThat(loei.get(path).statusCode()).as(user + " " + path).isEqualTo(403);
			}
			for (String path : nationPaths) {
				assertThat(loei.get(path).statusCode()).as(user + " " + path).isEqualTo(403);
			}
			// its own province: answered, and nothing of Chiang Rai's in it
			var own = loei.get(DASHBOARD + "/evaluation?fiscalYear=" + EvaluationFixture.YEAR);
			assertThat(own.statusCode()).isEqualTo(200);
			assertThat(new String(own.body(), StandardCharsets.UTF_8)).contains("\"province\":\"42\"")
				.doesNotContain(fixture.budgetCode);
		}
		WebappSession chiangRai = WebappSession.login(port, "cockpit", "manager57", "manager57");
		for (String path : provincePaths) {
			var answer = chiangRai.get(path);
			assertThat(answer.statusCode()).as("manager57 " + path).isEqualTo(200);
			if (!path.contains("xlsx")) {
				assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains(fixture.budgetCode);
			}
		}
		for (String path : nationPaths) {
			assertThat(chiangRai.get(path).statusCode()).as("the national page is the department's").isEqualTo(403);
		}
	}

}
