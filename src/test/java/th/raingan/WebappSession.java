package th.raingan;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user signed in to the Camunda webapps as a browser is: session cookie and CSRF token,
 * for testing what the webapps' plugins call.
 */
public class WebappSession {

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	public WebappSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
	}

	public static WebappSession login(int port, String user, String password) throws Exception {
		return login(port, "tasklist", user, password);
	}

	/**
	 * Signs in to one of the webapps ({@code tasklist}, {@code cockpit}) as its login
	 * page does.
	 */
	public static WebappSession login(int port, String app, String user, String password) throws Exception {
		WebappSession session = new WebappSession(port);
		int status = session.signIn(app, user, password);
		if (status != 200) {
			throw new IllegalStateException(user + " could not sign in: " + status);
		}
		// the signed-in session has a new CSRF token: a page load hands it over, as in
		// the browser
		session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/" + app + "/default/")).GET());
		return session;
	}

	/**
	 * The login page's answer: 200 signed in, otherwise refused (wrong password, or no
	 * access to that webapp).
	 */
	public int signIn(String app, String user, String password) throws Exception {
		send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET());
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		return send(request("/camunda/api/admin/auth/user/default/login/" + app)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
	}

	/**
	 * The login page's answer for a browser behind a reverse proxy that names it
	 * {@code clientAddress} (X-Forwarded-For): 200, 401, or 429 when that address is
	 * throttled.
	 */
	public HttpResponse<byte[]> signInFrom(String clientAddress, String app, String user, String password)
			throws Exception {
		send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET());
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		return send(request("/camunda/api/admin/auth/user/default/login/" + app)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", clientAddress)
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	public HttpResponse<byte[]> get(String path) throws Exception {
		return send(request(path).GET());
	}

	public HttpResponse<byte[]> post(String path, byte[] body) throws Exception {
		return send(request(path).header("Content-Type", "application/octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/**
	 * Any call with a body of the given type, with the session's CSRF token (as the
	 * webapps' pages send it).
	 */
	public HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body) throws Exception {
		return send(request(path).header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/**
	 * A POST as a page on another site could forge it: the session cookie goes along, the
	 * CSRF header does not.
	 */
	public HttpResponse<byte[]> postWithoutCsrfToken(String path, String contentType, byte[] body) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "application/json")
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/**
	 * A POST of a body published as it is read (a large upload from a generator), with
	 * the CSRF token; the answer arrives later.
	 */
	public java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> postAsync(String path,
			HttpRequest.BodyPublisher body) {
		return http.sendAsync(request(path).header("Content-Type", "application/octet-stream").POST(body).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	public HttpResponse<byte[]> put(String path, String json) throws Exception {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public HttpResponse<byte[]> delete(String path) throws Exception {
		return send(request(path).DELETE());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "application/json");
		cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
		return builder;
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	public static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

}
