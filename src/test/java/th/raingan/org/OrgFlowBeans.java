package th.raingan.org;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The org capability's beans for the process flow tests (th.raingan.process): the
 * production {@link Routing} and {@link SignedInStarter}, over a table of offices by
 * their codes (two digits a province, four a district of the province its first two name)
 * and the groups the demo's user names stand for ({@code review42}, {@code manager42},
 * {@code str4201}, {@code head4203}, {@code cdo4203a}), as Camunda Admin would have them.
 */
public final class OrgFlowBeans {

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private OrgFlowBeans() {
	}

	public static Routing routing(IdentityService identity) {
		Directory directory = mock(Directory.class);
		when(directory.groupsOf(anyString())).thenAnswer(call -> groupsOf(call.getArgument(0)));
		return new Routing(offices(), directory, identity);
	}

	public static ExecutionListener signedInStarter(IdentityService identity) {
		return new SignedInStarter(identity);
	}

	/** The demo's offices by their codes. */
	public static OrgUnits offices() {
		OrgUnits offices = mock(OrgUnits.class);
		when(offices.find(anyString())).thenAnswer(call -> office(call.getArgument(0)));
		return offices;
	}

	static Optional<OrgUnit> office(String code) {
		if (code.matches("[0-9]{2}")) {
			return Optional.of(new OrgUnit(code, OrgUnit.Level.PROVINCE, "00", "จังหวัด " + code, code));
		}
		if (code.matches("[0-9]{4}")) {
			return Optional.of(new OrgUnit(code, OrgUnit.Level.DISTRICT, code.substring(0, 2), "อำเภอ " + code, code));
		}
		return Optional.empty();
	}

	/** The groups a demo user name stands for. */
	public static List<String> groupsOf(String user) {
		Matcher m = DIGITS.matcher(user);
		if (!m.find()) {
			return List.of();
		}
		String code = m.group();
		if (user.startsWith("review")) {
			return List.of(Groups.provinceReview(code));
		}
		if (user.startsWith("manager")) {
			return List.of(Groups.provinceManager(code));
		}
		return code.length() == 4 ? List.of(Groups.district(code)) : List.of();
	}

}
