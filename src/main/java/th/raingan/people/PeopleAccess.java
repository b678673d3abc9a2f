package th.raingan.people;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import th.raingan.org.Directory;
import th.raingan.org.Groups;
import th.raingan.org.Officers;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;

/**
 * Who may onboard and edit whom: the administrator any office; a province's manager
 * (พัฒนาการจังหวัด) the province office and its districts; everyone else only their own
 * phone and e-mail.
 */
@Component
class PeopleAccess {

	private final Directory directory;

	private final Officers officers;

	private final OrgUnits orgUnits;

	PeopleAccess(Directory directory, Officers officers, OrgUnits orgUnits) {
		this.directory = directory;
		this.officers = officers;
		this.orgUnits = orgUnits;
	}

	boolean isAdmin(String userId) {
		return directory.groupsOf(userId).contains(Groups.ADMIN);
	}

	/** The province the user manages, if they are not the administrator. */
	Optional<String> managedProvince(String userId) {
		return officers.provinceManagedBy(userId);
	}

	/** Whether the editor may create people in, or edit the people of, this office. */
	boolean mayManage(String editorId, OrgUnit office) {
		if (isAdmin(editorId)) {
			return true;
		}
		return office.level() != OrgUnit.Level.DEPARTMENT
				&& managedProvince(editorId).filter(p -> p.equals(office.provinceCode())).isPresent();
	}

	/**
	 * Whether the editor may edit this user: the administrator anyone, a manager those
	 * whose every office is in their province (a user in no office group yet only the
	 * administrator, who puts them in one).
	 */
	boolean mayEdit(String editorId, String userId) {
		if (isAdmin(editorId)) {
			return true;
		}
		List<Officers.Officer> offices = officers.all(userId);
		return !offices.isEmpty() && offices.stream()
			.allMatch(o -> orgUnits.find(o.officeCode()).filter(unit -> mayManage(editorId, unit)).isPresent());
	}

	boolean mayOnboard(String userId) {
		return isAdmin(userId) || managedProvince(userId).isPresent();
	}

}
