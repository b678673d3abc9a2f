package th.raingan.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every request body is bounded before anything reads it (issue 30):
 * {@code /engine-rest}, {@code /api} and the webapps' API with the plugins' endpoints
 * ({@code /camunda/api}). A body whose {@code Content-Length} is over its limit is
 * answered 413 with a Thai message at once, unread; a body without a length (chunked) is
 * read through a counting stream that answers the same 413 at the first byte over the
 * limit, whatever was reading it (Jersey, Spring MVC), and discards what the endpoint
 * then tries to answer. The limits, and why (RELIABILITY.md, "Bounds"):
 * <ul>
 * <li>{@link #JSON_BYTES} for JSON and any other body: more than twice the largest
 * legitimate submission, a district draft with {@code MAX_AREAS} area rows and every text
 * at its maximum length (measured by {@code RequestBoundsTest});</li>
 * <li>{@link #FILE_BYTES} for the CSV and Excel imports (a body typed {@code text/*} or a
 * spreadsheet);</li>
 * <li>{@link #UPLOAD_BYTES} for an upload to the attachments tab: a phone's photo is
 * taken and made to fit 2 MB there ({@code attachment.AttachmentService}); any other file
 * over 2 MB is refused there after its first bytes.</li>
 * </ul>
 */
@Configuration
public class RequestBounds {

	/**
	 * An upload to the attachments tab: the largest photo taken (a 40-megapixel JPEG at
	 * top quality is about 15 MB).
	 */
	public static final long UPLOAD_BYTES = 20L * 1024 * 1024;

	/** JSON bodies (submissions, drafts, the plugins' JSON endpoints). */
	static final long JSON_BYTES = 4L * 1024 * 1024;

	/** CSV and Excel imports. */
	static final long FILE_BYTES = 10L * 1024 * 1024;

	private static final Pattern UPLOAD = Pattern
		.compile("/camunda/api/tasklist/plugin/raingan-attachments/[^/]+/tasks/[^/]+/attachments/?");

	private static final Logger LOG = LoggerFactory.getLogger(RequestBounds.class);

	@Bean
	FilterRegistrationBean<Filter> requestBodyBounds() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Bounds());
		registration.setName("raingan-request-bounds");
		registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
		// before anything that could read the body (authentication, CSRF, Jersey, Spring
		// MVC)
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** The limit of a request's body. */
	static long limit(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("POST".equals(request.getMethod()) && UPLOAD.matcher(path).matches()) {
			return UPLOAD_BYTES;
		}
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
		if (type.startsWith("text/") || type.contains("spreadsheet") || type.contains("excel")
				|| type.startsWith("application/octet-stream")) {
			return FILE_BYTES;
		}
		return JSON_BYTES;
	}

	static String megabytes(long bytes) {
		return bytes % (1024 * 1024) == 0 ? String.valueOf(bytes / 1024 / 1024)
				: String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
	}

	static final class Bounds implements Filter {

		@Override
		public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
				throws IOException, ServletException {
			HttpServletRequest request = (HttpServletRequest) req;
			HttpServletResponse response = (HttpServletResponse) res;
			long limit = limit(request);
			long declared = request.getContentLengthLong();
			if (declared > limit) {
				LOG.info("refused {} {}: Content-Length {} over {}", request.getMethod(), request.getRequestURI(),
						declared, limit);
				Refusable refusable = new Refusable(response);
				refusable.refuse("ข้อมูลที่ส่งมามีขนาด " + megabytes(declared) + " MB เกิน " + megabytes(limit)
						+ " MB ที่ระบบรับได้ ไม่ได้บันทึกสิ่งใด");
				return;
			}
			Refusable refusable = new Refusable(response);
			try {
				chain.doFilter(new Bounded(request, limit, refusable), refusable);
			}
			catch (IOException | ServletException | RuntimeException ex) {
				if (!refusable.refused) {
					throw ex;
				}
				// what failed after the refusal (a reader that met BodyTooLarge):
				// answered
				// already
				LOG.debug("after the refusal of {}", request.getRequestURI(), ex);
			}
		}

	}

	/**
	 * The response, until a refusal: then the 413 is written and whatever the endpoint
	 * answers afterwards is dropped.
	 */
	static final class Refusable extends HttpServletResponseWrapper {

		private boolean refused;

		Refusable(HttpServletResponse response) {
			super(response);
		}

		void refuse(String message) throws IOException {
			if (refused) {
				return;
			}
			refused = true;
			HttpServletResponse response = (HttpServletResponse) getResponse();
			if (response.isCommitted()) {
				return;
			}
			response.reset();
			response.setStatus(413);
			response.setContentType("application/json;charset=UTF-8");
			// the rest of the body is not read: the connection is closed after this
			// answer
			response.setHeader("Connection", "close");
			byte[] body = ("{\"message\":\"" + message.replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			response.flushBuffer();
		}

		@Override
		public void setStatus(int sc) {
			if (!refused) {
				super.setStatus(sc);
			}
		}

		@Override
		public void sendError(int sc) throws IOException {
			if (!refused) {
				super.sendError(sc);
			}
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			if (!refused) {
				super.sendError(sc, msg);
			}
		}

		@Override
		public void setHeader(String name, String value) {
			if (!refused) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (!refused) {
				super.addHeader(name, value);
			}
		}

		@Override
		public void setContentType(String type) {
			if (!refused) {
				super.setContentType(type);
			}
		}

		@Override
		public void setContentLength(int len) {
			if (!refused) {
				super.setContentLength(len);
			}
		}

		@Override
		public void setContentLengthLong(long len) {
			if (!refused) {
				super.setContentLengthLong(len);
			}
		}

		@Override
		public void reset() {
			if (!refused) {
				super.reset();
			}
		}

		@Override
		public void resetBuffer() {
			if (!refused) {
				super.resetBuffer();
			}
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			return refused ? new Discarded() : super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			return refused ? new PrintWriter(new Discarded()) : super.getWriter();
		}

	}

	/** What an endpoint writes after the refusal. */
	static final class Discarded extends ServletOutputStream {

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
		}

	}

	/** The request, its body read through {@link Counting}. */
	static final class Bounded extends HttpServletRequestWrapper {

		private final long limit;

		private final Refusable response;

		private Counting stream;

		Bounded(HttpServletRequest request, long limit, Refusable response) {
			super(request);
			this.limit = limit;
			this.response = response;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new Counting(super.getInputStream(), limit, response, getRequestURI());
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	/** Counts the bytes read; the first byte over the limit refuses the request. */
	static final class Counting extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private final Refusable response;

		private final String uri;

		private long count;

		Counting(ServletInputStream in, long limit, Refusable response, String uri) {
			this.in = in;
			this.limit = limit;
			this.response = response;
			this.uri = uri;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = in.read(b, off, len);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) throws IOException {
			count += n;
			if (count > limit) {
				LOG.info("refused {}: body over {} bytes (no Content-Length)", uri, limit);
				response
					.refuse("ข้อมูลที่ส่งมามีขนาดเกิน " + megabytes(limit) + " MB ที่ระบบรับได้ ไม่ได้บันทึกสิ่งใด");
				throw new BodyTooLarge(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

		@Override
		public int available() throws IOException {
			return in.available();
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

	}

	/** Thrown to whatever reads a body past its limit (the 413 is already answered). */
	static final class BodyTooLarge extends IOException {

		private static final long serialVersionUID = 1L;

		BodyTooLarge(long limit) {
			super("request body over " + limit + " bytes");
		}

	}

}
