package th.raingan.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Rows of a dynamic list (the report's area rows, a district's KPI entries) as plain
 * maps, however they arrived: Tasklist's dynamic list submits JSON (a Spin node), a REST
 * caller may send JSON, a JSON string or a list.
 */
public final class JsonRows {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
	};

	private JsonRows() {
	}

	/** The rows; a value that is not a list of rows is refused naming the field. */
	public static List<Map<String, Object>> of(Object value, String fieldLabel, String rowsDescription) {
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
			throw new ReportRefused("บันทึกไม่ได้ กรุณาแก้ไข:",
					List.of(fieldLabel + ": ต้องเป็นรายการ" + rowsDescription));
		}
	}

}
