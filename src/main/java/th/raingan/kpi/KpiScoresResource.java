package th.raingan.kpi;

import static th.raingan.web.PluginAnswers.refuse;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;

/**
 * คะแนนของฉัน's backend: the rounds the signed-in user may read something of, one round's
 * page (only the people and teams {@link KpiScores} lets them read: a person never sees a
 * colleague's scores), and the KPI round start form's templates.
 */
public class KpiScoresResource extends AbstractTasklistPluginResource {

	private final KpiScores scores;

	KpiScoresResource(String engineName, KpiScores scores) {
		super(engineName);
		this.scores = scores;
	}

	@GET
	@Path("rounds")
	@Produces(MediaType.APPLICATION_JSON)
	public Response rounds() {
		if (scores.signedIn() == null) {
			return refuse(Status.UNAUTHORIZED, "กรุณาเข้าสู่ระบบ");
		}
		return Response.ok(Map.of("rounds", scores.rounds())).build();
	}

	@GET
	@Path("scores")
	@Produces(MediaType.APPLICATION_JSON)
	public Response scores(@QueryParam("round") String round) {
		if (scores.signedIn() == null) {
			return refuse(Status.UNAUTHORIZED, "กรุณาเข้าสู่ระบบ");
		}
		if (round == null || round.isBlank()) {
			return refuse(Status.BAD_REQUEST, "รอบการประเมิน: กรุณาเลือกรอบ");
		}
		boolean visible = scores.rounds().stream().anyMatch(r -> round.equals(r.get("round")));
		Map<String, Object> page = visible ? scores.page(round) : null;
		if (page == null) {
			return refuse(Status.FORBIDDEN, "รอบการประเมิน " + round + ": ไม่พบ หรือท่านไม่มีสิทธิ์ดูคะแนนของรอบนี้");
		}
		return Response.ok(page).build();
	}

	/**
	 * The KPI round start form's template list (a select fed by {@code templateChoices}).
	 */
	@GET
	@Path("templates")
	@Produces(MediaType.APPLICATION_JSON)
	public Response templates() {
		if (scores.signedIn() == null) {
			return refuse(Status.UNAUTHORIZED, "กรุณาเข้าสู่ระบบ");
		}
		return Response.ok(Map.of("choices", scores.templateChoices())).build();
	}

}
