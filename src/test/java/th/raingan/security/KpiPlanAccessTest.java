package th.raingan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import th.raingan.ApplicationTest;
import th.raingan.WebappSession;
import th.raingan.plan.IndicatorCatalogue;
import th.raingan.plan.Indicators;
import th.raingan.plan.KpiTargetPlanProcess;
import th.raingan.plan.PlanFixtures;

/**
 * The access matrix of แผนตัวชี้วัด (the KPI target plans' list, its Excel, a plan's
 * view, the catalogue and its import, the start form's choices), logged in as the real
 * users through Tasklist's own login: an office sees only its own plans, a province its
 * office's and districts', the department and the administrator all; only the department
 * and the administrator change the catalogue.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiPlanAccessTest {

	static final String BASE = "/camunda/api/tasklist/plugin/raingan-kpi-plans/default";

	static final int YEAR = 2576;

	static final Set<Integer> REFUSED = Set.of(401, 403, 404);

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext spring;

	@Autowired
	IndicatorCatalogue catalogue;

	@Autowired
	JdbcTemplate jdbc;

	String everyOffice;

	String sakaeoOnly;

	/**
	 * The plans by office: Mueang Loei (signed off), Na Duang, Loei's province office, Sa
	 * Kaeo's Mueang.
	 */
	final Map<String, String> plans = new LinkedHashMap<>();

	final Map<String, WebappSession> sessions = new LinkedHashMap<>();

	@BeforeAll
	void plansOfFourOffices() throws Exception {
		everyOffice = Indicators.add(catalogue, "ร้อยละของหมู่บ้านที่ได้รับการพัฒนา", "ร้อยละ",
				IndicatorCatalogue.QUANTITY, "*");
		sakaeoOnly = Indicators.add(catalogue, "จำนวนกลุ่มอาชีพในสระแก้ว", "กลุ่ม", IndicatorCatalogue.QUANTITY, "27");
		PlanFixtures fixtures = new PlanFixtures(spring);
		plans.put("4201", fixtures.start("str4201", YEAR, everyOffice));
		fixtures.bureauExample("str4201", plans.get("4201"), KpiTargetPlanProcess.ACTION_SIGN_OFF);
		plans.put("4202", fixtures.start("str4202", YEAR, everyOffice));
		plans.put("42", fixtures.start("review42", YEAR, everyOffice));
		plans.put("2701", fixtures.start("str2701", YEAR, sakaeoOnly));
		for (String[] user : List.of(new String[] { "str4201", "test4201" }, new String[] { "str4202", "test4202" },
				new String[] { "str2701", "test2701" }, new String[] { "review42", "review42" },
				new String[] { "manager27", "manager27" }, new String[] { "cdd01", "cdd01" },
				new String[] { "admin", "admin" })) {
			sessions.put(user[0], WebappSession.login(port, user[0], user[1]));
		}
		sessions.put("anonymous", new WebappSession(port));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> rows(String user, String query) throws Exception {
		var answer = sessions.get(user).get(BASE + "/plans?fiscalYear=" + YEAR + "&size=100" + query);
		assertThat(answer.statusCode()).as(user + " " + query + ": " + WebappSession.text(answer)).isEqualTo(200);
		return (List<Map<String, Object>>) JSON.readValue(answer.body(), Map.class).get("rows");
	}

	private List<String> keys(String user, String query) throws Exception {
		return rows(user, query).stream().map(r -> (String) r.get("businessKey")).toList();
	}

	@Test
	void anOfficeSeesItsOwnAProvinceItsOfficesTheDepartmentAll() throws Exception {
		Map<String, List<String>> sees = new LinkedHashMap<>();
		sees.put("str4201", List.of("4201"));
		sees.put("str4202", List.of("4202"));
		sees.put("str2701", List.of("2701"));
		sees.put("review42", List.of("4201", "4202", "42"));
		sees.put("manager27", List.of("2701"));
		sees.put("cdd01", List.of("4201", "4202", "42", "2701"));
		sees.put("admin", List.of("4201", "4202", "42", "2701"));
		int checked = 0;
		for (var entry : sees.entrySet()) {
			List<Map<String, Object>> rows = rows(entry.getKey(), "");
			List<String> ours = rows.stream()
				.map(r -> (String) r.get("businessKey"))
				.filter(plans::containsValue)
				.toList();
			assertThat(ours).as(entry.getKey())
				.containsExactlyInAnyOrderElementsOf(entry.getValue().stream().map(plans::get).toList());
			// and nothing of any other office, whoever's plan it is
			Set<String> allowed = allowedOffices(entry.getKey());
			if (allowed != null) {
				assertThat(rows).as(entry.getKey())
					.allSatisfy(r -> assertThat(allowed).contains((String) r.get("officeCode")));
			}
			checked++;
		}
		assertThat(checked).isEqualTo(7);
		// the office's action: the signed-off plan is only viewed, the open one edited by
		// its office alone
		Map<String, Object> signed = rows("str4201", "").stream()
			.filter(r -> plans.get("4201").equals(r.get("businessKey")))
			.findFirst()
			.orElseThrow();
		assertThat(signed).containsEntry("action", "view")
			.containsEntry("statusTh", "นำส่งแล้ว")
			.containsEntry("total", "85")
			.containsEntry("quarters", List.of("15", "25", "20", "20"));
		assertThat((List<?>) signed.get("warnings")).singleElement().asString().contains("ต่างกัน 5");
		assertThat(rows("str4202", "").stream()
			.filter(r -> plans.get("4202").equals(r.get("businessKey")))
			.findFirst()
			.orElseThrow()).containsEntry("action", "edit").containsEntry("statusTh", "ร่าง");
		Map<String, Object> forProvince = rows("review42", "&office=4201").stream()
			.filter(r -> plans.get("4201").equals(r.get("businessKey")))
			.findFirst()
			.orElseThrow();
		assertThat(forProvince).containsEntry("action", "review");
		Map<String, Object> draftForProvince = rows("review42", "&office=4202").stream()
			.filter(r -> plans.get("4202").equals(r.get("businessKey")))
			.findFirst()
			.orElseThrow();
		assertThat(draftForProvince.get("action")).isNull();
		assertThat(keys("cdd01", "&office=2701")).contains(plans.get("2701")).doesNotContain(plans.get("4201"));
	}

	private Set<String> allowedOffices(String user) {
		return switch (user) {
			case "str4201" -> Set.of("4201");
			case "str4202" -> Set.of("4202");
			case "str2701" -> Set.of("2701");
			case "review42" -> officesOf("42");
			case "manager27" -> officesOf("27");
			default -> null;
		};
	}

	private Set<String> officesOf(String province) {
		return Set.copyOf(jdbc.queryForList("select code from raingan.org_unit where code = ? or parent_code = ?",
				String.class, province, province));
	}

	@Test
	void anotherOfficesPlansItsViewAndItsExcelAreRefused() throws Exception {
		List<String> leaks = new ArrayList<>();
		int tried = 0;
		Map<String, List<String>> foreign = new LinkedHashMap<>();
		foreign.put("str4201", List.of("4202", "42", "2701", "27"));
		foreign.put("str4202", List.of("4201", "42", "2701"));
		foreign.put("str2701", List.of("4201", "42", "4202"));
		foreign.put("review42", List.of("2701", "27"));
		foreign.put("manager27", List.of("4201", "42", "4202"));
		foreign.put("anonymous", List.of("4201", "42", "2701", ""));
		for (var entry : foreign.entrySet()) {
			WebappSession s = sessions.get(entry.getKey());
			for (String office : entry.getValue()) {
				for (String path : List.of("/plans?office=" + office, "/plans?fiscalYear=" + YEAR + "&office=" + office,
						"/plans/export?office=" + office)) {
					tried++;
					int status = s.get(BASE + path).statusCode();
					if (!REFUSED.contains(status)) {
						leaks.add(entry.getKey() + " " + path + ": " + status);
					}
				}
				String key = plans.get(office);
				if (key != null) {
					tried++;
					int status = s.get(BASE + "/plan?key=" + enc(key)).statusCode();
					if (!REFUSED.contains(status)) {
						leaks.add(entry.getKey() + " view " + key + ": " + status);
					}
				}
			}
		}
		System.out.println(
				"[kpi plans access] " + tried + " cross-office requests, " + leaks.size() + " not refused " + leaks);
		assertThat(leaks).isEmpty();
		assertThat(tried).isGreaterThan(40);
		// the owner and its province read the signed-off plan
		for (String reader : List.of("str4201", "review42", "cdd01")) {
			var view = sessions.get(reader).get(BASE + "/plan?key=" + enc(plans.get("4201")));
			assertThat(view.statusCode()).as(reader).isEqualTo(200);
			assertThat(WebappSession.text(view)).contains("รวมทั้งสิ้น", "\"value\":\"85\"", "2590 - 2592");
		}
	}

	@Test
	void theExcelHasOnlyTheReadersOfficesWithATitleTotalsAndNumbers() throws Exception {
		var answer = sessions.get("str4201").get(BASE + "/plans/export?fiscalYear=" + YEAR);
		assertThat(answer.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
				.startsWith("แผนค่าเป้าหมายตัวชี้วัด ปีงบประมาณ " + YEAR)
				.containsPattern("ส่งออกเมื่อ .*25[6-9]\\d");
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
			List<String> offices = new ArrayList<>();
			Row ours = null;
			for (int r = 2; r < sheet.getLastRowNum(); r++) {
				offices.add(sheet.getRow(r).getCell(1).getStringCellValue());
				if (sheet.getRow(r).getCell(3).getStringCellValue().equals(everyOffice)) {
					ours = sheet.getRow(r);
				}
			}
			assertThat(offices).isNotEmpty().allSatisfy(o -> assertThat(o).startsWith("4201 "));
			assertThat(ours).isNotNull();
			assertThat(ours.getCell(7).getNumericCellValue()).isEqualTo(85.0);
			assertThat(ours.getCell(8).getNumericCellValue()).isEqualTo(15.0);
			assertThat(ours.getCell(12).getStringCellValue()).isEqualTo("นำส่งแล้ว");
			assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("รวม");
		}
	}

	@Test
	void onlyTheDepartmentAndTheAdministratorImportTheCatalogueAndOfficesChooseTheirOwn() throws Exception {
		String code = "ACC" + System.nanoTime() % 100000;
		byte[] csv = (Indicators.HEADER + code + ",ตัวชี้วัดทดสอบสิทธิ์,ร้อยละ,เชิงปริมาณ," + Indicators.LEVEL
				+ ",T1,เป้าหมายทดสอบ T1,4201\n")
			.getBytes(StandardCharsets.UTF_8);
		for (String user : List.of("str4201", "review42", "manager27", "anonymous")) {
			assertThat(REFUSED).as(user)
				.contains(sessions.get(user).send("POST", BASE + "/catalogue/import", "text/csv", csv).statusCode());
		}
		assertThat(catalogue.find(code)).isEmpty();
		var byDepartment = sessions.get("cdd01").send("POST", BASE + "/catalogue/import", "text/csv", csv);
		assertThat(byDepartment.statusCode()).as(WebappSession.text(byDepartment)).isEqualTo(200);
		assertThat(catalogue.find(code)).isPresent();

		String choices4201 = WebappSession.text(sessions.get("str4201").get(BASE + "/choices"));
		assertThat(choices4201)
			.contains("\"value\":\"" + code + "\"", "\"value\":\"" + everyOffice + "\"", "\"value\":\"01\"")
			.doesNotContain(sakaeoOnly);
		String choices4202 = WebappSession.text(sessions.get("str4202").get(BASE + "/choices"));
		assertThat(choices4202).contains(everyOffice).doesNotContain(code).doesNotContain(sakaeoOnly);
		assertThat(WebappSession.text(sessions.get("str2701").get(BASE + "/choices"))).contains(sakaeoOnly);
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
