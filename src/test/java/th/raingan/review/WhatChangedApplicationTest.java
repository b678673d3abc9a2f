package th.raingan.review;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.org.Groups;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.ReportDrafts;
import th.raingan.thai.Clock;

/**
 * A resubmission's review shows what the district changed: str4201 submits, review42
 * returns it (with a reason typed as markup, which the district must see as text),
 * str4201 lowers the spending 3,000 -> 2,900 and the second area's expense 1,000 -> 900
 * and removes the third area; review42's form shows those at the top, and the desk's
 * endpoint gives the same between any two versions, to the province's reviewers and the
 * district only.
 */
@ApplicationTest
class WhatChangedApplicationTest {

	static final String DESK = "/camunda/api/tasklist/plugin/raingan-review-desk/default";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theResubmissionsReviewShowsEveryChangedValueOldToNew() throws Exception {
		String key = "changes-" + UUID.randomUUID().toString().substring(0, 8) + "/801-112-P0167-2027-02/4201";
		Map<String, Object> inputs = ReportDrafts.inputsFor4201(DeskProject.assignment(catalog, "4201"));
		inputs.put(REPORT_KEY, key);
		inputs.put(DUE_DATE, Clock.endOfDay(LocalDate.now(Clock.ZONE).plusDays(30)));
		String instance = runtime.startProcessInstanceByKey(KEY, key, inputs).getId();
		complete("str4201", Groups.district("4201"), instance, ReportDrafts.valid());
		assertThat(runtime.getVariable(instance, CHANGES_TEXT)).as("a first submission has nothing to compare")
			.isNull();

		complete("review42", Groups.provinceReview("42"), instance, Map.of(REVIEW_DECISION, DECISION_RETURN,
				RETURN_REASON, "<img src=x onerror=alert(1)> **แก้** ค่าใช้จ่าย [ลิงก์](http://x)"));
		String history = (String) runtime.getVariable(instance, RETURN_HISTORY);
		assertThat(history).as("the reason reaches the form as text, not markup")
			.contains("\\<img src\\=x onerror\\=alert\\(1\\)\\>")
			.contains("\\*\\*แก้\\*\\*")
			// ":" too, so that marked's GFM autolink does not make the bare address a
			// link
			.contains("\\[ลิงก์\\]\\(http\\://x\\)")
			.doesNotContain(" <img");

		Map<String, Object> changed = ReportDrafts.valid();
		changed.put(SPENT_BAHT, "2,900");
		changed.put(AREAS,
				List.of(ReportDrafts.area("ตำบลกุดป่อง หมู่ 1", "ผู้นำชุมชน", "20", "มีแผนพัฒนาตำบล", "1,000"),
						ReportDrafts.area("ตำบลนาอาน หมู่ 3", "ผู้นำชุมชน", "๒๐", "มีแผนพัฒนาตำบล", "900")));
		complete("str4201", Groups.district("4201"), instance, changed);

		String summary = (String) runtime.getVariable(instance, CHANGES_TEXT);
		System.out.println("review form, top:\n" + summary);
		assertThat(summary).contains("เทียบกับฉบับที่ส่งครั้งที่ 1")
			.contains("ผลการใช้จ่ายงบประมาณ \\(บาท\\)\\: 3,000 → 2,900")
			.contains("พื้นที่ที่ 2 \\(ตำบลนาอาน หมู่ 3\\) ค่าใช้จ่ายของพื้นที่นี้ \\(บาท\\)\\: 1,000 → 900")
			.contains("พื้นที่ที่ 3 \\(ตำบลนาโป่ง หมู่ 2\\)\\: ลบออก")
			.doesNotContain("ผู้รับผิดชอบโครงการ");

		List<Long> versions = jdbc.queryForList(
				"select id from raingan.report_version where business_key = ? order by revision", Long.class, key);
		ObjectMapper json = new ObjectMapper();
		WebappSession review42 = WebappSession.login(port, "review42", "review42");
		var answer = review42.get(DESK + "/versions/" + versions.get(1) + "/changes");
		assertThat(answer.statusCode()).as(WebappSession.text(answer)).isEqualTo(200);
		Map<?, ?> body = json.readValue(answer.body(), Map.class);
		assertThat((List<?>) body.get("lines")).hasSize(3);
		assertThat(body.get("fromRevision")).isEqualTo(1);
		// any two versions, either way round, for the district too
		var back = WebappSession.login(port, "str4201", "test4201")
			.get(DESK + "/versions/" + versions.get(0) + "/changes?from=" + versions.get(1));
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(WebappSession.text(back)).contains("2,900 → 3,000").contains("เพิ่มใหม่");
		// another province, another district: refused
		assertThat(WebappSession.login(port, "review27", "review27")
			.get(DESK + "/versions/" + versions.get(1) + "/changes")
			.statusCode()).isEqualTo(404);
		assertThat(WebappSession.login(port, "str4202", "test4202")
			.get(DESK + "/versions/" + versions.get(1) + "/changes")
			.statusCode()).isEqualTo(404);
		// a first version has nothing before it
		var first = review42.get(DESK + "/versions/" + versions.get(0) + "/changes");
		assertThat(first.statusCode()).isEqualTo(400);
		assertThat(WebappSession.text(first)).contains("ฉบับแรก");
	}

	private void complete(String user, String group, String instance, Map<String, Object> variables) {
		try {
			identity.setAuthentication(user, List.of(group));
			Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
			if (task.getAssignee() == null) {
				tasks.claim(task.getId(), user);
			}
			tasks.complete(task.getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
