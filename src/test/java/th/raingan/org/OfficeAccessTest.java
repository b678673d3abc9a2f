package th.raingan.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one answer to "may this user see this office", from the groups on the
 * authentication and in the directory.
 */
class OfficeAccessTest {

	static final OrgUnit LOEI = new OrgUnit("42", OrgUnit.Level.PROVINCE, "00", "สำนักงานพัฒนาชุมชนจังหวัดเลย", "Loei");

	static final OrgUnit MUEANG_LOEI = new OrgUnit("4201", OrgUnit.Level.DISTRICT, "42", "สพอ.เมืองเลย", "Mueang Loei");

	static final OrgUnit SAKAEO = new OrgUnit("27", OrgUnit.Level.PROVINCE, "00", "สำนักงานพัฒนาชุมชนจังหวัดสระแก้ว",
			"Sa Kaeo");

	static final OrgUnit MUEANG_SAKAEO = new OrgUnit("2701", OrgUnit.Level.DISTRICT, "27", "สพอ.เมืองสระแก้ว",
			"Mueang");

	IdentityService identity = mock(IdentityService.class);

	Directory directory = mock(Directory.class);

	OrgUnits orgUnits = mock(OrgUnits.class);

	OfficeAccess access = new OfficeAccess(identity, directory, orgUnits);

	@BeforeEach
	void organisation() {
		for (OrgUnit unit : List.of(LOEI, MUEANG_LOEI, SAKAEO, MUEANG_SAKAEO)) {
			when(orgUnits.find(unit.code())).thenReturn(Optional.of(unit));
		}
		when(orgUnits.all()).thenReturn(List.of(LOEI, MUEANG_LOEI, SAKAEO, MUEANG_SAKAEO));
	}

	private void signedIn(String user, String... groups) {
		when(identity.getCurrentAuthentication()).thenReturn(new Authentication(user, List.of(groups)));
	}

	@Test
	void aReviewerSeesTheirProvinceAndItsDistrictsOnly() {
		signedIn("review42", "province-42-review");
		assertThat(access.maySee("42")).isTrue();
		assertThat(access.maySee("4201")).isTrue();
		assertThat(access.maySee("27")).isFalse();
		assertThat(access.maySee("2701")).isFalse();
		assertThat(access.provincesReviewed()).containsExactly("42");
		assertThat(access.provincesManaged()).isEmpty();
		assertThat(access.nation()).isFalse();
	}

	@Test
	void aDistrictOfficerSeesTheirDistrictNotTheProvince() {
		signedIn("str4201", "district-4201");
		assertThat(access.maySee("4201")).isTrue();
		assertThat(access.maySee("42")).isFalse();
		assertThat(access.visibleOffices()).containsExactly(MUEANG_LOEI);
	}

	@Test
	void aGroupGivenInAdminCountsAtOnceThroughTheDirectory() {
		signedIn("manager27");
		when(directory.groupsOf("manager27")).thenReturn(List.of("province-27-manager"));
		assertThat(access.provincesManaged()).containsExactly("27");
		assertThat(access.maySee("2701")).isTrue();
	}

	@Test
	void theDepartmentAndTheAdministratorSeeTheNationAnonymousNothing() {
		signedIn("cdd01", "department");
		assertThat(access.nation()).isTrue();
		assertThat(access.administrator()).isFalse();
		assertThat(access.maySee("2701")).isTrue();
		assertThat(access.maySee("9999")).as("no such office").isFalse();
		signedIn("admin", Groups.ADMIN);
		assertThat(access.administrator()).isTrue();
		assertThat(access.visibleOffices()).hasSize(4);
		when(identity.getCurrentAuthentication()).thenReturn(null);
		assertThat(access.maySee("42")).isFalse();
		assertThat(access.visibleOffices()).isEmpty();
	}

}
