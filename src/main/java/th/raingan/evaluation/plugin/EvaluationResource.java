package th.raingan.evaluation.plugin;

import static th.raingan.web.PluginAnswers.fileName;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;

import th.raingan.evaluation.EvaluationApi;

/**
 * Thin HTTP over {@link EvaluationApi}, behind the webapp's login and CSRF protection.
 */
public class EvaluationResource extends AbstractTasklistPluginResource {

	private final EvaluationApi api;

	EvaluationResource(String engineName, EvaluationApi api) {
		super(engineName);
		this.api = api;
	}

	@GET
	@Path("provinces")
	@Produces(MediaType.APPLICATION_JSON)
	public Response provinces() {
		return answer(api.provinces());
	}

	@GET
	@Path("plan")
	@Produces(MediaType.APPLICATION_JSON)
	public Response plan(@QueryParam("province") String province, @QueryParam("year") Integer year) {
		return answer(api.plan(province, year));
	}

	@PUT
	@Path("plan")
	@Consumes(MediaType.APPLICATION_JSON)
	@Produces(MediaType.APPLICATION_JSON)
	@SuppressWarnings("unchecked")
	public Response save(@QueryParam("province") String province, @QueryParam("year") Integer year,
			Map<String, Object> body) {
		Object rows = body == null ? null : body.get("rows");
		try {
			return answer(api.saveRows(province, year,
					rows instanceof List<?> list ? (List<Map<String, String>>) list : null));
		}
		catch (ClassCastException ex) {
			return Response.status(400)
				.type(MediaType.APPLICATION_JSON)
				.entity(Map.of("message", "ข้อมูลแผนประเมินผลไม่ถูกต้อง"))
				.build();
		}
	}

	@GET
	@Path("plan.csv")
	public Response exportCsv(@QueryParam("province") String province, @QueryParam("year") Integer year) {
		return answer(api.exportCsv(province, year));
	}

	@POST
	@Path("plan.csv")
	@Consumes(MediaType.WILDCARD)
	@Produces(MediaType.APPLICATION_JSON)
	public Response importCsv(@QueryParam("province") String province, @QueryParam("year") Integer year, byte[] csv) {
		return answer(api.importCsv(province, year, csv));
	}

	@GET
	@Path("results")
	@Produces(MediaType.APPLICATION_JSON)
	public Response results(@QueryParam("province") String province, @QueryParam("year") Integer year) {
		return answer(api.results(province, year));
	}

	@GET
	@Path("results/{activityId}.{format}")
	public Response resultFile(@PathParam("activityId") long activityId, @PathParam("format") String format) {
		return answer(api.resultFile(activityId, format));
	}

	@GET
	@Path("tasks/{taskId}/summary")
	@Produces(MediaType.APPLICATION_JSON)
	public Response summary(@PathParam("taskId") String taskId) {
		return answer(api.summary(taskId));
	}

	@POST
	@Path("tasks/{taskId}/summary")
	@Consumes(MediaType.APPLICATION_JSON)
	@Produces(MediaType.APPLICATION_JSON)
	public Response record(@PathParam("taskId") String taskId, Map<String, Object> body) {
		return answer(api.record(taskId, body));
	}

	@GET
	@Path("tasks/{taskId}/summary.{format}")
	public Response summaryFile(@PathParam("taskId") String taskId, @PathParam("format") String format) {
		return answer(api.summaryFile(taskId, format));
	}

	@GET
	@Path("reports/ea3")
	@Produces(MediaType.APPLICATION_JSON)
	public Response reportEa3(@QueryParam("key") String businessKey) {
		return answer(api.reportEa3(businessKey));
	}

	@GET
	@Path("files/{id}")
	public Response file(@PathParam("id") long id) {
		return answer(api.ea4File(id));
	}

	private static Response answer(EvaluationApi.Answer a) {
		Response.ResponseBuilder r = Response.status(a.status()).type(a.mediaType()).entity(a.body());
		if (a.fileName() != null) {
			String encoded = fileName(a.fileName());
			r.header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
				.header("X-Content-Type-Options", "nosniff");
		}
		return r.build();
	}

}
