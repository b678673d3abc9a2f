package th.raingan.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import th.raingan.ApplicationTest;
import th.raingan.project.ProjectCatalog;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportDrafts;

/**
 * Loei's budget for fiscal 2570 against a hand computation. The demo assigns Loei's 14
 * districts four B1 projects each at 3,000, 6,000 or 9,000 baht by district (4201: 3,000,
 * 4202: 6,000, 4203: 9,000, 4204: 3,000 ...), so district 4201 has 12,000 allocated, 4202
 * 24,000, and the province 4 x (5 x 3,000 + 5 x 6,000 + 4 x 9,000) = 324,000. Two
 * approved reports say 2,500 (4201) and 4,000 (4202) were spent: 6,500 for the province,
 * 6,500 / 324,000 = 2.01 %.
 */
@ApplicationTest
class BudgetOverviewTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectCatalog catalog;

	static boolean approved;

	@BeforeEach
	void twoApprovedReports() {
		if (!approved) {
			approve("4201", "801-112-P0167-2027-02", "2,500");
			approve("4202", "803-112-S0550-2027-09", "4000");
			approved = true;
		}
	}

	private void approve(String office, String budgetCode, String spent) {
		var assignment = catalog.assignment(2570, budgetCode, office).orElseThrow();
		Map<String, Object> inputs = ReportDrafts.inputsFor4201(assignment);
		inputs.put(DistrictReportProcess.OFFICE_CODE, office);
		inputs.put(DistrictReportProcess.ROUND_KEY, "2570-1/42");
		String id = runtime.startProcessInstanceByKey(DistrictReportProcess.KEY, "budget-" + UUID.randomUUID(), inputs)
			.getId();
		Map<String, Object> draft = ReportDrafts.valid();
		draft.put(DistrictReportProcess.START_DATE, "05/01/2570");
		draft.put(DistrictReportProcess.END_DATE, "20/01/2570");
		draft.put(DistrictReportProcess.SPENT_BAHT, spent);
		identity.setAuthentication("str" + office, List.of("district-" + office));
		tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId(), draft);
		identity.setAuthentication("review42", List.of("province-42-review"));
		tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId(),
				Map.of(DistrictReportProcess.REVIEW_DECISION, DistrictReportProcess.DECISION_APPROVE));
		identity.clearAuthentication();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> line(Map<String, Object> table, String source) {
		return ((List<Map<String, Object>>) table.get("lines")).stream()
			.filter(l -> source.equals(l.get("source")))
			.findFirst()
			.orElseThrow();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theProvinceSeesItsTotalAndEachDistrictAsComputedByHand() {
		ResponseEntity<List> response = rest.withBasicAuth("review42", "review42")
			.getForEntity("/api/budget?fiscalYear=2570&office=42", List.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<Map<String, Object>> tables = response.getBody();
		assertThat(tables).hasSize(15); // the province, then its 14 districts

		Map<String, Object> province = tables.get(0);
		assertThat(province.get("officeName").toString()).contains("เลย").contains("รวมทั้งจังหวัด");
		assertThat(line(province, "B1")).containsEntry("allocation", 324000.0)
			.containsEntry("plan", 324000.0)
			.containsEntry("result", 6500.0)
			.containsEntry("percent", 2.01);
		assertThat(line(province, "B2")).containsEntry("allocation", 0).containsEntry("percent", 0.0);
		assertThat(line(province, "B1+B2")).containsEntry("allocation", 324000.0).containsEntry("result", 6500.0);

		Map<String, Object> d4201 = tables.stream()
			.filter(t -> "4201".equals(t.get("officeCode")))
			.findFirst()
			.orElseThrow();
		assertThat(line(d4201, "B1")).containsEntry("allocation", 12000.0)
			.containsEntry("result", 2500.0)
			.containsEntry("percent", 20.83);
		Map<String, Object> d4202 = tables.stream()
			.filter(t -> "4202".equals(t.get("officeCode")))
			.findFirst()
			.orElseThrow();
		assertThat(line(d4202, "B1")).containsEntry("allocation", 24000.0)
			.containsEntry("result", 4000.0)
			.containsEntry("percent", 16.67);
		assertThat(((List<?>) province.get("lines"))).hasSize(8);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aDistrictSeesOnlyItsOwnAndAnotherProvinceNothing() {
		var str4201 = rest.withBasicAuth("str4201", "test4201");
		ResponseEntity<List> own = str4201.getForEntity("/api/budget?fiscalYear=2570", List.class);
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(own.getBody()).singleElement()
			.satisfies(t -> assertThat(((Map<String, Object>) t).get("officeCode")).isEqualTo("4201"));
		assertThat(str4201.getForEntity("/api/budget?fiscalYear=2570&office=42", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map> other = str4201.getForEntity("/api/budget?fiscalYear=2570&office=4202", Map.class);
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(other.getBody().get("message").toString()).contains("เฉพาะของหน่วยงานท่าน");
		assertThat(rest.withBasicAuth("manager31", "manager31")
			.getForEntity("/api/budget?fiscalYear=2570&office=4201", Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.getForEntity("/api/budget?fiscalYear=2570&office=42", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void theExportOpensInExcelWithTheSameFigures() {
		ResponseEntity<String> csv = rest.withBasicAuth("manager42", "manager42")
			.getForEntity("/api/budget/export.csv?fiscalYear=2570&office=42", String.class);
		assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("budget-2570-42.csv");
		assertThat(csv.getBody()).startsWith("\uFEFFปีงบประมาณ,รหัสหน่วยงาน,หน่วยงาน,แหล่งงบประมาณ")
			.contains(
					"2570,42,\"สำนักงานพัฒนาชุมชนจังหวัดเลย (รวมทั้งจังหวัด)\",B1,\"กิจกรรมโครงการตามแผนผลผลิต\",324000.00,324000.00,6500.00,2.01")
			.contains(
					",4201,\"สำนักงานพัฒนาชุมชนอำเภอเมืองเลย\",B1,\"กิจกรรมโครงการตามแผนผลผลิต\",12000.00,12000.00,2500.00,20.83");
	}

}
