package th.raingan.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP as the users' browsers and scripts speak it to a node: {@code /engine-rest} and
 * {@code /api} with HTTP Basic. Connection failures are thrown as {@link IOException}:
 * the caller decides whether the request may be repeated.
 */
final class Rest {

	static final ObjectMapper JSON = new ObjectMapper();

	/** A response: status and parsed body (null when empty). */
	record Response(int status, JsonNode body) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

		String message() {
			return body == null || body.get("message") == null ? String.valueOf(body) : body.get("message").asText();
		}

	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Supplier<String> baseUrl;

	Rest(Supplier<String> baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * The demo passwords (Accounts): str4201/test4201, review42/review42,
	 * manager42/manager42.
	 */
	static String password(String user) {
		if (user.equals("admin")) {
			return AppNode.ADMIN_PASSWORD;
		}
		if (user.startsWith("str")) {
			return "test" + user.substring(3);
		}
		// the demo's accounts have their id as password; an account created in a test
		// must
		// pass the password policy (OnboardingIT)
		return user.matches("(review|manager|head|cdo|cdd)\\d.*") ? user
				: "Pw-" + new StringBuilder(user).reverse() + "-7X";
	}

	Response get(String user, String path) throws IOException {
		return send(user, request(path).GET());
	}

	Response post(String user, String path, Object body) throws IOException {
		return send(user, request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	Response put(String user, String path, Object body) throws IOException {
		return send(user, request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	Response postCsv(String user, String path, String csv) throws IOException {
		return send(user, request(path).header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).timeout(Duration.ofSeconds(60));
	}

	private Response send(String user, HttpRequest.Builder request) throws IOException {
		String auth = Base64.getEncoder()
			.encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8));
		try {
			HttpResponse<String> response = http.send(request.header("Authorization", "Basic " + auth).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			String body = response.body();
			return new Response(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	/**
	 * Form variables as {@code /engine-rest} takes them: {@code {"variables": {"name":
	 * {"value": ...}}}}.
	 */
	static Map<String, Object> variables(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name,
				value instanceof Map<?, ?> typed && typed.containsKey("type") ? typed : Map.of("value", value)));
		return Map.of("variables", variables);
	}

	/** The area rows as Tasklist submits a dynamic list: one JSON variable. */
	static Map<String, Object> json(List<?> rows) throws IOException {
		return Map.of("type", "Json", "value", JSON.writeValueAsString(rows));
	}

}
