package th.raingan.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * What the webapp plugins' endpoints (JAX-RS) answer in common: a refusal as a Thai
 * {@code message}, a file name for {@code Content-Disposition}, a whole number read from
 * a query parameter with the problem named.
 */
public final class PluginAnswers {

	private PluginAnswers() {
	}

	/** A refusal with its Thai message, as JSON {@code {"message": ...}}. */
	public static Response refuse(Status status, String message) {
		return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("message", message)).build();
	}

	/**
	 * A (Thai) file name encoded for {@code filename*=UTF-8''...} (spaces as %20, not +).
	 */
	public static String fileName(String name) {
		return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * A whole number between min and max, or null when the parameter is empty; anything
	 * else adds the problem and gives null.
	 */
	public static Integer whole(String text, int min, int max, String problem, List<String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			int value = Integer.parseInt(text.strip());
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		problems.add(problem);
		return null;
	}

}
