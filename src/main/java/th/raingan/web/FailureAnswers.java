package th.raingan.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * No answer carries the server's internals (issue 30): a failure that reaches
 * {@code /engine-rest}, the webapps' engine API and plugins ({@code /camunda/api}) or
 * {@code /api} as a 5xx (Camunda's REST answers any engine or database exception it does
 * not know as 500, with the exception's message: an SQL statement, an index name) is
 * answered in Thai instead, the detail kept in the log under a reference the answer
 * gives:
 * <ul>
 * <li>409 for a concurrent change: the engine's optimistic locking (Camunda's code 1), a
 * deadlock (10000), a unique index or another constraint the same change hit first (e.g.
 * two submits of one draft at once);</li>
 * <li>400 for a value the database cannot hold (Camunda's code 10002) and for the engine
 * refusing what was asked (a {@code ProcessEngineException}: an escalation the task's
 * process does not catch, a message nobody waits for);</li>
 * <li>503 when the database cannot be reached; any other failure stays 500, in Thai,
 * without its detail.</li>
 * </ul>
 * Camunda's own 4xx answers and the project's refusals pass unchanged. The rule is in one
 * place, {@link #answer}, for Camunda's answers and for exceptions that escape to the
 * servlet container (Spring MVC's {@code /api}).
 */
@Configuration
class FailureAnswers {

	private static final Logger LOG = LoggerFactory.getLogger(FailureAnswers.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	static final String CONCURRENT = "มีการบันทึกหรือส่งงานนี้พร้อมกันจากที่อื่น การกระทำนี้ไม่ได้บันทึก "
			+ "กรุณาโหลดหน้าใหม่แล้วตรวจดูสถานะงานอีกครั้ง";

	static final String TASK_GONE = "งานนี้ส่งหรือดำเนินการไปแล้ว (จากหน้าต่างอื่นหรือโดยผู้อื่นพร้อมกัน) การกระทำนี้ไม่ได้บันทึก "
			+ "กรุณาโหลดหน้าใหม่แล้วตรวจดูสถานะงานอีกครั้ง";

	static final String TOO_LONG = "ข้อมูลที่ส่งมายาวหรือมากเกินกว่าที่ระบบเก็บได้ ไม่ได้บันทึกสิ่งใด";

	static final String ENGINE_REFUSED = "ระบบไม่สามารถดำเนินการนี้กับงานหรือกระบวนงานนี้ได้ ไม่ได้บันทึกสิ่งใด";

	static final String DATABASE_DOWN = "ฐานข้อมูลไม่พร้อมใช้งานชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่";

	static final String FAILED = "ระบบขัดข้อง การกระทำนี้ไม่ได้บันทึก กรุณาลองใหม่ หากยังไม่ได้ แจ้งผู้ดูแลระบบพร้อมรหัสอ้างอิง";

	@Bean
	FilterRegistrationBean<Filter> failureAnswersFilter(org.camunda.bpm.engine.TaskService tasks) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new Answering(taskId -> tasks.createTaskQuery().taskId(taskId).count() > 0));
		registration.setName("raingan-failure-answers");
		registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/** A failure's Thai answer. */
	record Answer(int status, String message) {

	}

	/**
	 * What a failure becomes, from Camunda's answer ({@code type}, {@code code},
	 * {@code message}) or the exception's chain (class names and messages joined).
	 */
	static Answer answer(String type, Integer code, String detail) {
		String text = (type + " " + detail).toLowerCase(java.util.Locale.ROOT);
		if (text.contains("cannot find task with id")) {
			// completed (or deleted) a moment before, by the same draft's other submit
			return new Answer(409, TASK_GONE);
		}
		if (Integer.valueOf(1).equals(code) || Integer.valueOf(10000).equals(code)
				|| Integer.valueOf(10001).equals(code) || text.contains("optimisticlocking")
				|| text.contains("duplicatekey") || text.contains("dataintegrityviolation")
				|| text.contains("integrityconstraintviolation") || text.contains("unique index")
				|| text.contains("unique constraint") || text.contains("duplicate key") || text.contains("deadlock")
				|| text.contains("cannotacquirelock")) {
			return new Answer(409, CONCURRENT);
		}
		if (Integer.valueOf(10002).equals(code) || text.contains("value too long")
				|| text.contains("numeric field overflow") || text.contains("datatruncation")) {
			return new Answer(400, TOO_LONG);
		}
		if (text.contains("cannotgetjdbcconnection") || text.contains("connection is not available")
				|| text.contains("connection refused")) {
			return new Answer(503, DATABASE_DOWN);
		}
		if (text.contains("processengineexception") || text.contains("restexception")) {
			return new Answer(400, ENGINE_REFUSED);
		}
		return new Answer(500, FAILED);
	}

	static String chain(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = failure; t != null && text.length() < 20_000; t = t.getCause() == t ? null : t.getCause()) {
			text.append(t.getClass().getName()).append(": ").append(t.getMessage()).append(" | ");
		}
		return text.toString();
	}

	static final class Answering implements Filter {

		/**
		 * A task's completion, form submission or resolution: when it fails and the task
		 * is gone, another request (the same draft's other submit) completed it first,
		 * whatever the engine's exception says (on PostgreSQL the loser of the race may
		 * meet the removed execution as a NullPointerException inside the engine).
		 */
		private static final java.util.regex.Pattern TASK_ACTION = java.util.regex.Pattern
			.compile(".*/task/([^/]+)/(complete|submit-form|resolve)$");

		private final java.util.function.Predicate<String> taskExists;

		Answering(java.util.function.Predicate<String> taskExists) {
			this.taskExists = taskExists;
		}

		/**
		 * Read when no user is signed in on the thread any more (Camunda's authentication
		 * filters run inside this one), so the engine does not filter it.
		 */
		private Answer taskGoneOr(HttpServletRequest request, Answer answer) {
			java.util.regex.Matcher action = TASK_ACTION.matcher(request.getRequestURI());
			if (answer.status() >= 500 && action.matches()) {
				try {
					if (!taskExists.test(action.group(1))) {
						return new Answer(409, TASK_GONE);
					}
				}
				catch (RuntimeException unknown) {
					// the database itself failing: the answer stays as classified
				}
			}
			return answer;
		}

		@Override
		public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
				throws IOException, ServletException {
			HttpServletRequest request = (HttpServletRequest) req;
			HttpServletResponse response = (HttpServletResponse) res;
			Capturing capturing = new Capturing(response);
			try {
				chain.doFilter(request, capturing);
			}
			catch (IOException | ServletException | RuntimeException ex) {
				if (response.isCommitted()) {
					throw ex;
				}
				String reference = reference();
				LOG.error("[{}] {} {} failed", reference, request.getMethod(), request.getRequestURI(), ex);
				Answer answer = taskGoneOr(request, answer(ex.getClass().getName(), null, chain(ex)));
				write(response, answer, reference);
				return;
			}
			if (capturing.captured != null) {
				String body = capturing.captured.toString(StandardCharsets.UTF_8);
				String type = "";
				Integer code = null;
				try {
					JsonNode json = JSON.readTree(body);
					type = json.path("type").asText("");
					code = json.hasNonNull("code") ? json.path("code").asInt() : null;
				}
				catch (IOException | RuntimeException notJson) {
					// an HTML error page: classified by its text
				}
				String reference = reference();
				LOG.warn("[{}] {} {} answered {}: {}", reference, request.getMethod(), request.getRequestURI(),
						capturing.status, body);
				write(response, taskGoneOr(request, answer(type, code, body)), reference);
			}
		}

		private static String reference() {
			return UUID.randomUUID().toString().substring(0, 8);
		}

		private static void write(HttpServletResponse response, Answer answer, String reference) throws IOException {
			response.reset();
			response.setStatus(answer.status());
			response.setContentType("application/json;charset=UTF-8");
			String message = answer.message() + (answer.status() >= 500 ? " (รหัสอ้างอิง " + reference + ")" : "");
			byte[] body = JSON
				.writeValueAsBytes(Map.of("type", "RainganFailure", "message", message, "reference", reference));
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}

	}

	/**
	 * The response as it is, until its status is 5xx: then its body (at most 64 KB) and
	 * length are held back for {@link Answering} to replace.
	 */
	static final class Capturing extends HttpServletResponseWrapper {

		private static final int MAX_CAPTURE = 64 * 1024;

		int status = 200;

		ByteArrayOutputStream captured;

		Capturing(HttpServletResponse response) {
			super(response);
		}

		private boolean failed() {
			return status >= 500;
		}

		@Override
		public void setStatus(int sc) {
			status = sc;
			if (failed()) {
				captured = new ByteArrayOutputStream();
			}
			else {
				// a later answer replaces the failure (an inner filter that turned the
				// engine's 500 into its own Thai 4xx, e.g. PasswordGuard)
				captured = null;
				super.setStatus(sc);
			}
		}

		@Override
		public void sendError(int sc) throws IOException {
			sendError(sc, null);
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			status = sc;
			if (failed()) {
				captured = new ByteArrayOutputStream();
				if (msg != null) {
					captured.writeBytes(msg.getBytes(StandardCharsets.UTF_8));
				}
			}
			else {
				captured = null;
				super.sendError(sc, msg);
			}
		}

		@Override
		public int getStatus() {
			return failed() ? status : super.getStatus();
		}

		@Override
		public void setContentLength(int len) {
			if (!failed()) {
				super.setContentLength(len);
			}
		}

		@Override
		public void setContentLengthLong(long len) {
			if (!failed()) {
				super.setContentLengthLong(len);
			}
		}

		@Override
		public void setHeader(String name, String value) {
			if (!(failed() && "content-length".equalsIgnoreCase(name))) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void flushBuffer() throws IOException {
			if (!failed()) {
				super.flushBuffer();
			}
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (!failed()) {
				return super.getOutputStream();
			}
			return new ServletOutputStream() {

				@Override
				public void write(int b) {
					if (captured.size() < MAX_CAPTURE) {
						captured.write(b);
					}
				}

				@Override
				public void write(byte[] b, int off, int len) {
					captured.write(b, off, Math.max(0, Math.min(len, MAX_CAPTURE - captured.size())));
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
				}

			};
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (!failed()) {
				return super.getWriter();
			}
			return new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
		}

	}

}
