package th.raingan.myreports;

import java.util.LinkedHashMap;
import java.util.Map;

/** A report's status as the offices read it. */
final class ReportStatuses {

	/**
	 * Every status of {@code raingan.report}, in the order the page's filter offers them.
	 */
	static final Map<String, String> THAI = new LinkedHashMap<>();

	static {
		THAI.put("draft", "ร่าง");
		THAI.put("submitted", "ส่งแล้ว");
		THAI.put("returned", "ส่งกลับแก้ไข");
		THAI.put("approved", "อนุมัติ");
		THAI.put("not_submitted", "ไม่ได้ส่ง");
		THAI.put("not_held", "ยังไม่ได้ดำเนินการ");
		THAI.put("withdrawn", "ยกเลิกการมอบหมาย");
	}

	private ReportStatuses() {
	}

	static String thai(String status) {
		return THAI.getOrDefault(status, status);
	}

	static boolean known(String status) {
		return THAI.containsKey(status);
	}

}
