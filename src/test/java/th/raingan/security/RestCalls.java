package th.raingan.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plain HTTP calls as a REST client makes them, with or without HTTP Basic credentials,
 * answering status and body whatever the status: the security tests look at refusals,
 * which a template would turn into exceptions.
 */
final class RestCalls {

	static final ObjectMapper JSON = new ObjectMapper();

	private final String base;

	private final HttpClient http = HttpClient.newHttpClient();

	RestCalls(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A user's credentials, or {@code null} for an anonymous caller. */
	record Login(String user, String password) {

		static final Login ANONYMOUS = new Login("anonymous", null);

		String header() {
			return "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		}

	}

	record Answer(int status, String body) {

		Object json() {
			try {
				return JSON.readValue(body, Object.class);
			}
			catch (JsonProcessingException ex) {
				throw new AssertionError("not JSON (" + status + "): " + body, ex);
			}
		}

	}

	Answer call(Login login, String method, String path, Object jsonBody) {
		try {
			String body = jsonBody == null ? "" : JSON.writeValueAsString(jsonBody);
			return send(login, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/** A GET with a body type is asked as that type (the rendered form is XHTML). */
	Answer send(Login login, String method, String path, String contentType, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept",
					method.equals("GET") && !contentType.equals("application/json") ? contentType : "application/json")
			.header("Content-Type", contentType);
		if (login.password() != null) {
			request.header("Authorization", login.header());
		}
		request.method(method, body.length == 0 && method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(body));
		try {
			HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
