package th.raingan.org;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import th.raingan.engine.SignedIn;

/**
 * Who works on a task and who may record its decision, from an office the server holds (a
 * report's row, a plan's row, a round's business key: each process's owner says which,
 * {@code docs/architecture.md}), never from a process variable: a completion or a start
 * stores every variable it sends, so a group held in a variable would be the sender's to
 * choose. The BPMN's candidate groups call this bean
 * ({@code ${routing.reviewGroup(reportFacts.office(execution))}}), and every delegate
 * that records a decision asks {@link #refusal} whether the signed-in user belongs to the
 * group of that office or province: a second wall behind the engine's form guard.
 * <ul>
 * <li>the office's own staff: {@code district-<code>} for a district, the province's
 * reviewers {@code province-<code>-review} for the province office itself (a
 * province-level activity is reported by its own staff);</li>
 * <li>the reviewers of the office's province: {@code province-<province>-review};</li>
 * <li>the manager (พัฒนาการจังหวัด) of the office's province:
 * {@code province-<province>-manager}.</li>
 * </ul>
 */
@Component("routing")
public class Routing {

	private final OrgUnits orgUnits;

	private final Directory directory;

	private final IdentityService identity;

	Routing(OrgUnits orgUnits, Directory directory, IdentityService identity) {
		this.orgUnits = orgUnits;
		this.directory = directory;
		this.identity = identity;
	}

	/** The group of the office's own staff. */
	public String officeGroup(String officeCode) {
		OrgUnit office = office(officeCode);
		return office.isDistrict() ? Groups.district(office.code()) : Groups.provinceReview(office.code());
	}

	/** The reviewers of the office's province (the office may be the province itself). */
	public String reviewGroup(String officeCode) {
		return Groups.provinceReview(office(officeCode).provinceCode());
	}

	/** The manager's group of the office's province. */
	public String managerGroup(String officeCode) {
		return Groups.provinceManager(office(officeCode).provinceCode());
	}

	/** The province of an office (a province's own code for a province). */
	public String provinceOf(String officeCode) {
		return office(officeCode).provinceCode();
	}

	/**
	 * Why the signed-in user may not record a decision for the group, in Thai, or empty
	 * when they are a member now (Camunda Admin's groups at the moment of asking, as
	 * {@link Officers} reads them). Nobody signed in (the engine's own job) may not
	 * either: every decision is traceable to a person who had the right to give it.
	 */
	public Optional<String> refusal(String group, String what) {
		Optional<SignedIn> user = SignedIn.current(identity);
		if (user.isEmpty()) {
			return Optional.of(what + ": ต้องลงชื่อเข้าใช้ในฐานะผู้มีสิทธิ์ (" + group + ") จึงบันทึกได้");
		}
		if (directory.groupsOf(user.get().userId()).contains(group)) {
			return Optional.empty();
		}
		return Optional.of(what + ": ผู้ใช้ " + user.get().userId() + " ไม่ได้อยู่ในกลุ่ม " + group
				+ " ของหน่วยงานเจ้าของงานนี้ จึงบันทึกไม่ได้");
	}

	private OrgUnit office(String officeCode) {
		return orgUnits.find(officeCode == null ? "" : officeCode)
			.orElseThrow(() -> new IllegalStateException("no office " + officeCode));
	}

}
