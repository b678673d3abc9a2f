package th.raingan.people;

import java.util.ArrayList;
import java.util.List;

/**
 * A province's onboarding file as a personnel officer would make it in Excel: 100 people
 * of Sa Kaeo's districts, with exactly the mistakes the tests name in the rows they name.
 */
final class OnboardingCsv {

	static final String HEADER = "office_code,user_id,first_name_th,last_name_th,position_th,section_th,email,phone,role";

	/**
	 * The file's lines with five bad rows: lines 8, 21, 35, 50 (two bad values) and 77
	 * (line 1 is the header).
	 */
	static final List<Integer> BAD_LINES = List.of(8, 21, 35, 50, 77);

	private OnboardingCsv() {
	}

	/** 100 rows, ids {@code <prefix>001}..{@code <prefix>100}; five of them bad. */
	static String hundredWithFiveBad(String prefix) {
		List<String> lines = new ArrayList<>();
		lines.add(HEADER);
		for (int i = 1; i <= 100; i++) {
			int line = i + 1;
			String district = String.format("27%02d", (i % 9) + 1);
			String id = prefix + String.format("%03d", i);
			String first = "สมศรี" + thaiLetter(i);
			String last = "ทดสอบนำเข้า";
			String position = i % 10 == 0 ? "พัฒนาการอำเภอ" : "นักวิชาการพัฒนาชุมชน";
			String section = "สพอ." + district;
			String email = id + "@cdd.go.th";
			String phone = "08" + String.format("%08d", i);
			String role = "district";
			String office = district;
			switch (line) {
				case 8 -> id = prefix + "005"; // the same id as line 6
				case 21 -> office = "2799"; // no such district
				case 35 -> role = "manager"; // a manager of a district
				case 50 -> {
					email = "ไม่มีอีเมล";
					phone = "12-34";
				}
				case 77 -> first = "ก".repeat(101); // longer than a name can be
				default -> {
				}
			}
			lines.add(String.join(",", office, id, first, last, position, section, email, phone, role));
		}
		return String.join("\r\n", lines) + "\r\n";
	}

	private static String thaiLetter(int i) {
		return String.valueOf((char) (0x0E01 + i % 40));
	}

}
