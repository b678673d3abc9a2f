package th.raingan.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import th.raingan.WebappSession;
import th.raingan.report.DistrictReportProcess;
import th.raingan.round.ReportingRoundProcess;
import th.raingan.thai.BuddhistDates;

/**
 * Issue 14: a new province starts without SQL. The packaged application on an empty
 * PostgreSQL database with only {@code RAINGAN_ADMIN_PASSWORD} (no demo account, no demo
 * catalogue). The administrator creates a manager, a reviewer and two officers of Mueang
 * Loei through Camunda's own REST API (users and group memberships, nothing else) and
 * imports the province's projects through the catalogue import; then the manager opens a
 * round, an officer drafts and submits, the reviewer approves and the manager's dashboard
 * counts it. No restart, no SQL (the database is only read, to show it started empty).
 */
class OnboardingIT {

	static final String PROVINCE = "42";

	static final String DISTRICT = "4201";

	GreenMail smtp;

	AppNode node;

	@AfterEach
	void stop() throws Exception {
		if (node != null) {
			node.kill();
		}
		if (smtp != null) {
			smtp.stop();
		}
	}

	@Test
	void theAdministratorOnboardsAProvinceThroughCamundaAloneAndItWorksAtOnce() throws Exception {
		NodeDatabase db = NodeDatabase.fresh("onboarding");
		smtp = new GreenMail(new ServerSetup(AppNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		node = new AppNode("onboarding", db, smtp.getSmtp().getPort(), false).start();
		Rest rest = new Rest(node::url);

		// an empty installation: the administrator alone, the organisation's groups, no
		// project
		JsonNode users = rest.get("admin", "/engine-rest/user").body();
		assertThat(users).extracting(u -> u.get("id").asText()).containsExactly("admin");
		assertThat(db.count("select count(*) from raingan.project")).isZero();
		assertThat(db.count("select count(*) from raingan.profile")).isZero();

		// the administrator's work, in Camunda's REST API as Camunda Admin does it: users
		// and memberships
		createUser(rest, "mgrloei", "พัฒนาการจังหวัด", "เลยใหม่", "province-42-manager");
		createUser(rest, "revloei", "ผู้ตรวจ", "เลยใหม่", "province-42-review");
		createUser(rest, "offmueang1", "พัฒนากร", "หนึ่ง", "district-4201");
		createUser(rest, "offmueang2", "พัฒนากร", "สอง", "district-4201");
		// and the province's projects, through the catalogue import
		Rounds.importCatalogue(rest, Map.of(PROVINCE, List.<String[]>of(new String[] { Rounds.budgetCode(1), "" })),
				List.<String[]>of(new String[] { PROVINCE, Rounds.budgetCode(1), DISTRICT }));

		// the manager opens the round
		int year = Rounds.fiscalYear().yearBe();
		int roundNo = Rounds.roundNo();
		Rest.Response round = rest.post("mgrloei",
				"/engine-rest/process-definition/key/" + ReportingRoundProcess.KEY + "/submit-form",
				Rest.variables(Map.of(ReportingRoundProcess.FISCAL_YEAR, Integer.toString(year),
						ReportingRoundProcess.ROUND_NO, Integer.toString(roundNo),
						ReportingRoundProcess.REPORTING_DEADLINE, BuddhistDates.format(Rounds.reportingDeadline()))));
		assertThat(round.status()).as("the new manager opens a round: %s", round.body()).isEqualTo(200);
		assertThat(round.body().get("businessKey").asText()).isEqualTo(year + "-" + roundNo + "/" + PROVINCE);

		// an officer of the district finds the report (the job executor starts it),
		// drafts and submits
		String draftTask = await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> firstTask(rest, "offmueang2", DistrictReportProcess.TASK_DISTRICT_DRAFT), id -> id != null);
		assertThat(firstTask(rest, "offmueang1", DistrictReportProcess.TASK_DISTRICT_DRAFT)).isEqualTo(draftTask);
		assertThat(rest.post("offmueang2", "/engine-rest/task/" + draftTask + "/claim", Map.of("userId", "offmueang2"))
			.status()).isEqualTo(204);
		Rest.Response submitted = rest.post("offmueang2", "/engine-rest/task/" + draftTask + "/complete",
				Rounds.draft());
		assertThat(submitted.status()).as("submitted: %s", submitted.body()).isEqualTo(204);

		// the reviewer approves
		String review = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> firstTask(rest, "revloei", DistrictReportProcess.TASK_PROVINCE_REVIEW), id -> id != null);
		Rest.Response approved = rest.post("revloei", "/engine-rest/task/" + review + "/complete",
				Rest.variables(Map.of(DistrictReportProcess.REVIEW_DECISION, DistrictReportProcess.DECISION_APPROVE)));
		assertThat(approved.status()).as("approved: %s", approved.body()).isEqualTo(204);

		// the manager's dashboard counts it
		WebappSession cockpit = WebappSession.login(node.port, "cockpit", "mgrloei", Rest.password("mgrloei"));
		var summary = cockpit.get("/camunda/api/cockpit/plugin/raingan-dashboard/default/summary?fiscalYear=" + year
				+ "&round=" + roundNo);
		assertThat(summary.statusCode()).as(WebappSession.text(summary)).isEqualTo(200);
		JsonNode districts = Rest.JSON.readTree(summary.body()).get("districts");
		JsonNode mueang = StreamSupport.stream(districts.spliterator(), false)
			.filter(d -> d.get("officeCode").asText().equals(DISTRICT))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for 4201 in " + districts));
		assertThat(mueang.get("assigned").asInt()).isEqualTo(1);
		assertThat(mueang.get("approved").asInt()).isEqualTo(1);

		// the approval is recorded under the reviewer's Thai name, and the officer's
		// profile shows their office
		assertThat(db
			.count("select count(*) from raingan.report_version where status = 'approved' and decided_by = 'revloei'"))
			.isOne();
		Rest.Response me = rest.get("offmueang1", "/api/people/me");
		assertThat(me.body().get("officeCode").asText()).isEqualTo(DISTRICT);
		assertThat(me.body().get("displayName").asText()).isEqualTo("พัฒนากร หนึ่ง");
	}

	private static void createUser(Rest rest, String id, String first, String last, String group) throws Exception {
		Rest.Response created = rest.post("admin", "/engine-rest/user/create",
				Map.of("profile", Map.of("id", id, "firstName", first, "lastName", last, "email", id + "@cdd.go.th"),
						"credentials", Map.of("password", Rest.password(id))));
		assertThat(created.status()).as("user %s: %s", id, created.body()).isEqualTo(204);
		Rest.Response member = rest.put("admin", "/engine-rest/group/" + group + "/members/" + id, Map.of());
		assertThat(member.status()).as("%s in %s: %s", id, group, member.body()).isEqualTo(204);
	}

	private static String firstTask(Rest rest, String user, String definitionKey) throws Exception {
		JsonNode tasks = rest.get(user, "/engine-rest/task?taskDefinitionKey=" + definitionKey).body();
		return tasks == null || tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
	}

}
