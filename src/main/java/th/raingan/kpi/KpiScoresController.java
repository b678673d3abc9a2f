package th.raingan.kpi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.raingan.myreports.ThaiPdf;

/**
 * Individual KPI scores over HTTP Basic, as the letters let people see them
 * ({@link KpiScores} decides who reads what): a person their own, the district head their
 * district's people, the province's reviewers and manager their districts' people, the
 * department everyone's.
 */
@RestController
@RequestMapping("/api/kpi/scores")
class KpiScoresController {

	static final String NOT_YOURS = "ดูผลคะแนนรายบุคคลของผู้อื่นไม่ได้: ดูได้เฉพาะของตนเอง (พัฒนาการอำเภอดูของบุคลากรในอำเภอ)";

	private final KpiScores scores;

	private final KpiAgreements agreements;

	private final JdbcTemplate jdbc;

	KpiScoresController(KpiScores scores, KpiAgreements agreements, JdbcTemplate jdbc) {
		this.scores = scores;
		this.agreements = agreements;
		this.jdbc = jdbc;
	}

	@GetMapping("/person")
	ResponseEntity<Map<String, Object>> person(@RequestParam String round, @RequestParam String person) {
		String office = scores.officeOf(round, person);
		if (!scores.mayRead(scores.signedIn(), person, office)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", NOT_YOURS));
		}
		return ResponseEntity.ok(scores.scoreOf(round, office, person));
	}

	/** The people of a round whose scores the signed-in user may read. */
	@GetMapping("/people")
	List<Map<String, Object>> people(@RequestParam String round) {
		return scores.readablePeople(round);
	}

	/** The agreement printed, for the same people who may read the person's scores. */
	@GetMapping("/agreement.pdf")
	ResponseEntity<byte[]> agreementPdf(@RequestParam String round, @RequestParam String person) {
		String office = scores.officeOf(round, person);
		if (!scores.mayRead(scores.signedIn(), person, office)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.contentType(MediaType.TEXT_PLAIN)
				.body("พิมพ์บันทึกข้อตกลงของผู้อื่นไม่ได้".getBytes(StandardCharsets.UTF_8));
		}
		String template = jdbc.queryForObject("select template_id from raingan.kpi_round where round_key = ?",
				String.class, round);
		byte[] pdf = ThaiPdf.render(agreements.agreementXhtml(round, template, office, person));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"agreement-" + person + ".pdf\"")
			.body(pdf);
	}

}
