package th.raingan.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A reporting day's load on a running Raingan, over HTTP as the browsers call it (Tasklist, its Raingan plugins,
 * Cockpit's dashboard), with each user's session cookie and CSRF token:
 * <ul>
 * <li>district officers (the demo accounts {@code str<district>}, one simulated user each):
 * sign in, task list ("งานของหน่วยงาน"), claim and open a task's form, save a draft, submit;</li>
 * <li>the province's reviewers ({@code review<province>}): review list (the reviewer's desk), approve one;</li>
 * <li>the province's managers ({@code manager<province>}): the Cockpit dashboard.</li>
 * </ul>
 * Think time between a user's actions; the run is bounded in users, iterations and time, and stops by itself.
 * Settings (system properties): {@code raingan.load.baseUrl} (default http://localhost:8080; loopback only),
 * {@code officers}, {@code reviewers}, {@code managers} (at most one per account), {@code units}, {@code iterations} per user,
 * {@code think} seconds, {@code rampSeconds}, {@code fiscalYear} (the dates typed into the reports),
 * {@code reviewSeconds}, {@code maxMinutes}, {@code provinces}. The data: reports of that fiscal year open in the database (BENCHMARK.md).
 */
public class ReportingDaySimulation extends Simulation {

	static final String BASE = System.getProperty("raingan.load.baseUrl", "http://localhost:8080");

	static final int OFFICERS = Integer.getInteger("officers", 20);

	static final int REVIEWERS = Integer.getInteger("reviewers", 4);

	static final int MANAGERS = Integer.getInteger("managers", 4);

	static final int ITERATIONS = Integer.getInteger("iterations", 5);

	static final double THINK = Double.parseDouble(System.getProperty("think", "0.5"));

	static final int RAMP = Integer.getInteger("rampSeconds", 20);

	static final int FISCAL_YEAR = Integer.getInteger("fiscalYear", 2575);

	/** How long the reviewers keep at their desk. */
	static final int REVIEW_SECONDS = Integer.getInteger("reviewSeconds", 180);

	static final int MAX_MINUTES = Integer.getInteger("maxMinutes", 15);

	/** Only these provinces' offices ({@code -Dprovinces=42,27}; all four real ones when not set). */
	static final List<String> PROVINCES = List.of(System.getProperty("provinces", "").split(",")).stream()
		.filter(p -> !p.isBlank()).toList();

	/**
	 * The organisation's offices as a CSV file ({@code code,level,parent_code}, a header line), for a database with
	 * more offices than the application's own org/org-units.csv (BENCHMARK.md: the national database); the demo
	 * accounts then exist for every office.
	 */
	static final String UNITS = System.getProperty("units", "");

	static final String ENGINE = "/camunda/api/engine/engine/default";

	static final String FORMS = "/camunda/api/tasklist/plugin/raingan-forms/default";

	static final String DESK = "/camunda/api/tasklist/plugin/raingan-review-desk/default";

	static final String DASHBOARD = "/camunda/api/cockpit/plugin/raingan-dashboard/default";

	static {
		String host = java.net.URI.create(BASE).getHost();
		if (!("localhost".equals(host) || host.startsWith("127.") || "[::1]".equals(host))) {
			throw new IllegalArgumentException("The load test runs only against this machine (loopback): " + BASE);
		}
	}

	HttpProtocolBuilder protocol = http.baseUrl(BASE)
		.acceptHeader("application/json")
		.acceptLanguageHeader("th")
		.userAgentHeader("raingan-load-test")
		.disableCaching();

	/** Signs in to a webapp as its login page does, then loads the page to get the signed-in session's CSRF token. */
	static ChainBuilder signIn(String app) {
		return group("sign in").on(
				exec(http("app page").get("/camunda/app/" + app + "/default/").header("Accept", "text/html")
					.check(header("X-XSRF-TOKEN").saveAs("xsrf")))
					.exec(http("login").post("/camunda/api/admin/auth/user/default/login/" + app)
						.header("X-XSRF-TOKEN", "#{xsrf}")
						.formParam("username", "#{user}")
						.formParam("password", "#{password}")
						.check(status().is(200)))
					.exec(http("app page signed in").get("/camunda/app/" + app + "/default/").header("Accept", "text/html")
						.check(header("X-XSRF-TOKEN").saveAs("xsrf"))));
	}

	static ChainBuilder think() {
		return pause(Duration.ofMillis((long) (THINK * 500)), Duration.ofMillis((long) (THINK * 1500)));
	}

	/** The officer's day: the district's list, a task claimed and its form opened, a draft saved, the report submitted. */
	ChainBuilder officerRound = exec(group("task list").on(
			exec(http("filters").get(ENGINE + "/filter?resourceType=Task")
				.check(jsonPath("$[?(@.name == 'งานของหน่วยงาน')].id").saveAs("filter")))
				.exec(http("filter list").post(ENGINE + "/filter/#{filter}/list?firstResult=0&maxResults=15")
					.header("Accept", "application/hal+json")
					.header("X-XSRF-TOKEN", "#{xsrf}")
					.body(StringBody("""
							{"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],
							 "sorting":[{"sortBy":"dueDate","sortOrder":"asc"}],"active":true}"""))
					.asJson()
					.check(jsonPath("$._embedded.task[0].id").optional().saveAs("task")))))
		.doIf(session -> session.contains("task")).then(
				exec(think())
					.exec(group("open task form").on(
							exec(http("claim").post(ENGINE + "/task/#{task}/claim")
								.header("X-XSRF-TOKEN", "#{xsrf}")
								.body(StringBody("{\"userId\":\"#{user}\"}")).asJson()
								.check(status().is(204)))
								.exec(http("task").get(ENGINE + "/task/#{task}"))
								.exec(http("deployed form").get(ENGINE + "/task/#{task}/deployed-form"))
								.exec(http("form variables").get(ENGINE + "/task/#{task}/form-variables"))
								.exec(http("draft state").get(FORMS + "/tasks/#{task}/draft"))))
					.exec(think())
					.exec(group("save draft").on(
							exec(http("save draft").put(FORMS + "/tasks/#{task}/draft")
								.header("X-XSRF-TOKEN", "#{xsrf}")
								.body(StringBody(session -> draftJson())).asJson()
								.check(status().is(200)))))
					.exec(think())
					.exec(group("submit").on(
							exec(http("submit").post(ENGINE + "/task/#{task}/submit-form")
								.header("X-XSRF-TOKEN", "#{xsrf}")
								.body(StringBody(session -> submissionJson())).asJson()
								.check(status().in(200, 204))))))
		.exec(session -> session.remove("task"))
		.exec(think());

	/** The reviewer: the desk's list of the province's submitted reports, the first one approved. */
	ChainBuilder reviewerRound = exec(group("review list").on(
			exec(http("review list").get(DESK + "/reports?province=#{province}")
				.check(jsonPath("$.reports[0].businessKey").optional().saveAs("reviewKey"))
				.check(jsonPath("$.reports[0].versionId").optional().saveAs("reviewVersion")))))
		.doIf(session -> session.contains("reviewKey")).then(
				exec(think()).exec(group("approve").on(
						exec(http("approve").post(DESK + "/approve")
							.header("X-XSRF-TOKEN", "#{xsrf}")
							.body(StringBody("{\"reports\":[{\"businessKey\":\"#{reviewKey}\",\"versionId\":#{reviewVersion}}]}"))
							.asJson()
							.check(status().is(200))
							// the desk answers 200 with what it could not approve listed: this one must be approved
							.check(jsonPath("$.approved[0].businessKey").isEL("#{reviewKey}"))))))
		.exec(session -> session.remove("reviewKey"))
		.exec(think());

	ChainBuilder managerRound = exec(group("dashboard").on(
			exec(http("dashboard").get(DASHBOARD + "/summary?province=#{province}").check(status().is(200)))))
		.exec(think());

	ScenarioBuilder officers = scenario("district officers").feed(listFeeder(accounts("district")).circular())
		.exec(signIn("tasklist"))
		.repeat(ITERATIONS).on(exec(think()).exec(officerRound));

	ScenarioBuilder reviewers = scenario("province reviewers").feed(listFeeder(accounts("review")).circular())
		.exec(signIn("tasklist"))
		// while the officers submit: the desk is looked at again and again, each submitted report approved once
		.during(Duration.ofSeconds(REVIEW_SECONDS)).on(exec(think()).exec(reviewerRound));

	ScenarioBuilder managers = scenario("province managers").feed(listFeeder(accounts("manager")).circular())
		.exec(signIn("cockpit"))
		.repeat(ITERATIONS).on(exec(think()).exec(managerRound));

	{
		// one simulated user per account: two reviewers of a province would approve the same report
		setUp(officers.injectOpen(rampUsers(Math.min(accounts("district").size(), OFFICERS)).during(RAMP)),
				reviewers.injectOpen(rampUsers(Math.min(accounts("review").size(), REVIEWERS)).during(RAMP)),
				managers.injectOpen(rampUsers(Math.min(accounts("manager").size(), MANAGERS)).during(RAMP)))
			.protocols(protocol)
			.maxDuration(Duration.ofMinutes(MAX_MINUTES))
			.assertions(global().failedRequests().count().is(0L));
	}

	/**
	 * The demo accounts of the organisation's real offices (the application's own org/org-units.csv): officers of each
	 * district ({@code str4201}/{@code test4201}), reviewers and managers of each province ({@code review42}).
	 */
	static List<Map<String, Object>> accounts(String role) {
		List<String[]> units = new ArrayList<>();
		try (BufferedReader csv = new BufferedReader(UNITS.isBlank()
				? new InputStreamReader(ReportingDaySimulation.class.getResourceAsStream("/org/org-units.csv"),
						StandardCharsets.UTF_8)
				: java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(UNITS), StandardCharsets.UTF_8))) {
			csv.readLine();
			for (String line; (line = csv.readLine()) != null;) {
				units.add(line.split(","));
			}
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		// the districts taken in turn from each province, so that every province's reviewer has reports to approve
		Map<String, List<Map<String, Object>>> byProvince = new java.util.LinkedHashMap<>();
		for (String[] cells : units) {
			String province = "province".equals(cells[1]) ? cells[0] : cells[2];
			if (!PROVINCES.isEmpty() && !PROVINCES.contains(province)) {
				continue;
			}
			if ("district".equals(role) && "district".equals(cells[1])) {
				byProvince.computeIfAbsent(province, p -> new ArrayList<>())
					.add(Map.of("user", "str" + cells[0], "password", "test" + cells[0], "province", province));
			}
			else if (!"district".equals(role) && "province".equals(cells[1])) {
				byProvince.computeIfAbsent(province, p -> new ArrayList<>())
					.add(Map.of("user", role + cells[0], "password", role + cells[0], "province", cells[0]));
			}
		}
		List<Map<String, Object>> accounts = new ArrayList<>();
		while (byProvince.values().stream().anyMatch(list -> !list.isEmpty())) {
			for (List<Map<String, Object>> list : byProvince.values()) {
				if (!list.isEmpty()) {
					accounts.add(list.remove(0));
				}
			}
		}
		return accounts;
	}

	static String draftJson() {
		return """
				{"values":{"officerName":"นางบิ่งอร จันทร์ศรี","officerPhone":"0 4281 1773","outputText":"จัดทำแผนพัฒนาตำบลครบทุกตำบล"}}""";
	}

	/** A valid report of the fiscal year, as Tasklist submits the form (the area rows as one JSON variable). */
	static String submissionJson() {
		String areas = "[{\\\"place\\\":\\\"ตำบลกุดป่อง หมู่ 1\\\",\\\"targetGroup\\\":\\\"ผู้นำชุมชน\\\",\\\"people\\\":\\\"20\\\","
				+ "\\\"outcome\\\":\\\"มีแผนพัฒนาตำบล\\\",\\\"expense\\\":\\\"3,000\\\"}]";
		return """
				{"variables":{
				 "officerName":{"value":"นางบิ่งอร จันทร์ศรี"},"officerPhone":{"value":"0 4281 1773"},
				 "startDate":{"value":"05/01/%1$d"},"endDate":{"value":"06/01/%1$d"},
				 "outputText":{"value":"จัดทำแผนพัฒนาตำบลครบทุกตำบล"},"successPoints":{"value":"ผู้นำชุมชนร่วมจัดทำแผน"},
				 "targetValue":{"value":"14"},"resultValue":{"value":"14"},"progressPercent":{"value":"100"},
				 "spentBaht":{"value":"3,000"},"areas":{"type":"Json","value":"%2$s"},
				 "respondents":{"value":"60"},"knowledgePercent":{"value":"85.5"},"usePercent":{"value":"80"},
				 "satisfactionPercent":{"value":"90"},"confirmSubmit":{"value":true}}}""".formatted(FISCAL_YEAR, areas);
	}

}
