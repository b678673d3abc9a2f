package th.raingan.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import th.raingan.ApplicationTest;

/**
 * The catalogue import through its endpoint, with the seeds' real files and with broken
 * rows.
 */
@ApplicationTest
class ProjectImportTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ProjectCatalog catalog;

	@SuppressWarnings("unchecked")
	private ResponseEntity<Map<String, Object>> post(String user, String path, String csv) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.valueOf("text/csv"));
		return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) rest.withBasicAuth(user, user)
			.postForEntity(path, new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), Map.class);
	}

	@Test
	void sakaeosRealProjectListImportsCompletely() throws Exception {
		String csv = new ClassPathResource("demo/projects-2567-sakaeo.csv").getContentAsString(StandardCharsets.UTF_8);
		ResponseEntity<Map<String, Object>> response = post("admin", "/api/catalogue/projects", csv);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).containsEntry("imported", 12).containsEntry("rejected", List.of());
		assertThat(catalog.findProject(2567, "27", "801-112-S0570-2024-07")).get()
			.satisfies(p -> assertThat(p.nameTh()).startsWith("2. เสริมสร้างกระบวนการบริหารจัดการชุมชน 2.1"));
	}

	@Test
	void everyRejectedRowIsReportedWithLineFieldAndReason() {
		String csv = """
				budget_code,fiscal_year_be,province_code,name_th,budget_source,unit_th,province_target,evaluation_required,deadline_rule
				801-112-S0570-2026-71,2569,42,โครงการทดสอบที่ถูกต้อง,B1,คน,100,Y,by_date:2026-06-30
				801-112-S0570-26-07,2569,42,รหัสผิดรูปแบบ,B1,,,,
				801-112-S0570-2026-72,69,42,ปีเป็น ค.ศ. ย่อ,B9,,,,
				801-112-S0570-2026-73,2569,99,จังหวัดไม่มีจริง,B1,,1-2,X,by_date:2024-06-31
				""";
		ResponseEntity<Map<String, Object>> response = post("admin", "/api/catalogue/projects", csv);
		assertThat(response.getBody()).containsEntry("imported", 1);
		assertThat(response.getBody().get("rejected")).asList()
			.extracting(r -> ((Map<?, ?>) r).get("line") + " " + ((Map<?, ?>) r).get("field"))
			.containsExactly("3 budget_code", "4 fiscal_year_be", "4 budget_source", "5 province_code",
					"5 province_target", "5 evaluation_required", "5 deadline_rule");
		assertThat(response.getBody().get("rejected").toString()).contains("801-112-S0570-2024-07")
			.contains("ไม่ใช่วันที่ที่มีอยู่จริง")
			.contains("ห้ามใส่เครื่องหมาย");
		assertThat(catalog.findProject(2569, "99", "801-112-S0570-2026-73")).isEmpty();
	}

	@Test
	void evaluationPlanMarksTheProvincesActivitiesAndRejectsTheRest() throws Exception {
		String projects = """
				budget_code,fiscal_year_be,province_code,name_th,budget_source,evaluation_required
				803-112-S0550-2024-21,2567,57,โครงการเสริมสร้างรายได้ด้วยเครือข่ายเกษตรปลอดภัย ส่งเสริมและพัฒนาศักยภาพเครือข่ายเกษตรปลอดภัยระดับจังหวัด,B1,N
				""";
		assertThat(post("admin", "/api/catalogue/projects", projects).getBody()).containsEntry("imported", 1);
		String plan = new ClassPathResource("evaluation-plan-2567-chiangrai.csv")
			.getContentAsString(StandardCharsets.UTF_8);
		ResponseEntity<Map<String, Object>> response = post("admin",
				"/api/catalogue/evaluation-plan?fiscalYear=2567&province=57", plan);
		assertThat(response.getBody()).containsEntry("imported", 1);
		assertThat((List<?>) response.getBody().get("rejected")).hasSize(19)
			.allSatisfy(r -> assertThat(((Map<?, ?>) r).get("reason").toString()).contains("ไม่พบโครงการที่มีกิจกรรม"));
		assertThat(catalog.findProject(2567, "57", "803-112-S0550-2024-21")).get().satisfies(p -> {
			assertThat(p.evaluationRequired()).isTrue();
			assertThat(p.deadlineRule()).isEqualTo(DeadlineRule.parse("days_after_activity:7"));
		});
	}

	@Test
	void onlyTheAdministratorImports() {
		ResponseEntity<Map<String, Object>> response = post("manager42", "/api/catalogue/projects", "budget_code\n");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody()).containsEntry("message", "เฉพาะผู้ดูแลระบบนำเข้าบัญชีโครงการได้");
		assertThat(rest.postForEntity("/api/catalogue/projects", "x", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

}
