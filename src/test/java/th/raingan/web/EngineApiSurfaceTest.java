package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import th.raingan.web.EngineApiSurface.Condition;

/**
 * The allowed engine REST calls of a non-administrator: docs/rest-surface.md shows the
 * table the filter applies, row for row; a few calls on each side of the line.
 */
class EngineApiSurfaceTest {

	@Test
	void theDocsShowTheTableTheFilterApplies() throws Exception {
		String docs = Files.readString(Path.of("docs/rest-surface.md"), StandardCharsets.UTF_8);
		String table = EngineApiSurface.markdown();
		assertThat(docs).as("docs/rest-surface.md must hold this table:\n" + table).contains(table);
	}

	@Test
	void theWorkOfATaskIsAllowedItsWayAroundTheFormIsNot() {
		assertThat(EngineApiSurface.find("POST", "/task/abc/submit-form")).isPresent();
		assertThat(EngineApiSurface.find("POST", "/task/abc/complete")).isPresent();
		assertThat(EngineApiSurface.find("GET", "/task/abc/form-variables")).isPresent();
		assertThat(EngineApiSurface.find("HEAD", "/task/abc")).isPresent();
		assertThat(EngineApiSurface.find("OPTIONS", "/filter")).isPresent();
		assertThat(EngineApiSurface.find("POST", "/task/abc/claim").orElseThrow().condition())
			.isEqualTo(Condition.BODY_USER_IS_CALLER);
		for (String[] refused : new String[][] { { "POST", "/task/abc/bpmnError" },
				{ "POST", "/task/abc/bpmnEscalation" }, { "PUT", "/task/abc/variables/x" },
				{ "POST", "/task/abc/variables" }, { "DELETE", "/task/abc/variables/x" },
				{ "PUT", "/task/abc/localVariables/x" }, { "POST", "/task/abc/delegate" },
				{ "POST", "/task/abc/identity-links" }, { "POST", "/task/abc/identity-links/delete" },
				{ "POST", "/task/abc/resolve" }, { "PUT", "/task/abc" }, { "DELETE", "/task/abc" },
				{ "POST", "/process-instance/abc/modification" }, { "POST", "/process-instance/abc/variables" },
				{ "PUT", "/process-instance/abc/suspended" }, { "DELETE", "/process-instance/abc" },
				{ "POST", "/migration/execute" }, { "POST", "/message" }, { "POST", "/signal" },
				{ "PUT", "/job/abc/retries" }, { "POST", "/job/abc/execute" }, { "PUT", "/incident/abc/annotation" },
				{ "PUT", "/job-definition/abc/suspended" }, { "POST", "/external-task/fetchAndLock" },
				{ "POST", "/deployment/create" }, { "DELETE", "/deployment/abc" }, { "PUT", "/user/abc/profile" },
				{ "POST", "/user/create" }, { "DELETE", "/user/abc" }, { "POST", "/group/create" },
				{ "PUT", "/group/g/members/u" }, { "POST", "/authorization/create" }, { "POST", "/tenant/create" },
				{ "GET", "/process-definition/statistics" }, { "GET", "/process-definition/abc/statistics" },
				{ "GET", "/metrics" }, { "GET", "/metrics/activity-instance-end/sum" },
				{ "GET", "/history/process-instance/report" }, { "GET", "/telemetry/data" }, { "GET", "/schema/log" },
				{ "POST", "/process-definition/abc/start" }, { "GET", "/authorization" } }) {
			assertThat(EngineApiSurface.find(refused[0], refused[1])).as(refused[0] + " " + refused[1]).isEmpty();
		}
	}

}
