package th.raingan.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import th.raingan.report.DistrictReportProcess;

/**
 * The users of one province at work through {@code /engine-rest}, as a script or a
 * browser would: officers find their district's drafts and submit them, reviewers approve
 * (one report in ten is returned once first). A request cut off by a dying node has an
 * unknown outcome: the desk looks the task up again once a node answers, repeats the
 * completion if the task is still there, and otherwise counts it as done (it committed
 * before the node died); it never completes a task it already saw completed. What the
 * desk saw succeed is kept, to be found in the database afterwards.
 */
final class ReportDesk {

	private final Rest rest;

	private final String province;

	private final List<String> districts;

	/** {@code reportKey#revision} of drafts whose completion answered 204. */
	final Set<String> submitted = ConcurrentHashMap.newKeySet();

	/**
	 * Drafts whose completion was cut off and whose task was gone afterwards: committed
	 * before the kill.
	 */
	final Set<String> submittedUnseen = ConcurrentHashMap.newKeySet();

	final Set<String> approved = ConcurrentHashMap.newKeySet();

	final Set<String> approvedUnseen = ConcurrentHashMap.newKeySet();

	final Set<String> returned = ConcurrentHashMap.newKeySet();

	final Set<String> returnedUnseen = ConcurrentHashMap.newKeySet();

	/**
	 * Completions repeated because the task was still there after the request had been
	 * cut off.
	 */
	final AtomicInteger repeated = new AtomicInteger();

	/** Requests that failed with a connection error (node down or killed mid-request). */
	final AtomicInteger connectionFailures = new AtomicInteger();

	/** Completions that were in progress (sent, no answer yet). */
	final AtomicInteger inFlight = new AtomicInteger();

	/**
	 * A task gone although the desk had not touched it: someone else completed it (must
	 * not happen).
	 */
	final AtomicInteger goneUnexpectedly = new AtomicInteger();

	final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();

	private final AtomicInteger working = new AtomicInteger();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean paused;

	/** Drafts of this project wait (officers "not yet done") until {@link #release()}. */
	private volatile String heldBack;

	private volatile boolean stopped;

	ReportDesk(Rest rest, String province, List<String> districts) {
		this.rest = rest;
		this.province = province;
		this.districts = districts;
	}

	/**
	 * Officer threads share the districts; reviewer threads share the province's reviews
	 * by task id.
	 */
	void start(int officerThreads, int reviewerThreads) {
		for (int t = 0; t < officerThreads; t++) {
			List<String> mine = new ArrayList<>();
			for (int i = t; i < districts.size(); i += officerThreads) {
				mine.add(districts.get(i));
			}
			threads.add(new Thread(() -> work(() -> {
				for (String district : mine) {
					draftRound(district);
				}
			}), "officer-" + t));
		}
		for (int t = 0; t < reviewerThreads; t++) {
			int share = t;
			threads.add(new Thread(() -> work(() -> reviewRound(share, reviewerThreads)), "reviewer-" + t));
		}
		threads.forEach(Thread::start);
	}

	/**
	 * The officers leave this project's drafts for later: reminders stay pending for the
	 * digest.
	 */
	void holdBack(String budgetCode) {
		heldBack = budgetCode;
	}

	void release() {
		heldBack = null;
	}

	void pause() {
		paused = true;
	}

	void resume() {
		paused = false;
	}

	/** Paused and no thread inside a round of work. */
	boolean idle() {
		return paused && working.get() == 0;
	}

	void stop() throws InterruptedException {
		stopped = true;
		for (Thread thread : threads) {
			thread.join(30_000);
		}
	}

	private interface Round {

		void run() throws Exception;

	}

	private void work(Round round) {
		while (!stopped) {
			try {
				if (paused) {
					await("the desk resumed or stopped").forever()
						.pollInterval(Duration.ofMillis(100))
						.until(() -> !paused || stopped);
					continue;
				}
				working.incrementAndGet();
				try {
					if (!paused) {
						round.run();
					}
				}
				finally {
					working.decrementAndGet();
				}
				// the user's think time before the next action
				pace(50);
			}
			catch (IOException nodeDown) {
				connectionFailures.incrementAndGet();
				pace(300);
			}
			catch (Throwable ex) {
				errors.add(ex);
				return;
			}
		}
	}

	private void draftRound(String district) throws Exception {
		String officer = "str" + district;
		JsonNode tasks = rest
			.get(officer,
					"/engine-rest/task?processDefinitionKey=" + DistrictReportProcess.KEY + "&taskDefinitionKey="
							+ DistrictReportProcess.TASK_DISTRICT_DRAFT + "&maxResults=25")
			.body();
		for (JsonNode task : tasks) {
			if (paused || stopped) {
				return;
			}
			String taskId = task.get("id").asText();
			String report = reportOf(officer, taskId);
			String held = heldBack;
			if (report == null || (held != null && report.contains("/" + held + "/"))) {
				continue;
			}
			switch (complete(officer, taskId, Rounds.draft())) {
				case DONE -> submitted.add(report);
				case GONE_AFTER_FAILURE -> submittedUnseen.add(report);
				case GONE -> goneUnexpectedly.incrementAndGet();
			}
		}
	}

