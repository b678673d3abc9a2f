package th.raingan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Indicators of the department's catalogue for tests, added through its own CSV import.
 */
public final class Indicators {

	public static final String HEADER = "code,name_th,unit_th,kpi_type,level_th,service_target_code,service_target_th,offices\n";

	public static final String LEVEL = "2.4 ชั้นค่าขอ >> ค่าขอกรม";

	private Indicators() {
	}

	/**
	 * A new indicator with a fresh code, planned by the given offices ("4201", "42",
	 * "*").
	 */
	public static String add(IndicatorCatalogue catalogue, String name, String unit, String type, String offices) {
		String code = "T" + UUID.randomUUID().toString().substring(0, 8);
		add(catalogue, code, name, unit, type, "T1", offices);
		return code;
	}

	public static void add(IndicatorCatalogue catalogue, String code, String name, String unit, String type,
			String target, String offices) {
		String csv = HEADER + code + "," + name + "," + unit + "," + type + "," + LEVEL + "," + target
				+ ",เป้าหมายทดสอบ " + target + "," + offices + "\n";
		IndicatorCatalogue.ImportResult result = catalogue.importCsv(csv.getBytes(StandardCharsets.UTF_8), "admin");
		assertThat(result.errors()).as(result.message()).isEmpty();
	}

}
