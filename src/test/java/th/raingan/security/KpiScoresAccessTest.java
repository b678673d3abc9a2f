package th.raingan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;

/**
 * Individual KPI scores: a person reads their own and not a colleague's; the district
 * head reads the district's people; the province reads its districts' people and no other
 * province's. Round 1/2571 of Loei with Mueang Loei's two officers: cdo4201a answers for
 * I1 (70 % -> level 4: 4.00), cdo4201b for I4 (5 % -> level 2: 2.00). Mueang Loei's team:
 * P1 80 % (>= 80: level 3), P2 85 % (> 80, not > 85: level 2), P3 nothing entered (0):
 * (40x3 + 40x2 + 20x0) / 100 = 2.00 of 5, 40.00 %.
 * <p>
 * The same over คะแนนของฉัน's backend (Tasklist plugin {@code raingan-kpi-scores}, the
 * webapp's login): the person's page holds their own indicators and their district's team
 * score and nothing of a colleague's; the head's the district's people and team; the
 * province's its districts'; another province's nothing.
 */
@ApplicationTest
class KpiScoresAccessTest {

	static final String ROUND = "2571-1/42";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void aRoundWithTwoPeople() {
		aRoundWithTwoPeople(jdbc);
	}

	@AfterEach
	void cleanUp() {
		cleanUp(jdbc);
	}

	/**
	 * Round 1/2571 of Loei with Mueang Loei's two officers and team (the class comment);
	 * AccessMatrixTest aims its KPI rows at the same round.
	 */
	static void aRoundWithTwoPeople(JdbcTemplate jdbc) {
		cleanUp(jdbc);
		Timestamp now = new Timestamp(System.currentTimeMillis());
		jdbc.update(
				"insert into raingan.kpi_round (round_key, fiscal_year_be, round_no, province_code, template_id, status, frozen_at) values (?, 2571, 1, '42', 'department-province-2565-round1', 'collecting', ?)",
				ROUND, now);
		for (String[] p : List.of(new String[] { "cdo4201a", "I1", "70" }, new String[] { "cdo4201b", "I4", "5" })) {
			jdbc.update(
					"insert into raingan.kpi_person_part (round_key, office_code, person_id, status) values (?, '4201', ?, 'verified')",
					ROUND, p[0]);
			jdbc.update(
					"insert into raingan.kpi_agreement (round_key, office_code, person_id, indicator_id, target_th, assigned_by, assigned_at) values (?, '4201', ?, ?, 'ระดับ 5', 'head4201', ?)",
					ROUND, p[0], p[1], now);
			jdbc.update(
					"insert into raingan.kpi_input (round_key, office_code, person_id, indicator_id, input_id, value_number, evidence, source) values (?, '4201', ?, ?, 'value', ?, 'หลักฐานทดสอบ', 'entered')",
					ROUND, p[0], p[1], new java.math.BigDecimal(p[2]));
		}
		jdbc.update(
				"insert into raingan.kpi_agreement_confirmation (round_key, person_id, party, confirmed_by, confirmed_at) values (?, 'cdo4201a', 'officer', 'cdo4201a', ?)",
				ROUND, now);
		for (String[] t : List.of(new String[] { "P1", "80" }, new String[] { "P2", "85" })) {
			jdbc.update(
					"insert into raingan.kpi_input (round_key, office_code, person_id, indicator_id, input_id, value_number, source) values (?, '4201', '', ?, 'value', ?, 'computed')",
					ROUND, t[0], new java.math.BigDecimal(t[1]));
		}
	}

	static void cleanUp(JdbcTemplate jdbc) {
		for (String table : List.of("kpi_input", "kpi_agreement", "kpi_agreement_confirmation", "kpi_person_part",
				"kpi_round_office", "kpi_round")) {
			jdbc.update("delete from raingan." + table + " where round_key = ?", ROUND);
		}
	}

	@SuppressWarnings("rawtypes")
	private ResponseEntity<Map> person(String user, String person) {
		return rest.withBasicAuth(user, user.startsWith("str") ? "test" + user.substring(3) : user)
			.getForEntity("/api/kpi/scores/person?round={r}&person={p}", Map.class, ROUND, person);
	}

	@SuppressWarnings("rawtypes")
	private List<?> people(String user) {
		return rest.withBasicAuth(user, user).getForObject("/api/kpi/scores/people?round={r}", List.class, ROUND);
	}

