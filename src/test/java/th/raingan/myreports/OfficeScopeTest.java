package th.raingan.myreports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import th.raingan.org.Directory;
import th.raingan.org.OfficeAccess;
import th.raingan.org.Officers;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;

/**
 * Whose reports a user reads, from their office record or from their Camunda groups alone
 * (a person added in Camunda Admin to {@code district-4203} has no office record yet).
 */
class OfficeScopeTest {

	static final OrgUnit LOEI = new OrgUnit("42", OrgUnit.Level.PROVINCE, "00", "สำนักงานพัฒนาชุมชนจังหวัดเลย", "Loei");

	static final OrgUnit MUEANG_LOEI = new OrgUnit("4201", OrgUnit.Level.DISTRICT, "42", "สพอ.เมืองเลย", "Mueang Loei");

	static final OrgUnit NA_DUANG = new OrgUnit("4202", OrgUnit.Level.DISTRICT, "42", "สพอ.นาด้วง", "Na Duang");

	static final OrgUnit SAKAEO = new OrgUnit("27", OrgUnit.Level.PROVINCE, "00", "สำนักงานพัฒนาชุมชนจังหวัดสระแก้ว",
			"Sa Kaeo");

	IdentityService identity = mock(IdentityService.class);

	Officers officers = mock(Officers.class);

	Directory directory = mock(Directory.class);

	OrgUnits orgUnits = mock(OrgUnits.class);

	OfficeScope scopes = new OfficeScope(new OfficeAccess(identity, directory, orgUnits));

	@BeforeEach
	void organisation() {
		for (OrgUnit unit : List.of(LOEI, MUEANG_LOEI, NA_DUANG, SAKAEO)) {
			when(orgUnits.find(unit.code())).thenReturn(Optional.of(unit));
		}
		when(orgUnits.districtsOf("42")).thenReturn(List.of(MUEANG_LOEI, NA_DUANG));
		when(orgUnits.all()).thenReturn(List.of(new OrgUnit("00", OrgUnit.Level.DEPARTMENT, null, "กรม", "CDD"), LOEI,
				MUEANG_LOEI, NA_DUANG, SAKAEO));
		when(officers.find(org.mockito.ArgumentMatchers.anyString())).thenReturn(Optional.empty());
	}

	@Test
	void aDistrictOfficerKnownOnlyByTheirGroupReadsTheirDistrict() {
		signedIn("somchai", "district-4202");
		OfficeScope.Scope scope = scopes.current().orElseThrow();
		assertThat(scope.offices()).containsExactly(NA_DUANG);
		assertThat(scope.office(null)).contains(NA_DUANG);
		assertThat(scope.office("4201")).isEmpty();
		assertThat(scope.covers("42")).isFalse();
	}

	@Test
	void aProvinceReviewerReadsTheProvinceAndItsDistrictsStartingWithTheFirstDistrict() {
		signedIn("review42", "province-42-review");
		when(officers.find("review42")).thenReturn(Optional.of(new Officers.Officer("review42", "42", "reviewer")));
		OfficeScope.Scope scope = scopes.current().orElseThrow();
		assertThat(scope.offices()).containsExactly(LOEI, MUEANG_LOEI, NA_DUANG);
		assertThat(scope.office(null)).contains(MUEANG_LOEI);
		assertThat(scope.covers("27")).isFalse();
	}

	@Test
	void theAdministratorReadsAnyProvinceOrDistrictAndNobodyElseReadsAnything() {
		signedIn("admin", "camunda-admin");
		assertThat(scopes.current().orElseThrow().offices()).containsExactly(LOEI, MUEANG_LOEI, NA_DUANG, SAKAEO);

		signedIn("visitor", "some-other-group");
		assertThat(scopes.current()).isEmpty();
		when(identity.getCurrentAuthentication()).thenReturn(null);
		assertThat(scopes.current()).isEmpty();
	}

	private void signedIn(String user, String... groups) {
		when(identity.getCurrentAuthentication()).thenReturn(new Authentication(user, List.of(groups)));
	}

}
