package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import th.raingan.thai.FiscalYear;

/**
 * The plugins' shared module ({@code app/raingan/shared.js}) in headless Chromium,
 * without the application: a small server hands out the module as the webapps do. Its
 * fiscal year is {@link FiscalYear}'s for every day of 2019-2031 (the year, its first and
 * last day, the end of round 1, the quarters), and its element, number and server helpers
 * behave as the plugins rely on.
 */
class SharedModuleBrowserTest {

	static final String MODULE = "META-INF/resources/webjars/camunda/app/raingan/";

	static HttpServer server;

	static Browser browser;

	@BeforeAll
	static void serveTheModule() throws Exception {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/",
				exchange -> answer(exchange, 200, "text/html", "<!doctype html><html><body></body></html>"));
		server.createContext("/camunda/app/raingan/", exchange -> {
			String name = exchange.getRequestURI().getPath().substring("/camunda/app/raingan/".length());
			try (InputStream in = SharedModuleBrowserTest.class.getClassLoader().getResourceAsStream(MODULE + name)) {
				if (in == null || name.contains("..")) {
					answer(exchange, 404, "text/plain", "not found");
				}
				else {
					answer(exchange, 200, "text/javascript", new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		});
		server.createContext("/refused", exchange -> answer(exchange, 400, "application/json",
				"{\"message\":\"บันทึกไม่ได้\",\"problems\":[\"อีเมล: รูปแบบไม่ถูกต้อง\"]}"));
		server.createContext("/echo", exchange -> answer(exchange, 200, "application/json",
				"{\"contentType\":\"" + exchange.getRequestHeaders().getFirst("Content-Type") + "\",\"token\":\""
						+ exchange.getRequestHeaders().getFirst("X-XSRF-TOKEN") + "\",\"body\":"
						+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + "}"));
		server.createContext("/html", exchange -> answer(exchange, 502, "text/html", "<h1>Bad Gateway</h1>"));
		server.start();
		browser = Browser.open(server.getAddress().getPort(), "th-TH");
		browser.driver.get(browser.url("/camunda/app/tasklist/"));
	}

	@AfterAll
	static void stop() throws Exception {
		if (browser != null) {
			browser.driver.quit();
		}
		if (server != null) {
			server.stop(0);
		}
	}

	static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	/** Runs {@code body} with the module as {@code m}; its value is the result. */
	static Object withModule(String body) {
		Object result = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				import('/camunda/app/raingan/shared.js')
				  .then(async m => done(await (async () => { %s })()))
				  .catch(e => done('failed: ' + e));
				""".formatted(body));
		assertThat(String.valueOf(result)).doesNotStartWith("failed: ");
		return result;
	}

	static String be(LocalDate date) {
		return "%02d/%02d/%d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear() + 543);
	}

	/**
	 * The CSV made in the browser (คะแนนของฉัน) neutralises formulas by
	 * {@link th.raingan.thai.SafeText#csvCell}'s rule, cell for cell.
	 */
	@Test
	void browserCsvCellsFollowTheServersFormulaRule() {
		List<String> samples = List.of("=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "+x", "-x", "\tx", "\rx", "'=1",
				"-5", "-1,234.50", "+12", "4.5", "ปกติ", "", "a\"b", "-", "--1");
		@SuppressWarnings("unchecked")
		List<String> javascript = (List<String>) withModule("return "
				+ new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(samples) + ".map(m.csvCell);");
		assertThat(javascript).isEqualTo(samples.stream()
			.map(s -> '"' + th.raingan.thai.SafeText.csvCell(s).replace("\"", "\"\"") + '"')
			.toList());
		assertThat(javascript.get(0)).startsWith("\"'=");
		assertThat(javascript.get(7)).isEqualTo("\"-5\"");
	}

	@Test
	void theFiscalYearOfEveryDayIsJavas() {
		LocalDate first = LocalDate.of(2019, 1, 1);
		LocalDate last = LocalDate.of(2031, 12, 31);
		@SuppressWarnings("unchecked")
		List<Long> javascript = (List<Long>) withModule("""
				const years = [];
				for (let day = new Date(2019, 0, 1); day <= new Date(2031, 11, 31);
				     day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)) {
				  years.push(m.fiscalYear(day));
				}
				return years;
				""");
		List<Long> java = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			java.add((long) FiscalYear.containing(day).yearBe());
		}
		assertThat(javascript).hasSize(java.size()).isEqualTo(java);
		assertThat(java).contains(2562L, 2575L);
	}

	@Test
	void theFiscalYearsDaysAreJavas() {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> javascript = (List<Map<String, Object>>) withModule("""
				const years = [];
				for (let year = 2560; year <= 2580; year++) {
				  years.push({ year, start: m.beDate(m.fiscalYearStart(year)), end: m.beDate(m.fiscalYearEnd(year)),
				    round1: m.beDate(m.roundEnd(year, 1)), round2: m.beDate(m.roundEnd(year, 2)),
				    whole: m.quarterDates(year, 1, 4), firstHalf: m.quarterDates(year, 1, 2),
				    q3: m.quarterDates(year, 3, 3) });
				}
				return years;
				""");
		assertThat(javascript).hasSize(21);
		for (Map<String, Object> year : javascript) {
			FiscalYear java = FiscalYear.of(((Long) year.get("year")).intValue());
			assertThat(year.get("start")).as("start of " + java).isEqualTo(be(java.start()));
			assertThat(year.get("end")).as("end of " + java).isEqualTo(be(java.end()));
			assertThat(year.get("round1")).isEqualTo(be(java.roundEnd(1)));
			assertThat(year.get("round2")).isEqualTo(be(java.roundEnd(2)));
			assertThat(year.get("whole")).isEqualTo(List.of(be(java.start()), be(java.end())));
			assertThat(year.get("firstHalf")).isEqualTo(List.of(be(java.start()), be(java.roundEnd(1))));
			int ce = java.yearBe() - 543;
			assertThat(year.get("q3")).isEqualTo(List.of(be(LocalDate.of(ce, 4, 1)), be(LocalDate.of(ce, 6, 30))));
		}
	}

	@Test
	void elementsNumbersAndDates() {
		assertThat(withModule("""
				let clicked = 0;
				const node = m.el('div', { class: 'a', hidden: false, title: null, onclick: () => { clicked++; } },
				  'x', null, ['<b>y</b>', m.el('span', {}, 'z')], undefined);
				node.click();
				return [node.outerHTML, clicked];
				""")).isEqualTo(List.of("<div class=\"a\">x&lt;b&gt;y&lt;/b&gt;<span>z</span></div>", 1L));
		assertThat(withModule("""
				return [m.number(3000), m.number(12.345), m.number(null), m.number(''), m.money(3000), m.money('12.5'),
				  m.fileSize(2048), m.fileSize(1536 * 1024), m.beDateTime(new Date(2026, 10, 27, 14, 5)),
				  m.beLongDate(new Date(2027, 2, 17))];
				""")).isEqualTo(List.of("3,000", "12.35", "-", "-", "3,000.00", "12.50", "2 กิโลไบต์", "1.5 เมกะไบต์",
				"27/11/2569 14:05 น.", "17 มีนาคม 2570"));
	}

	@Test
	void theServersAnswersAndRefusals() {
		assertThat(withModule("""
				const refused = await m.call({ CSRFToken: 't1' }, 'GET', '/refused');
				const box = m.refusal(refused.json);
				const sent = await m.call({ CSRFToken: 't1' }, 'PUT', '/echo', { phone: '081' });
				const csv = await m.call(null, 'POST', '/echo', '{"raw":true}', { contentType: 'text/csv' });
				const html = await m.call(null, 'GET', '/html');
				const offline = await m.call(null, 'GET', 'http://127.0.0.1:1/nothing');
				return [refused.status, refused.ok, box.textContent, sent.ok, sent.json.contentType, sent.json.token,
				  sent.json.body.phone, csv.json.contentType, html.status, JSON.stringify(html.json), offline.status,
				  offline.json.message];
				""")).isEqualTo(List.of(400L, false, "บันทึกไม่ได้อีเมล: รูปแบบไม่ถูกต้อง", true, "application/json",
				"t1", "081", "text/csv", 502L, "{}", 0L, "ติดต่อเซิร์ฟเวอร์ไม่ได้ กรุณาลองใหม่"));
	}

}
