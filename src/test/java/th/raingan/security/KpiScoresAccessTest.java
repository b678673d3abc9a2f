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
 * I1 (70 % -> level 4: 4.00), cdo4201b for I4 (5 % -> level 2: 2.00).
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
		cleanUp();
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
	}

	@AfterEach
	void cleanUp() {
		for (String table : List.of("kpi_input", "kpi_agreement", "kpi_person_part", "kpi_round")) {
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

}
