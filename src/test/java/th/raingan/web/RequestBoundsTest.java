package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static th.raingan.report.DistrictReportProcess.*;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.ReportDrafts;
import th.raingan.report.ReportValidator;

/**
 * Every request body is bounded before it is read (issue 30): uploads far over the limit
 * from one district, all at once, are refused without exhausting the memory while another
 * user's task list is answered; a JSON body over its limit is refused with a Thai 413
 * whether or not it says its length; the largest legitimate submission fits with room.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestBoundsTest {

	static final String ATTACHMENTS = "/camunda/api/tasklist/plugin/raingan-attachments/default";

	static final long FIFTY_MB = 50L * 1024 * 1024;

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ProjectCatalog catalog;

	final HttpClient http = HttpClient.newHttpClient();

	String draftOf4201() {
		var assignment = catalog.assignment(2569, "801-112-P0167-2026-02", "4201").orElseThrow();
		String instance = runtime
			.startProcessInstanceByKey(KEY, "bounds-" + UUID.randomUUID(), ReportDrafts.inputsFor4201(assignment))
			.getId();
		return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
	}

	@Test
	void sixteenConcurrentFiftyMegabyteUploadsAreRefusedWhileAnotherUsersTaskListAnswers(CapturedOutput output)
			throws Exception {
		String task = draftOf4201();
		WebappSession district = WebappSession.login(port, "str4201", "test4201");
		// the same task list alone first (and the REST application warmed up)
		taskList();
		long quietStart = System.nanoTime();
		assertThat(taskList().statusCode()).isEqualTo(200);
		long quietMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - quietStart);
		long before = usedMemory();
		List<CompletableFuture<HttpResponse<byte[]>>> uploads = new ArrayList<>();
		Generated.started.set(0);
		long started = System.nanoTime();
		for (int i = 0; i < 16; i++) {
			// half say their length (refused unread), half are chunked photos (read up to
			// the photos' 20 MB, then refused)
			boolean declared = i % 2 == 0;
			byte[] head = declared ? "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)
					: new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0 };
			HttpRequest.BodyPublisher body = declared
					? HttpRequest.BodyPublishers.fromPublisher(
							HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(head, FIFTY_MB)), FIFTY_MB)
					: HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(head, FIFTY_MB));
			uploads.add(district.postAsync(ATTACHMENTS + "/tasks/" + task + "/attachments?name="
					+ (declared ? "big-" + i + ".pdf" : "big-" + i + ".jpg"), body));
		}
		// another user's task list in the same seconds: once every upload is sending
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> Generated.started.get() >= 16 || uploads.stream().allMatch(CompletableFuture::isDone));
		long listStart = System.nanoTime();
		HttpResponse<String> list = http
			.send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest/task?maxResults=50"))
				.header("Authorization", basic("review42", "review42"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		long listMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - listStart);
		List<Integer> statuses = new ArrayList<>();
		List<String> messages = new ArrayList<>();
		for (CompletableFuture<HttpResponse<byte[]>> upload : uploads) {
			HttpResponse<byte[]> answer = upload.get(120, TimeUnit.SECONDS);
			statuses.add(answer.statusCode());
			messages.add(String.valueOf(JSON.readValue(answer.body(), Map.class).get("message")));
		}
		long allMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		System.out.println("[bounds] 16 uploads of 50 MB: statuses " + statuses + " in " + allMillis
				+ " ms; review42's task list " + list.statusCode() + " in " + listMillis + " ms (alone " + quietMillis
				+ " ms); heap used before " + before / 1024 / 1024 + " MB, after " + usedMemory() / 1024 / 1024
				+ " MB");
		assertThat(statuses).hasSize(16).allSatisfy(status -> assertThat(status).isBetween(400, 499));
		assertThat(statuses.subList(0, 16)).contains(413);
		assertThat(messages)
			.allSatisfy(message -> assertThat(message).containsPattern("[\\u0E00-\\u0E7F]").contains("MB"));
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(output.getAll()).doesNotContain("OutOfMemoryError");
		assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
		assertThat(district.get(ATTACHMENTS + "/tasks/" + task + "/attachments").body())
			.asString(StandardCharsets.UTF_8)
			.contains("\"files\":[]");
	}

	@Test
	void aJsonBodyOverItsLimitIsRefusedInThaiWithOrWithoutItsLength() throws Exception {
		String task = draftOf4201();
		// 12 MB of variables, as in the issue
		String padding = "ก".repeat(4 * 1024 * 1024);
		byte[] body = JSON.writeValueAsBytes(Map.of("variables", Map.of(OUTPUT, Map.of("value", padding))));
		assertThat(body.length).isGreaterThan(12 * 1024 * 1024);
		for (boolean declared : new boolean[] { true, false }) {
			HttpRequest.BodyPublisher publisher = declared ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
			HttpResponse<String> answer = http
				.send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest/task/" + task + "/complete"))
					.header("Authorization", basic("str4201", "test4201"))
					.header("Content-Type", "application/json")
					.POST(publisher)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(declared ? "with Content-Length" : "chunked").isEqualTo(413);
			assertThat(JSON.readValue(answer.body(), Map.class).get("message").toString())
				.contains("เกิน " + RequestBounds.megabytes(RequestBounds.JSON_BYTES) + " MB ที่ระบบรับได้");
			assertThat(tasks.createTaskQuery().taskId(task).count()).as("the draft is still open").isEqualTo(1);
			assertThat(runtime.getVariable(tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId(),
					OUTPUT))
				.isNull();
		}
	}

	/**
	 * The largest submission a district can make: {@code MAX_AREAS} area rows and every
	 * text at its longest (Thai, 3 bytes a character). It is measured, printed, accepted,
	 * and the JSON limit leaves it twice the room.
	 */
	@Test
	void theLargestLegitimateSubmissionFitsTheLimitWithRoom() throws Exception {
		String task = draftOf4201();
		Map<String, Object> draft = ReportDrafts.valid();
		draft.put(EVALUATION_REQUIRED, null);
		draft.remove(EVALUATION_REQUIRED);
		draft.put(OUTPUT, "ผ".repeat(4000));
		draft.put(SUCCESS_POINTS, "ส".repeat(4000));
		draft.put(OFFICER_NAME, "น".repeat(255));
		draft.put(SPENT_BAHT, String.valueOf(ReportValidator.MAX_AREAS * 30));
		List<Map<String, Object>> areas = new ArrayList<>();
		for (int i = 0; i < ReportValidator.MAX_AREAS; i++) {
			areas.add(ReportDrafts.area("ต".repeat(496) + String.format("%04d", i), "ก".repeat(500), "10",
					"ผ".repeat(4000), "30"));
		}
		draft.put(AREAS, Map.of("type", "Json", "value", JSON.writeValueAsString(areas)));
		Map<String, Object> variables = new LinkedHashMap<>();
		draft.forEach((name, value) -> variables.put(name,
				value instanceof Map<?, ?> typed && typed.containsKey("type") ? typed : Map.of("value", value)));
		byte[] body = JSON.writeValueAsBytes(Map.of("variables", variables));
		System.out.println("[bounds] the largest legitimate submission: " + ReportValidator.MAX_AREAS
				+ " area rows, every text at its longest: " + body.length + " bytes ("
				+ RequestBounds.megabytes(body.length) + " MB); the JSON limit "
				+ RequestBounds.megabytes(RequestBounds.JSON_BYTES) + " MB");
		assertThat(body.length * 2L).isLessThanOrEqualTo(RequestBounds.JSON_BYTES);

		HttpResponse<String> answer = http
			.send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest/task/" + task + "/complete"))
				.header("Authorization", basic("str4201", "test4201"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
	}

	private HttpResponse<String> taskList() throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest/task?maxResults=50"))
			.header("Authorization", basic("review42", "review42"))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static long usedMemory() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	/** A body of the given length generated as it is read: a head, then spaces. */
	static final class Generated extends InputStream {

		private final byte[] head;

		private final long length;

		private long position;

		/** How many generated bodies the client has begun to send. */
		static final java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();

		Generated(byte[] head, long length) {
			this.head = head;
			this.length = length;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (position >= length) {
				return -1;
			}
			if (position == 0) {
				started.incrementAndGet();
			}
			int n = (int) Math.min(len, length - position);
			Arrays.fill(b, off, off + n, (byte) ' ');
			for (int i = 0; i < n && position + i < head.length; i++) {
				b[off + i] = head[(int) position + i];
			}
			position += n;
			return n;
		}

	}

}
