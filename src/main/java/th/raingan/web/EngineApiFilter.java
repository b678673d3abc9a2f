package th.raingan.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import th.raingan.engine.SignedIn;
import th.raingan.org.Groups;
import th.raingan.web.EngineApiSurface.Entry;

/**
 * Lets a signed-in user who is not in {@code camunda-admin} make only the engine REST
 * calls of {@link EngineApiSurface}; any other answers 403 with a Thai
 * {@code {"type":"Forbidden","message":...}} (Tasklist shows the message). The
 * administrator passes. Runs after the user is known (see {@link EngineApiGuard}): an
 * unknown user gets nothing but the calls Camunda itself opens to anonymous callers, so a
 * change in the filters' order refuses, never opens.
 */
class EngineApiFilter implements Filter {

	/** The largest body read for a condition on its {@code userId} (a claim is tiny). */
	static final int MAX_CONDITION_BODY = 16 * 1024;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Logger log = LoggerFactory.getLogger(EngineApiFilter.class);

	private final IdentityService identity;

	private final String webappEngineApi;

	/**
	 * @param webappEngineApi the webapps' engine API servlet path, e.g.
	 * {@code /camunda/api/engine}
	 */
	EngineApiFilter(IdentityService identity, String webappEngineApi) {
		this.identity = identity;
		this.webappEngineApi = webappEngineApi;
	}

	@Override
	public void init(FilterConfig config) throws ServletException {
		if (config.getServletContext().getServletRegistration(EngineApiGuard.WEBAPP_ENGINE_SERVLET) == null) {
			throw new ServletException("the webapps' engine API servlet \"" + EngineApiGuard.WEBAPP_ENGINE_SERVLET
					+ "\" is not registered: its calls would go unchecked");
		}
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		String path = enginePath(request);
		String method = request.getMethod();
		String override = request.getHeader("X-HTTP-Method-Override");
		Optional<SignedIn> user = SignedIn.current(identity);
		String who = user.map(SignedIn::userId).orElse("(not signed in)");
		if (user.isPresent() && user.get().inGroup(Groups.ADMIN)) {
			chain.doFilter(request, response);
			return;
		}
		if (path == null || (override != null && !override.equalsIgnoreCase(method))) {
			refuse(response, HttpServletResponse.SC_FORBIDDEN, who, method, request.getRequestURI(),
					"คำขอนี้ไม่เปิดให้ผู้ใช้ทั่วไป: " + method + " " + request.getRequestURI() + " (เฉพาะผู้ดูแลระบบ)");
			return;
		}
		if (user.isEmpty()) {
			if (anonymousAllowed(method, path)) {
				chain.doFilter(request, response);
			}
			else {
				refuse(response, HttpServletResponse.SC_UNAUTHORIZED, who, method, path, "กรุณาเข้าสู่ระบบก่อน");
			}
			return;
		}
		Optional<Entry> allowed = EngineApiSurface.find(method, path);
		if (allowed.isEmpty()) {
			refuse(response, HttpServletResponse.SC_FORBIDDEN, who, method, path, refusal(method, path));
			return;
		}
		Entry entry = allowed.get();
		switch (entry.condition()) {
			case NONE -> chain.doFilter(request, response);
			case PATH_USER_IS_CALLER -> {
				// the servlet path and path info are decoded already
				String userId = entry.segment(EngineApiSurface.segments(path), "userId");
				if (who.equals(userId)) {
					chain.doFilter(request, response);
				}
				else {
					refuse(response, HttpServletResponse.SC_FORBIDDEN, who, method, path,
							"เปลี่ยนรหัสผ่านได้เฉพาะของตนเอง (" + who + ") ไม่ใช่ของ " + userId);
				}
			}
			case BODY_USER_IS_CALLER -> {
				byte[] body = request.getInputStream().readNBytes(MAX_CONDITION_BODY + 1);
				Optional<String> userId = body.length > MAX_CONDITION_BODY ? null : bodyUserId(body);
				if (userId != null && userId.map(who::equals).orElse(false)) {
					chain.doFilter(new ReplayedRequest(request, body), response);
				}
				else {
					String sent = userId == null ? ""
							: userId.map(u -> " (ได้รับ \"" + u + "\")").orElse(" (ไม่ได้ระบุ)");
					refuse(response, HttpServletResponse.SC_FORBIDDEN, who, method, path,
							"userId: รับงานได้เฉพาะให้ตนเอง (" + who + ") ไม่ใช่ผู้ใช้อื่น" + sent);
				}
			}
		}
	}

