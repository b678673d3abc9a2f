package th.raingan.org;

/** An office of the department: the department itself, a province or a district. */
public record OrgUnit(String code, Level level, String parentCode, String nameTh, String nameEn) {

	public enum Level {

		DEPARTMENT, PROVINCE, DISTRICT

	}

	public boolean isProvince() {
		return level == Level.PROVINCE;
	}

	public boolean isDistrict() {
		return level == Level.DISTRICT;
	}

	/** The province a district belongs to, or the province itself. */
	public String provinceCode() {
		return isDistrict() ? parentCode : code;
	}

}
