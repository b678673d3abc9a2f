package th.raingan.kpi;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.raingan.engine.AsEngine;
import th.raingan.org.OfficeAccess;
import th.raingan.report.ReasonedDecision;
import th.raingan.report.ReportRefused;

/**
 * Reopening a signed KPI round: the province's manager only, with a reason. The round
 * goes back to the districts; its next sign-off is a new snapshot version beside the old
 * one, with what changed.
 */
@RestController
@RequestMapping("/api/kpi/rounds")
class KpiRoundController {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KpiRoundController.class);

	private final KpiRoundService rounds;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final OfficeAccess access;

	KpiRoundController(KpiRoundService rounds, RuntimeService runtime, IdentityService identity, OfficeAccess access) {
		this.rounds = rounds;
		this.runtime = runtime;
		this.identity = identity;
		this.access = access;
	}

	@PostMapping("/reopen")
	ResponseEntity<Map<String, String>> reopen(@RequestParam String round,
			@RequestParam(required = false) String reason) {
		String province = rounds.provinceOf(round);
		boolean manager = province != null && access.provincesManaged().contains(province);
		if (!manager) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("message", "เฉพาะพัฒนาการจังหวัดของรอบนี้เปิดรอบใหม่ได้"));
		}
		if (reason == null || reason.strip().length() < ReasonedDecision.MIN_REASON) {
			return ResponseEntity.badRequest()
				.body(Map.of("message", "เหตุผล: ต้องระบุเหตุผลที่เปิดรอบใหม่ (อย่างน้อย 5 ตัวอักษร)"));
		}
		if (!"signed_off".equals(rounds.status(round))) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Map.of("message", "รอบ " + round + " ยังไม่ได้ลงนาม จึงไม่ต้องเปิดใหม่"));
		}
		// checked above who may; the engine's own check would ask for process-instance
		// rights managers do not hold
		try {
			AsEngine.run(identity,
					() -> runtime.createMessageCorrelation(KpiRoundCloseProcess.MESSAGE_ROUND_REOPENED)
						.processInstanceBusinessKey("kpi/" + round)
						.setVariable(KpiRoundCloseProcess.REOPEN_REASON, reason.strip())
						.correlate());
		}
		catch (MismatchingMessageCorrelationException ex) {
			// signed, but the round's process is not yet waiting for a reopening: its
			// notification mails to the districts are still to be sent (or failed and
			// wait
			// for a retry)
			LOG.warn("reopening {} refused: the round is not waiting for it", round, ex);
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Map.of("message", "รอบ " + round + " ลงนามแล้วแต่ระบบยังส่งอีเมลแจ้งผลให้อำเภอไม่ครบ "
						+ "จึงยังเปิดรอบใหม่ไม่ได้ กรุณาลองใหม่ภายหลัง หรือแจ้งผู้ดูแลระบบให้ตรวจการส่งอีเมล"));
		}
		catch (ProcessEngineException ex) {
			ReportRefused refused = ReportRefused.in(ex).orElseThrow(() -> ex);
			return ResponseEntity.badRequest().body(Map.of("message", String.join(" ", refused.problems())));
		}
		return ResponseEntity.ok(Map.of("message", "เปิดรอบ " + round + " ให้แก้ไขแล้ว เมื่อแก้ไขเสร็จต้องลงนามใหม่"));
	}

}
