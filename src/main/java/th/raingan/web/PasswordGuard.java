package th.raingan.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import th.raingan.engine.AsEngine;
import th.raingan.org.Passwords;

/**
 * Every way a password is set over HTTP meets the password policy, refused in Thai (HTTP
 * 400, one line per broken rule, the field named): a user's own change (Welcome, Admin's
 * "change password", {@code PUT /engine-rest/user/{id}/credentials}), an administrator
 * creating a user (Admin, {@code POST .../user/create}) and the first administrator's
 * set-up page. The engine itself refuses such a password ({@code enable-password-policy},
 * in {@code saveUser}, nothing written) but in English, without saying why, as an error;
 * this guard lets the request reach the engine unchanged (its sign-in and authorization
 * first: a stranger learns nothing, not even the rules a user's names would break) and
 * turns the engine's policy refusal into the Thai one, naming each rule.
 */
class PasswordGuard extends OncePerRequestFilter {

	static final Pattern CREDENTIALS = Pattern
		.compile("/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/user/([^/]+)/credentials/?");

	static final Pattern CREATE = Pattern.compile(
			"/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+|camunda/api/admin/setup/[^/]+)/user/create/?");

	static final String HEADING = "ตั้งรหัสผ่านไม่ได้ รหัสผ่านไม่เป็นไปตามนโยบาย:";

	/** The engine's words when {@code saveUser} meets a password below the policy. */
	static final String ENGINE_REFUSAL = "Password does not match policy";

	/** The most a password request may carry; a longer body is refused unread. */
	static final int MAX_BODY = 16 * 1024;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Passwords passwords;

	private final IdentityService identity;

	PasswordGuard(Passwords passwords, IdentityService identity) {
		this.passwords = passwords;
		this.identity = identity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher credentials = CREDENTIALS.matcher(path);
		boolean changing = "PUT".equals(request.getMethod()) && credentials.matches();
		boolean creating = "POST".equals(request.getMethod()) && CREATE.matcher(path).matches();
		if (!changing && !creating) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > MAX_BODY) {
			refuse(response, 413, "คำขอยาวเกิน " + MAX_BODY + " ไบต์", List.of());
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			refuse(response, 413, "คำขอยาวเกิน " + MAX_BODY + " ไบต์", List.of());
			return;
		}
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		chain.doFilter(new ReplayedRequest(request, body), answer);
		String said = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
		if (answer.getStatus() >= 400 && said.contains(ENGINE_REFUSAL)) {
			List<String> problems = problems(body, changing ? credentials.group(1) : null);
			answer.resetBuffer();
			refuse(response, 400, HEADING,
					problems.isEmpty() ? List.of(Passwords.FIELD + ": ไม่เป็นไปตามนโยบายรหัสผ่าน") : problems);
			return;
		}
		answer.copyBodyToResponse();
	}

	/**
	 * The rules the password breaks: a new user's data from the request, an existing
	 * user's from the directory (read only now, after the engine has let the caller
	 * change that user's password).
	 */
	private List<String> problems(byte[] body, String encodedUserId) {
		JsonNode json;
		try {
			json = JSON.readTree(body);
		}
		catch (IOException ex) {
			return List.of();
		}
		User user;
		JsonNode password;
		if (encodedUserId != null) {
			password = field(json, "password");
			String id = URLDecoder.decode(encodedUserId, StandardCharsets.UTF_8);
			user = AsEngine.call(identity, () -> identity.createUserQuery().userId(id).singleResult());
		}
		else {
			password = field(field(json, "credentials"), "password");
			JsonNode profile = field(json, "profile");
			String id = text(field(profile, "id"));
			user = identity.newUser(id == null ? "" : id);
			user.setFirstName(text(field(profile, "firstName")));
			user.setLastName(text(field(profile, "lastName")));
			user.setEmail(text(field(profile, "email")));
		}
		return passwords.problems(password == null || !password.isTextual() ? null : password.asText(), user);
	}

	private static JsonNode field(JsonNode node, String name) {
		return node == null || !node.isObject() ? null : node.get(name);
	}

	private static String text(JsonNode node) {
		return node == null || node.isNull() ? null : node.asText();
	}

	private static void refuse(HttpServletResponse response, int status, String heading, List<String> problems)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/json;charset=UTF-8");
		response.getOutputStream()
			.write(JSON.writeValueAsBytes(Map.of("type", "InvalidRequestException", "message",
					(heading + " " + String.join(" | ", problems)).strip(), "problems", problems)));
	}

}
