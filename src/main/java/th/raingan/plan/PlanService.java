package th.raingan.plan;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import th.raingan.report.ReportRefused;
import th.raingan.thai.Clock;

/**
 * KPI target plans in the project's own table. A signed-off plan (นำส่งข้อมูล) is locked:
 * any save is refused until the province reopens it with a reason.
 */
@Service
public class PlanService {

	public static final String DRAFT = "draft";

	public static final String SIGNED_OFF = "signed_off";

	public static final String ACCEPTED = "accepted";

	/**
	 * The province reopened the signed-off plan with a reason (เปิดแก้ไข): editable until
	 * signed off again.
	 */
	public static final String REOPENED = "reopened";

	/** The statuses in Thai, as the plan list shows them. */
	public static final java.util.Map<String, String> STATUS_TH = java.util.Map.of(DRAFT, "ร่าง", SIGNED_OFF,
			"นำส่งแล้ว", ACCEPTED, "ยอมรับแล้ว", REOPENED, "เปิดแก้ไข");

	public static boolean open(String status) {
		return DRAFT.equals(status) || REOPENED.equals(status);
	}

	private final JdbcTemplate jdbc;

	private final ObjectMapper json = new ObjectMapper();

	PlanService(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public static String planKey(int fiscalYearBe, String officeCode, String kpiCode) {
		return "plan/" + fiscalYearBe + "/" + officeCode + "/" + kpiCode;
	}

	/**
	 * The office a plan belongs to, from its row (the business key's plan, created for
	 * the signed-in starter's own office): the plan's candidate groups follow from it
	 * ({@code ${routing.officeGroup(planService.office(execution))}}), never from a
	 * variable.
	 */
	public String office(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
		String key = execution.getProcessBusinessKey();
		return jdbc.queryForList("select office_code from raingan.kpi_plan where business_key = ?", String.class, key)
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no plan " + key));
	}

	public Optional<String> status(String key) {
		return jdbc.queryForList("select status from raingan.kpi_plan where business_key = ?", String.class, key)
			.stream()
			.findFirst();
	}

	public void create(String key, int fiscalYearBe, String officeCode, String kpiCode, String kpiName, String unit,
			String type, String user) {
		if (status(key).isPresent()) {
			throw new ReportRefused("เริ่มแผนไม่ได้:", List.of("รหัสตัวชี้วัด: หน่วยงานนี้มีแผนของตัวชี้วัด " + kpiCode
					+ " ปีงบประมาณ " + fiscalYearBe + " แล้ว ให้แก้ไขในงานเดิม"));
		}
		jdbc.update(
				"""
						insert into raingan.kpi_plan (business_key, fiscal_year_be, office_code, kpi_code, kpi_name, unit_th, kpi_type,
						status, values_json, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'draft', '{}', ?, ?)""",
				key, fiscalYearBe, officeCode, kpiCode, kpiName, unit, type, user, now());
	}

	/** Saves the plan as typed; refused when it is signed off. */
	public void save(String key, Map<String, String> values, List<String> warnings, String user) {
		refuseIfLocked(key);
		jdbc.update(
				"update raingan.kpi_plan set values_json = ?, warnings = ?, updated_by = ?, updated_at = ? where business_key = ?",
				write(values), String.join("\n", warnings), user, now(), key);
	}

	public void signOff(String key, String user) {
		refuseIfLocked(key);
		jdbc.update(
				"update raingan.kpi_plan set status = 'signed_off', signed_off_by = ?, signed_off_at = ? where business_key = ?",
				user, now(), key);
	}

	public void accept(String key) {
		jdbc.update("update raingan.kpi_plan set status = 'accepted' where business_key = ? and status = 'signed_off'",
				key);
	}

	public void reopen(String key) {
		jdbc.update(
				"update raingan.kpi_plan set status = 'reopened', signed_off_by = null, signed_off_at = null where business_key = ?",
				key);
	}

	@SuppressWarnings("unchecked")
	public Map<String, String> values(String key) {
		String text = jdbc.queryForObject("select values_json from raingan.kpi_plan where business_key = ?",
				String.class, key);
		try {
			return json.readValue(text, Map.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public void refuseIfLocked(String key) {
		String status = status(key).orElse(DRAFT);
		if (!open(status)) {
			throw new ReportRefused("แก้ไขแผนไม่ได้:",
					List.of("แผนตัวชี้วัดนี้นำส่งข้อมูล (Sign Off) แล้ว จึงถูกล็อกไว้ "
							+ "หากต้องแก้ไข ขอให้จังหวัดเปิดให้แก้ไขพร้อมระบุเหตุผล"));
		}
	}

	private String write(Map<String, String> values) {
		try {
			return json.writeValueAsString(values);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Timestamp now() {
		return new Timestamp(Clock.now().getTime());
	}

}