	/**
	 * The path after the engine, or null for a request of neither engine API (the mapping
	 * should not allow it).
	 */
	String enginePath(HttpServletRequest request) {
		String servletPath = request.getServletPath();
		String info = request.getPathInfo() == null ? "" : request.getPathInfo();
		String full = servletPath + info;
		String rest;
		if (full.startsWith(webappEngineApi + "/engine")) {
			rest = full.substring((webappEngineApi + "/engine").length());
			// the engines list, then /{name}/...
			List<String> segments = EngineApiSurface.segments(rest);
			return segments.isEmpty() ? "/engine" : withoutFirst(segments);
		}
		if (full.startsWith("/engine-rest")) {
			rest = full.substring("/engine-rest".length());
			List<String> segments = EngineApiSurface.segments(rest);
			if (!segments.isEmpty() && segments.get(0).equals("engine")) {
				return segments.size() == 1 ? "/engine" : withoutFirst(segments.subList(1, segments.size()));
			}
			return "/" + String.join("/", segments);
		}
		return null;
	}

	private static String withoutFirst(List<String> segments) {
		return "/" + String.join("/", segments.subList(1, segments.size()));
	}

	/**
	 * What Camunda's webapps open to callers who have not signed in: the engines list and
	 * the password policy (the login and set-up pages).
	 */
	private static boolean anonymousAllowed(String method, String path) {
		return (method.equals("GET") && path.equals("/engine"))
				|| ((method.equals("GET") || method.equals("POST")) && path.equals("/identity/password-policy"));
	}

	/** The body's {@code userId}: empty when null or absent, null when unreadable. */
	private static Optional<String> bodyUserId(byte[] body) {
		try {
			JsonNode json = body.length == 0 ? null : JSON.readTree(body);
			if (json == null || json.isNull()) {
				return Optional.empty();
			}
			if (!json.isObject()) {
				return null;
			}
			JsonNode userId = json.get("userId");
			return userId == null || userId.isNull() ? Optional.empty() : Optional.of(userId.asText());
		}
		catch (IOException ex) {
			return null;
		}
	}

	static String refusal(String method, String path) {
		if (method.equals("PUT") && path.matches("/user/[^/]+/profile")) {
			return "แก้ไขชื่อหรืออีเมลของผู้ใช้ไม่ได้ทาง API นี้: ชื่อเปลี่ยนได้โดยผู้ดูแลระบบหรือพัฒนาการจังหวัด (บุคลากร) "
					+ "ส่วนอีเมลและโทรศัพท์ของตนเองแก้ได้ที่ \"ข้อมูลของฉัน\" (/api/people/me)";
		}
		return "คำขอนี้ไม่เปิดให้ผู้ใช้ทั่วไป ทำได้เฉพาะผู้ดูแลระบบ: " + method + " " + path
				+ " (รายการที่อนุญาต: docs/rest-surface.md)";
	}

	/** The refusal, answered and logged (who tried what: an auditor's trace). */
	private static void refuse(HttpServletResponse response, int status, String who, String method, String path,
			String message) throws IOException {
		log.info("engine call refused ({}): {} {} {}", status, who, method, path);
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), Map.of("type",
				status == HttpServletResponse.SC_FORBIDDEN ? "Forbidden" : "Unauthorized", "message", message));
	}

}
