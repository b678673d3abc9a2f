package th.raingan.kpi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.raingan.engine.SignedIn;
import th.raingan.org.OrgUnits;
import th.raingan.org.Officers;
import th.raingan.org.People;

/**
 * Individual KPI scores, as the letters let people see them: a person their own, the
 * district head their district's people, the province's reviewers and manager their
 * districts' people, the department everyone's. Scores are the signed-off snapshot's when
 * there is one, otherwise what the entries give now.
 */
@RestController
@RequestMapping("/api/kpi/scores")
class KpiScoresController {

	private final KpiAgreements agreements;

	private final KpiPeople kpiPeople;

	private final Officers officers;

	private final OrgUnits orgUnits;

	private final People people;

	private final IdentityService identity;

	private final JdbcTemplate jdbc;

	KpiScoresController(KpiAgreements agreements, KpiPeople kpiPeople, Officers officers, OrgUnits orgUnits,
			People people, IdentityService identity, JdbcTemplate jdbc) {
		this.agreements = agreements;
		this.kpiPeople = kpiPeople;
		this.officers = officers;
		this.orgUnits = orgUnits;
		this.people = people;
		this.identity = identity;
		this.jdbc = jdbc;
	}

	/**
	 * Whether {@code user} may read the individual scores of {@code person} (of
	 * {@code office}) in a round.
	 */
	boolean mayRead(String user, String person, String office) {
		if (user == null || office == null) {
			return false;
		}
		if (user.equals(person)) {
			return true;
		}
		Optional<Officers.Officer> who = officers.find(user);
		if (who.isEmpty()) {
			return false;
		}
		String role = who.get().role();
		if ("department".equals(role)) {
			return true;
		}
		if ("manager".equals(role) || "reviewer".equals(role)) {
			return orgUnits.find(office).map(u -> who.get().officeCode().equals(u.provinceCode())).orElse(false);
		}
		return office.equals(who.get().officeCode()) && kpiPeople.head(office).map(user::equals).orElse(false);
	}

	@GetMapping("/person")
	ResponseEntity<Map<String, Object>> person(@RequestParam String round, @RequestParam String person) {
		String userId = SignedIn.current(identity).map(SignedIn::userId).orElse(null);
		String office = agreements.officeOf(round, person);
		if (!mayRead(userId, person, office)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("message",
						"ดูผลคะแนนรายบุคคลของผู้อื่นไม่ได้: ดูได้เฉพาะของตนเอง (พัฒนาการอำเภอดูของบุคลากรในอำเภอ)"));
		}
		return ResponseEntity.ok(scoreOf(round, office, person));
	}

	/** The people of a round whose scores the signed-in user may read. */
	@GetMapping("/people")
	List<Map<String, Object>> people(@RequestParam String round) {
		String userId = SignedIn.current(identity).map(SignedIn::userId).orElse(null);
		return jdbc.queryForList(
				"select office_code, person_id from raingan.kpi_person_part where round_key = ? order by office_code, person_id",
				round)
			.stream()
			.filter(p -> mayRead(userId, (String) p.get("person_id"), (String) p.get("office_code")))
			.map(p -> scoreOf(round, (String) p.get("office_code"), (String) p.get("person_id")))
			.toList();
	}

	/** The agreement printed, for the same people who may read the person's scores. */
	@GetMapping("/agreement.pdf")
	ResponseEntity<byte[]> agreementPdf(@RequestParam String round, @RequestParam String person) {
		String userId = SignedIn.current(identity).map(SignedIn::userId).orElse(null);
		String office = agreements.officeOf(round, person);
		if (!mayRead(userId, person, office)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.contentType(org.springframework.http.MediaType.TEXT_PLAIN)
				.body("พิมพ์บันทึกข้อตกลงของผู้อื่นไม่ได้".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		String template = jdbc.queryForObject("select template_id from raingan.kpi_round where round_key = ?",
				String.class, round);
		byte[] pdf = th.raingan.myreports.ThaiPdf.render(agreements.agreementXhtml(round, template, office, person));
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"agreement-" + person + ".pdf\"")
			.body(pdf);
	}

	private Map<String, Object> scoreOf(String round, String office, String person) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("round", round);
		body.put("officeCode", office);
		body.put("personId", person);
		body.put("name", people.displayName(person));
		List<Map<String, Object>> signed = jdbc.queryForList("""
				select version, score, percent from raingan.kpi_person_snapshot where round_key = ? and person_id = ?
				order by version desc""", round, person);
		if (!signed.isEmpty()) {
			body.put("signedOff", true);
			body.put("version", signed.get(0).get("version"));
			body.put("score", signed.get(0).get("score"));
			body.put("percent", signed.get(0).get("percent"));
			return body;
		}
		String template = jdbc.queryForObject("select template_id from raingan.kpi_round where round_key = ?",
				String.class, round);
		agreements.scores(round, template, office)
			.stream()
			.filter(s -> s.officeCode().equals(person))
			.findFirst()
			.ifPresent(s -> {
				body.put("signedOff", false);
				body.put("score", s.score());
				body.put("percent", s.percent());
				body.put("levels", s.levels());
				body.put("toNextLevel", s.toNextLevel());
			});
		return body;
	}

}
