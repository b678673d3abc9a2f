package th.raingan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in throttling by client address, not by account: after {@code limit} failed
 * sign-ins (a wrong password on the webapps' login page, or HTTP Basic credentials that
 * {@code /engine-rest} or {@code /api} refuse) from one address within {@code window},
 * that address's further sign-ins are answered 429 in Thai (with Retry-After) until its
 * oldest failure is older than the window. Camunda's own delay counts failures per user
 * and locks the account, so anyone could keep a known user out (one wrong password per
 * delay, or ten for good): it is switched off ({@code login-delay-base: 0},
 * {@code login-max-attempts}), and a correct password from another address always passes
 * here. The address is the connection's, or the last {@code X-Forwarded-For} entry when
 * the connection comes from a trusted reverse proxy
 * ({@code raingan.sign-in.trusted-proxies}, none by default, as a client could write that
 * header itself).
 */
class SignInThrottle extends OncePerRequestFilter {

	static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

	/** Addresses remembered at most (each a few failure times); the oldest go first. */
	static final int MAX_ADDRESSES = 10_000;

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private final int limit;

	private final long windowMillis;

	private final Pattern trustedProxies;

	private final LongSupplier clock;

	private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

	SignInThrottle(int limit, long windowMillis, String trustedProxies, LongSupplier clock) {
		this.limit = limit;
		this.windowMillis = windowMillis;
		this.trustedProxies = trustedProxies == null || trustedProxies.isBlank() ? null
				: Pattern.compile(trustedProxies);
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!signsIn(request)) {
			chain.doFilter(request, response);
			return;
		}
		String address = clientAddress(request);
		long wait = waitMillis(address);
		if (wait > 0) {
			long seconds = Math.max(1, (wait + 999) / 1000);
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(seconds));
			response.setContentType("application/json;charset=UTF-8");
			response.getOutputStream()
				.write(("{\"type\":\"TooManyRequests\",\"message\":\"ลงชื่อเข้าใช้ผิดเกิน " + limit
						+ " ครั้งจากเครื่องนี้ กรุณารอ " + seconds
						+ " วินาทีแล้วลองใหม่ (ผู้ใช้อื่นและเครื่องอื่นลงชื่อเข้าใช้ได้ตามปกติ)\"}")
					.getBytes(StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			failed(address);
		}
	}

	/** A sign-in: the login page's POST, or any call that carries credentials. */
	private static boolean signsIn(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
			return true;
		}
		return (path.startsWith("/engine-rest/") || path.startsWith("/api/"))
				&& request.getHeader("Authorization") != null;
	}

	String clientAddress(HttpServletRequest request) {
		String remote = request.getRemoteAddr();
		String forwarded = request.getHeader("X-Forwarded-For");
		if (trustedProxies != null && forwarded != null && trustedProxies.matcher(remote).matches()) {
			String[] hops = forwarded.split(",");
			String last = hops[hops.length - 1].strip();
			if (!last.isEmpty()) {
				return last;
			}
		}
		return remote;
	}

	/** How long the address must wait before it may try again; 0 when it may now. */
	long waitMillis(String address) {
		Deque<Long> times = failures.get(address);
		if (times == null) {
			return 0;
		}
		synchronized (times) {
			long now = clock.getAsLong();
			while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
				times.pollFirst();
			}
			return times.size() < limit ? 0 : times.peekFirst() + windowMillis - now;
		}
	}

	void failed(String address) {
		if (failures.size() >= MAX_ADDRESSES && !failures.containsKey(address)) {
			forgetExpired();
		}
		Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(clock.getAsLong());
			while (times.size() > limit) {
				times.pollFirst();
			}
			if (times.size() == limit) {
				log.warn("Sign-in refused for {} s: {} failed sign-ins from {}", windowMillis / 1000, limit, address);
			}
		}
	}

	private void forgetExpired() {
		long now = clock.getAsLong();
		failures.entrySet().removeIf(e -> {
			synchronized (e.getValue()) {
				return e.getValue().isEmpty() || e.getValue().peekLast() <= now - windowMillis;
			}
		});
		if (failures.size() >= MAX_ADDRESSES) {
			failures.clear(); // a flood of addresses: start again rather than grow
		}
	}

}
