package th.raingan.org;

/**
 * Camunda group ids, as docs/requirements/people.md names them (office and role follow
 * from them alone).
 */
public final class Groups {

	public static final String ADMIN = "camunda-admin";

	/**
	 * กรมการพัฒนาชุมชน: reads every province's dashboard, budget and KPI scores; works on
	 * no task.
	 */
	public static final String DEPARTMENT = "department";

	private Groups() {
	}

	/** District officers of one district office, e.g. {@code district-4201}. */
	public static String district(String districtCode) {
		return "district-" + districtCode;
	}

	/**
	 * The province's strategy unit, which reviews reports, e.g.
	 * {@code province-42-review}.
	 */
	public static String provinceReview(String provinceCode) {
		return "province-" + provinceCode + "-review";
	}

	/** The provincial head and their staff, e.g. {@code province-42-manager}. */
	public static String provinceManager(String provinceCode) {
		return "province-" + provinceCode + "-manager";
	}

}