	@Test
	void aPersonReadsTheirOwnScoresAndNotAColleagues() {
		ResponseEntity<?> own = person("cdo4201a", "cdo4201a");
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(own.getBody().toString()).contains("score=4.0,").contains("percent=80.0,");
		ResponseEntity<?> colleague = person("cdo4201a", "cdo4201b");
		assertThat(colleague.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(colleague.getBody().toString()).contains("ดูได้เฉพาะของตนเอง");
		assertThat(people("cdo4201a")).hasSize(1);
		assertThat(person("cdo4202a", "cdo4201a").getStatusCode()).as("another district's officer")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(person("str4201", "cdo4201a").getStatusCode()).as("the shared district account is not the head")
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void theHeadReadsTheDistrictsPeopleAndTheProvinceItsOwn() {
		assertThat(person("head4201", "cdo4201b").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(people("head4201")).hasSize(2);
		assertThat(people("head4202")).as("another district's head").isEmpty();
		assertThat(person("manager42", "cdo4201b").getBody().toString()).contains("score=2.0,");
		assertThat(people("review42")).hasSize(2);
		assertThat(person("manager57", "cdo4201a").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(people("review57")).isEmpty();
	}

	@Test
	void theAgreementPrintsInThaiForThoseWhoMayReadIt() throws Exception {
		ResponseEntity<byte[]> pdf = rest.withBasicAuth("cdo4201a", "cdo4201a")
			.getForEntity("/api/kpi/scores/agreement.pdf?round={r}&person=cdo4201a", byte[].class, ROUND);
		assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("บันทึกข้อตกลงการปฏิบัติราชการ")
				.contains("I1")
				.contains("ระดับ 5")
				.contains("ยังไม่ได้ยืนยัน");
		}
		assertThat(rest.withBasicAuth("cdo4201b", "cdo4201b")
			.getForEntity("/api/kpi/scores/agreement.pdf?round={r}&person=cdo4201a", byte[].class, ROUND)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	static final String SCREEN = "/camunda/api/tasklist/plugin/raingan-kpi-scores/default";

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@SuppressWarnings("unchecked")
	private Map<String, Object> screen(String user) throws Exception {
		var session = th.raingan.WebappSession.login(port, user, user);
		var rounds = session.get(SCREEN + "/rounds");
		assertThat(rounds.statusCode()).as(user).isEqualTo(200);
		var page = session.get(SCREEN + "/scores?round=" + java.net.URLEncoder.encode(ROUND, "UTF-8"));
		if (page.statusCode() != 200) {
			return Map.of("status", page.statusCode(), "body", th.raingan.WebappSession.text(page));
		}
		return new com.fasterxml.jackson.databind.ObjectMapper().readValue(page.body(), Map.class);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> page, String key) {
		return (List<Map<String, Object>>) page.get(key);
	}

	@Test
	@SuppressWarnings("unchecked")
	void myScoresShowsAPersonTheirOwnIndicatorsAndTheirTeamAndNothingOfAColleagues() throws Exception {
		Map<String, Object> own = screen("cdo4201a");
		assertThat(list(own, "people")).hasSize(1);
		Map<String, Object> me = list(own, "people").get(0);
		assertThat(me).containsEntry("personId", "cdo4201a")
			.containsEntry("own", true)
			.containsEntry("officeName", "สำนักงานพัฒนาชุมชนอำเภอเมืองเลย")
			.containsEntry("statusTh", "พัฒนาการอำเภอตรวจแล้ว");
		assertThat(((Number) me.get("score")).doubleValue()).isEqualTo(4.0);
		assertThat(((Number) me.get("percent")).doubleValue()).isEqualTo(80.0);
		Map<String, Object> i1 = ((List<Map<String, Object>>) me.get("indicators")).get(0);
		assertThat(i1).containsEntry("id", "I1")
			.containsEntry("level", 4)
			.containsEntry("weight", "20")
			.containsEntry("target", "ระดับ 5")
			.containsEntry("toNextLevel", "ระดับ 5: ต้องไม่น้อยกว่า 85 (ขาดอีก 15)");
		assertThat(((Number) i1.get("score")).doubleValue()).isEqualTo(4.0);
		assertThat(((Number) i1.get("percent")).doubleValue()).isEqualTo(80.0);
		assertThat((List<String>) i1.get("evidence")).containsExactly("ผลการดำเนินงาน: 70 หลักฐาน: หลักฐานทดสอบ");
		assertThat((List<String>) me.get("confirmations")).singleElement()
			.asString()
			.startsWith("พัฒนากร ")
			.contains("ยืนยันเมื่อ")
			.contains(String.valueOf(java.time.LocalDate.now().getYear() + 543));
		assertThat(list(own, "teams")).singleElement().satisfies(team -> {
			assertThat(team).containsEntry("officeCode", "4201");
			assertThat(((Number) team.get("score")).doubleValue()).isEqualTo(2.0);
			assertThat(((Number) team.get("percent")).doubleValue()).isEqualTo(40.0);
		});
		assertThat(own.toString()).doesNotContain("cdo4201b");

		Map<String, Object> head = screen("head4201");
		assertThat(list(head, "people")).extracting(p -> p.get("personId")).containsExactly("cdo4201a", "cdo4201b");
		assertThat(list(head, "people")).allSatisfy(p -> assertThat(p).containsEntry("own", false));
		assertThat(list(head, "teams")).extracting(t -> t.get("officeCode")).containsExactly("4201");
		Map<String, Object> province = screen("review42");
		assertThat(list(province, "people")).hasSize(2);
		assertThat(list(province, "teams")).hasSize(1);
		Map<String, Object> neighbour = screen("cdo4202a");
		assertThat(list(neighbour, "people")).as("another district's officer").isEmpty();
		assertThat(list(neighbour, "teams")).isEmpty();
		Map<String, Object> otherProvince = screen("manager57");
		assertThat(otherProvince).containsEntry("status", 403);
		assertThat(otherProvince.get("body").toString()).contains("ไม่มีสิทธิ์ดูคะแนนของรอบนี้");
		assertThat(new th.raingan.WebappSession(port).get(SCREEN + "/scores?round=" + ROUND).statusCode())
			.as("no login")
			.isIn(401, 403);
	}

	@Test
	void theStartFormsTemplatesAreTheSignedInManagersProvincesOnly() throws Exception {
		String buriram = th.raingan.WebappSession
			.text(th.raingan.WebappSession.login(port, "manager31", "manager31").get(SCREEN + "/templates"));
		assertThat(buriram).contains("buriram-2565-round1", "department-province-2565-round2")
			.doesNotContain("loei-2569-round1");
		String loei = th.raingan.WebappSession
			.text(th.raingan.WebappSession.login(port, "manager42", "manager42").get(SCREEN + "/templates"));
		assertThat(loei).contains("loei-2569-round1").doesNotContain("buriram-2565-round1");
	}

}
