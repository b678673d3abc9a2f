package th.raingan.review;

import static th.raingan.web.PluginAnswers.refuse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;

import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.report.ReportRefused;

/**
 * The reviewer's desk over HTTP: {@code GET provinces}, {@code GET reports?province=42}
 * (the reports waiting for review) and {@code POST approve?province=42} with
 * {@code {"reports":[{"businessKey":..,"versionId":..}]}}: each approved as if one by
 * one, or named with its Thai reason.
 */
public class ReviewDeskResource extends AbstractTasklistPluginResource {

	private final ReviewDesk desk;

	private final OrgUnits orgUnits;

	private final ReportChanges changes;

	ReviewDeskResource(String engineName, ReviewDesk desk, OrgUnits orgUnits, ReportChanges changes) {
		super(engineName);
		this.changes = changes;
		this.desk = desk;
		this.orgUnits = orgUnits;
	}

	/** The provinces the signed-in user reviews (none: the page shows no link). */
	@GET
	@Path("provinces")
	@Produces(MediaType.APPLICATION_JSON)
	public Response provinces() {
		return Response
			.ok(Map.of("provinces", desk.provinces().stream().map(this::province).toList(), "userId", desk.userId()))
			.build();
	}

	@GET
	@Path("reports")
	@Produces(MediaType.APPLICATION_JSON)
	public Response reports(@QueryParam("province") String province) {
		if (province == null || !desk.provinces().contains(province)) {
			return refuse(Status.FORBIDDEN, ReviewDesk.NOT_REVIEWER);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("province", province(province));
		// the page shows (and its "all" ticks) at most what one approval takes
		List<ReviewDesk.Waiting> waiting = desk.waiting(province);
		answer.put("reports", waiting.subList(0, Math.min(waiting.size(), ReviewDesk.MAX_BATCH)));
		answer.put("total", waiting.size());
		answer.put("maxBatch", ReviewDesk.MAX_BATCH);
		return Response.ok(answer).build();
	}

	@POST
	@Path("approve")
	@Consumes(MediaType.APPLICATION_JSON)
	@Produces(MediaType.APPLICATION_JSON)
	public Response approve(Map<String, Object> body) {
		if (desk.provinces().isEmpty()) {
			return refuse(Status.FORBIDDEN, ReviewDesk.NOT_REVIEWER);
		}
		Object reports = body == null ? null : body.get("reports");
		if (!(reports instanceof List<?> list)) {
			return refuse(Status.BAD_REQUEST, ReviewDesk.EMPTY);
		}
		List<ReviewDesk.Selection> selection = new ArrayList<>();
		for (Object item : list) {
			if (item instanceof Map<?, ?> m) {
				Object key = m.get("businessKey");
				Object version = m.get("versionId");
				Long versionId = version instanceof Number n ? Long.valueOf(n.longValue())
						: version instanceof String s && s.strip().matches("\\d{1,18}") ? Long.valueOf(s.strip())
								: null;
				selection.add(new ReviewDesk.Selection(key instanceof String s ? s : null, versionId));
			}
			else {
				selection.add(new ReviewDesk.Selection(null, null));
			}
		}
		try {
			ReviewDesk.Outcome outcome = desk.approve(selection);
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("message", "อนุมัติแล้ว " + outcome.approved().size() + " รายการ" + (outcome.refused().isEmpty()
					? "" : ", ไม่ได้อนุมัติ " + outcome.refused().size() + " รายการ (ดูเหตุผลด้านล่าง)"));
			answer.put("approved", outcome.approved());
			answer.put("refused", outcome.refused());
			return Response.ok(answer).build();
		}
		catch (ReportRefused r) {
			return refuse(Status.BAD_REQUEST, String.join(" ", r.problems()));
		}
	}

	/**
	 * What changed between two versions of one report: {@code versions/{id}/changes}
	 * against the version submitted before it, or {@code ?from=<id>} any other version of
	 * the same report. For the report's province's reviewers and its district's officers.
	 */
	@GET
	@Path("versions/{id}/changes")
	@Produces(MediaType.APPLICATION_JSON)
	public Response changes(@jakarta.ws.rs.PathParam("id") long id, @QueryParam("from") Long from) {
		ReportChanges.Version to = changes.version(id).filter(desk::mayRead).orElse(null);
		if (to == null) {
			return refuse(Status.NOT_FOUND, "ไม่พบรายงานฉบับนี้ หรือท่านไม่มีสิทธิ์ดูรายงานนี้");
		}
		ReportChanges.Version before = from == null ? changes.previous(to).orElse(null)
				: changes.version(from).orElse(null);
		if (before == null) {
			return refuse(Status.BAD_REQUEST,
					from == null ? "ฉบับนี้เป็นฉบับแรกที่ส่ง ไม่มีฉบับก่อนหน้าให้เทียบ" : "ไม่พบฉบับที่จะเทียบ (from)");
		}
		if (!before.businessKey().equals(to.businessKey())) {
			return refuse(Status.BAD_REQUEST, "ฉบับที่จะเทียบ (from) ต้องเป็นรายงานเดียวกัน");
		}
		ReportChanges.Changes c = changes.between(before, to);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("businessKey", to.businessKey());
		answer.put("fromRevision", before.revision());
		answer.put("toRevision", to.revision());
		answer.put("fields", c.fields());
		answer.put("areas", c.areas());
		answer.put("filesAdded", c.filesAdded());
		answer.put("filesRemoved", c.filesRemoved());
		answer.put("lines", ReportChanges.lines(c));
		answer.put("comments", changes.addressed(c));
		return Response.ok(answer).build();
	}

	private Map<String, Object> province(String code) {
		return Map.of("code", code, "name", orgUnits.find(code).map(OrgUnit::nameTh).orElse(code));
	}

}
