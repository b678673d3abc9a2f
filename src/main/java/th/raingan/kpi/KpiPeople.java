package th.raingan.kpi;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import th.raingan.org.Accounts;
import th.raingan.org.Directory;
import th.raingan.org.Groups;
import th.raingan.org.Profiles;

/**
 * A district's people as the KPI round sees them: the members of its Camunda group whose
 * profile names them พัฒนาการอำเภอ (the head) or พัฒนากร (officers). The shared district
 * account is an office, not a person, and does not count as staff.
 */
@Component
public class KpiPeople {

	private final Directory directory;

	private final Profiles profiles;

	KpiPeople(Directory directory, Profiles profiles) {
		this.directory = directory;
		this.profiles = profiles;
	}

	private List<String> withPosition(String office, String position) {
		return directory.members(Groups.district(office))
			.stream()
			.map(User::getId)
			.filter(id -> profiles.details(id).map(d -> position.equals(d.position())).orElse(false))
			.sorted()
			.toList();
	}

	/** The district head's user id, if the district has one. */
	public Optional<String> head(String office) {
		return withPosition(office, Accounts.HEAD_POSITION).stream().findFirst();
	}

	/** The district's officers (พัฒนากร). */
	public List<String> officers(String office) {
		return withPosition(office, Accounts.OFFICER_POSITION);
	}

	/**
	 * The district's staff counted from its person accounts (head and officers); 0 when
	 * it has none.
	 */
	public int staff(String office) {
		return head(office).map(h -> 1).orElse(0) + officers(office).size();
	}

}
