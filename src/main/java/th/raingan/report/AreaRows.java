package th.raingan.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The area rows (part 2) as plain maps, however they arrived: Tasklist's dynamic list submits JSON (a Spin node),
 * a REST caller may send JSON, a JSON string or a serialized list.
 */
final class AreaRows {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
	};

	private AreaRows() {
	}

	static List<Map<String, Object>> of(Object value) {
		if (value == null) {
			return List.of();
		}
		try {
			if (value instanceof SpinJsonNode node) {
				return JSON.readValue(node.toString(), ROWS);
			}
			if (value instanceof String text) {
				return text.isBlank() ? List.of() : JSON.readValue(text, ROWS);
			}
			return JSON.convertValue(value, ROWS);
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			throw new ReportRefused("ส่งรายงานไม่ได้ กรุณาแก้ไข:",
					List.of("ข้อมูลเชิงพื้นที่: ต้องเป็นรายการพื้นที่ (ตำบล/หมู่บ้าน กลุ่มเป้าหมาย จำนวนคน ผลที่ได้รับ ค่าใช้จ่าย)"));
		}
	}

}
