package th.raingan.draft.plugin;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;

import th.raingan.draft.DraftRefused;
import th.raingan.draft.Drafts;
import th.raingan.draft.Drafts.DraftInfo;
import th.raingan.round.RoundOpened;

/**
 * {@code GET/PUT tasks/{taskId}/draft}: the draft's stamp, and a save of the values that
 * changed ({@code {"values": {...}}}); {@code GET rounds/{processInstanceId}}: what
 * opening a round did. Every refusal answers with a Thai {@code message}.
 */
public class FormsResource extends AbstractTasklistPluginResource {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Drafts drafts;

	private final RoundOpened rounds;

	FormsResource(String engineName, Drafts drafts, RoundOpened rounds) {
		super(engineName);
		this.drafts = drafts;
		this.rounds = rounds;
	}

	@GET
	@Path("tasks/{taskId}/draft")
	@Produces(MediaType.APPLICATION_JSON)
	public Response draft(@PathParam("taskId") String taskId) {
		try {
			return Response.ok(json(drafts.info(taskId).orElseThrow())).build();
		}
		catch (DraftRefused ex) {
			return refuse(ex);
		}
	}

	@PUT
	@Path("tasks/{taskId}/draft")
	@Consumes(MediaType.APPLICATION_JSON)
	@Produces(MediaType.APPLICATION_JSON)
	public Response save(@PathParam("taskId") String taskId, String body) {
		JsonNode values;
		try {
			values = JSON.readTree(body).path("values");
		}
		catch (Exception ex) {
			return refuse(new DraftRefusedMessage(400, "ข้อมูลร่างไม่ถูกต้อง"));
		}
		try {
			return Response.ok(json(drafts.save(taskId, values))).build();
		}
		catch (DraftRefused ex) {
			return refuse(ex);
		}
	}

	@GET
	@Path("rounds/{processInstanceId}")
	@Produces(MediaType.APPLICATION_JSON)
	public Response roundOpened(@PathParam("processInstanceId") String processInstanceId) {
		return rounds.of(processInstanceId)
			.map(summary -> Response.ok(Map.of("roundKey", String.valueOf(summary.roundKey()), "reports",
					summary.reports(), "offices", summary.offices(), "message", summary.message()))
				.build())
			.orElseGet(() -> Response.status(Status.NOT_FOUND)
				.type(MediaType.APPLICATION_JSON)
				.entity(Map.of("message", "ไม่พบรอบการรายงานนี้"))
				.build());
	}

	private static Map<String, Object> json(DraftInfo info) {
		Map<String, Object> json = new HashMap<>();
		json.put("savedAt", info.savedAt() == null ? null : info.savedAt().getTime());
		json.put("savedBy", info.savedBy());
		json.put("savedByName", info.savedByName());
		json.put("editable", info.editable());
		return json;
	}

	private record DraftRefusedMessage(int status, String message) {

	}

	private static Response refuse(DraftRefused ex) {
		return refuse(new DraftRefusedMessage(ex.status(), ex.getMessage()));
	}

	private static Response refuse(DraftRefusedMessage refusal) {
		return Response.status(refusal.status())
			.type(MediaType.APPLICATION_JSON)
			.entity(Map.of("message", refusal.message()))
			.build();
	}

}
