package th.raingan.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A user's office and role are their group memberships read one way: the widest office
 * group first.
 */
class OfficersTest {

	@Test
	void eachOfficeGroupNamesItsOfficeAndRole() {
		assertThat(Officers.fromGroup("u", "district-4205")).contains(new Officers.Officer("u", "4205", "district"));
		assertThat(Officers.fromGroup("u", "province-42-review")).contains(new Officers.Officer("u", "42", "reviewer"));
		assertThat(Officers.fromGroup("u", "province-42-manager")).contains(new Officers.Officer("u", "42", "manager"));
		assertThat(Officers.fromGroup("u", "department")).contains(new Officers.Officer("u", "00", "department"));
		assertThat(Officers.fromGroup("u", "camunda-admin")).isEmpty();
		assertThat(Officers.fromGroup("u", "district-abc")).isEmpty();
		assertThat(Officers.fromGroup("u", "province-42-reviewers")).isEmpty();
	}

	@Test
	void aUserInSeveralOfficeGroupsCountsInTheWidest() {
		assertThat(
				Officers.offices(List.of("district-4202", "province-42-review", "district-4201", "camunda-admin"), "u"))
			.extracting(Officers.Officer::officeCode, Officers.Officer::role)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("42", "reviewer"),
					org.assertj.core.groups.Tuple.tuple("4201", "district"),
					org.assertj.core.groups.Tuple.tuple("4202", "district"));
		assertThat(
				Officers.offices(List.of("province-27-review", "province-42-manager", "department"), "u").get(0).role())
			.isEqualTo("department");
	}

	@Test
	void aRoleFitsOnlyItsKindOfOffice() {
		OrgUnit district = new OrgUnit("4201", OrgUnit.Level.DISTRICT, "42", "เมืองเลย", "Mueang Loei");
		OrgUnit province = new OrgUnit("42", OrgUnit.Level.PROVINCE, "00", "เลย", "Loei");
		OrgUnit department = new OrgUnit("00", OrgUnit.Level.DEPARTMENT, null, "กรม", "CDD");
		assertThat(Officers.groupFor(district, "district")).contains("district-4201");
		assertThat(Officers.groupFor(district, "manager")).isEmpty();
		assertThat(Officers.groupFor(province, "reviewer")).contains("province-42-review");
		assertThat(Officers.groupFor(province, "district")).isEmpty();
		assertThat(Officers.groupFor(department, "department")).contains("department");
		assertThat(Officers.groupFor(province, "department")).isEmpty();
	}

}
