package th.raingan.people.plugin;

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

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;

import th.raingan.engine.SignedIn;
import th.raingan.people.PeopleApi;

/**
 * The profile and onboarding screens' backend; every answer comes from {@link PeopleApi}.
 */
public class PeopleResource extends AbstractTasklistPluginResource {

	private final PeopleApi api;

	private final IdentityService identity;

	PeopleResource(String engineName, PeopleApi api, IdentityService identity) {
		super(engineName);
		this.api = api;
		this.identity = identity;
	}

	@GET
	@Path("me")
	@Produces(MediaType.APPLICATION_JSON)
	public Response me() {
		return answer(api.me(user()));
	}

	@PUT
	@Path("me")
	@Consumes(MediaType.APPLICATION_JSON)
	@Produces(MediaType.APPLICATION_JSON)
	public Response updateMe(Map<String, Object> body) {
		return answer(api.updateMe(user(), body));
	}

	@GET
	@Path("offices")
	@Produces(MediaType.APPLICATION_JSON)
	public Response offices() {
		return answer(api.offices(user()));
	}

	@GET
	@Path("offices/{code}")
	@Produces(MediaType.APPLICATION_JSON)
	public Response people(@PathParam("code") String code) {
		return answer(api.peopleOf(user(), code));
	}

	@GET
	@Path("users/{id}")
	@Produces(MediaType.APPLICATION_JSON)
	public Response user(@PathParam("id") String id) {
		return answer(api.user(user(), id));
	}

	@PUT
	@Path("users/{id}")
	@Consumes(MediaType.APPLICATION_JSON)
	@Produces(MediaType.APPLICATION_JSON)
	public Response updateUser(@PathParam("id") String id, Map<String, Object> body) {
		return answer(api.updateUser(user(), id, body));
	}

	@POST
	@Path("import")
	@Consumes(MediaType.WILDCARD)
	@Produces(MediaType.APPLICATION_JSON)
	public Response importPeople(@QueryParam("takeValidRows") boolean takeValidRows, byte[] csv) {
		return answer(api.importPeople(user(), csv, takeValidRows));
	}

	private String user() {
		SignedIn authentication = SignedIn.current(identity).orElse(null);
		return authentication == null ? null : authentication.userId();
	}

	private static Response answer(PeopleApi.Answer answer) {
		return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
	}

}