	private void reviewRound(int share, int shares) throws Exception {
		String reviewer = "review" + province;
		JsonNode tasks = rest
			.get(reviewer,
					"/engine-rest/task?processDefinitionKey=" + DistrictReportProcess.KEY + "&taskDefinitionKey="
							+ DistrictReportProcess.TASK_PROVINCE_REVIEW + "&maxResults=25")
			.body();
		for (JsonNode task : tasks) {
			if (paused || stopped) {
				return;
			}
			String taskId = task.get("id").asText();
			if (Math.floorMod(taskId.hashCode(), shares) != share) {
				continue;
			}
			String report = reportOf(reviewer, taskId);
			if (report == null) {
				continue;
			}
			boolean giveBack = report.endsWith("#1") && Math.floorMod(report.hashCode(), 10) == 0;
			Map<String, Object> decision = giveBack
					? Map.of(DistrictReportProcess.REVIEW_DECISION, "return", DistrictReportProcess.RETURN_REASON,
							"ค่าใช้จ่ายพื้นที่ไม่ตรงกับเอกสารการเบิกจ่าย")
					: Map.of(DistrictReportProcess.REVIEW_DECISION, "approve");
			Outcome outcome = complete(reviewer, taskId, Rest.variables(decision));
			Set<String> seen = giveBack ? returned : approved;
			Set<String> unseen = giveBack ? returnedUnseen : approvedUnseen;
			switch (outcome) {
				case DONE -> seen.add(report);
				case GONE_AFTER_FAILURE -> unseen.add(report);
				case GONE -> goneUnexpectedly.incrementAndGet();
			}
		}
	}

	/** {@code reportKey#revision} of the task, or null when the task is gone. */
	private String reportOf(String user, String taskId) throws IOException {
		Rest.Response variables = rest.get(user, "/engine-rest/task/" + taskId + "/form-variables?variableNames="
				+ DistrictReportProcess.REPORT_KEY + "," + DistrictReportProcess.REVISION);
		if (!variables.ok()) {
			return null;
		}
		return variables.body().get(DistrictReportProcess.REPORT_KEY).get("value").asText() + "#"
				+ variables.body().get(DistrictReportProcess.REVISION).get("value").asInt();
	}

	enum Outcome {

		/** Answered 204. */
		DONE,
		/**
		 * Cut off, and the task was gone when looked up again: it committed before the
		 * node died.
		 */
		GONE_AFTER_FAILURE,
		/** Gone although never touched. */
		GONE

	}

	private Outcome complete(String user, String taskId, Map<String, Object> body) throws Exception {
		boolean cutOff = false;
		for (int attempt = 0; attempt < 100; attempt++) {
			if (cutOff) {
				Rest.Response task = getOnceUp(user, "/engine-rest/task/" + taskId);
				if (task.status() == 404) {
					return Outcome.GONE_AFTER_FAILURE;
				}
				repeated.incrementAndGet();
			}
			Rest.Response response;
			inFlight.incrementAndGet();
			try {
				response = rest.post(user, "/engine-rest/task/" + taskId + "/complete", body);
			}
			catch (IOException ex) {
				connectionFailures.incrementAndGet();
				cutOff = true;
				continue;
			}
			finally {
				inFlight.decrementAndGet();
			}
			if (response.status() == 204) {
				return Outcome.DONE;
			}
			String message = response.message();
			// web.FailureAnswers answers these in Thai, 409 (issue 30): the task
			// completed a
			// moment before, or a concurrent change
			if (message.contains("งานนี้ส่งหรือดำเนินการไปแล้ว") || response.status() == 404) {
				return cutOff ? Outcome.GONE_AFTER_FAILURE : Outcome.GONE;
			}
			if (response.status() == 409 && message.contains("พร้อมกันจากที่อื่น")) {
				pace(100);
				continue;
			}
			throw new AssertionError(
					"completion of " + taskId + " by " + user + " refused: " + response.status() + " " + message);
		}
		throw new AssertionError("completion of " + taskId + " did not go through in 100 attempts");
	}

	/** A GET repeated until a node answers (the node may be restarting). */
	private Rest.Response getOnceUp(String user, String path) {
		return await("a node answering " + path).atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> {
				try {
					return rest.get(user, path);
				}
				catch (IOException down) {
					connectionFailures.incrementAndGet();
					return null;
				}
			}, Objects::nonNull);
	}

	/**
	 * A simulated user's think time or back-off before trying again: the pace of the
	 * load, not a wait for a condition (those are Awaitility's, on the condition itself).
	 */
	private static void pace(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
