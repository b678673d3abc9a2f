package th.raingan.org;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/**
 * Groups and the grants that let each role into its webapps. Task access itself is not
 * granted here: the engine gives a task's candidate group read and work permission on
 * that task, and nothing else.
 */
@Service
public class AccessSetup {

	/**
	 * Process definitions a province manager may start (the processes of later
	 * capabilities join this list).
	 */
	public static final List<String> MANAGER_STARTABLE = List.of("reporting-round", "kpi-round-close");

	/**
	 * Process definitions an office (district officers, a province's strategy unit) may
	 * start.
	 */
	public static final List<String> OFFICE_STARTABLE = List.of("kpi-target-plan");

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	AccessSetup(IdentityService identity, AuthorizationService authorizations) {
		this.identity = identity;
		this.authorizations = authorizations;
	}

	public void ensure(List<OrgUnit> units) {
		ensureGroup(Groups.ADMIN, "ผู้ดูแลระบบ", "SYSTEM");
		for (Resources resource : Resources.values()) {
			grantGroup(Groups.ADMIN, resource, Authorization.ANY, Permissions.ALL);
		}
		// every signed-in user: Tasklist, and the process definitions' names, forms and
		// diagrams
		grantAll(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grantAll(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
		// the department reads every province's dashboard (Cockpit's start page); it
		// works on no task, starts nothing
		ensureGroup(Groups.DEPARTMENT, "กรมการพัฒนาชุมชน (อ่านอย่างเดียว)", "WORKFLOW");
		grantGroup(Groups.DEPARTMENT, Resources.APPLICATION, "cockpit", Permissions.ACCESS);

		for (OrgUnit unit : units) {
			if (unit.isDistrict()) {
				ensureGroup(Groups.district(unit.code()), unit.nameTh(), "WORKFLOW");
				grantOfficeStarts(Groups.district(unit.code()));
			}
			else if (unit.isProvince()) {
				String review = Groups.provinceReview(unit.code());
				String manager = Groups.provinceManager(unit.code());
				ensureGroup(review, "ผู้ตรวจรายงาน " + unit.nameTh(), "WORKFLOW");
				ensureGroup(manager, "ผู้บริหาร " + unit.nameTh(), "WORKFLOW");
				grantOfficeStarts(review);
				// the province's reviewers and managers watch the round in Cockpit (the
				// dashboard: their own province)
				grantGroup(review, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
				grantGroup(manager, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
				grantGroup(manager, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
				for (String key : MANAGER_STARTABLE) {
					grantGroup(manager, Resources.PROCESS_DEFINITION, key, Permissions.CREATE_INSTANCE);
				}
			}
		}
	}

	private void grantOfficeStarts(String group) {
		grantGroup(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
		for (String key : OFFICE_STARTABLE) {
			grantGroup(group, Resources.PROCESS_DEFINITION, key, Permissions.CREATE_INSTANCE);
		}
	}

	private void ensureGroup(String id, String name, String type) {
		Group group = identity.createGroupQuery().groupId(id).singleResult();
		if (group == null) {
			group = identity.newGroup(id);
		}
		else if (name.equals(group.getName()) && type.equals(group.getType())) {
			return;
		}
		group.setName(name);
		group.setType(type);
		identity.saveGroup(group);
	}

	private void grantAll(Resource resource, String resourceId, Permission permission) {
		Authorization grant = authorizations.createAuthorizationQuery()
			.userIdIn(Authorization.ANY)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (grant == null) {
			grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
			grant.setUserId(Authorization.ANY);
		}
		save(grant, resource, resourceId, permission);
	}

	void grantGroup(String groupId, Resource resource, String resourceId, Permission permission) {
		Authorization grant = authorizations.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (grant == null) {
			grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(groupId);
		}
		save(grant, resource, resourceId, permission);
	}

	/**
	 * One authorization per (who, resource, id), as the engine requires; a missing
	 * permission is added to it.
	 */
	private void save(Authorization grant, Resource resource, String resourceId, Permission permission) {
		if (grant.getId() != null && grant.isPermissionGranted(permission)) {
			return;
		}
		grant.setResource(resource);
		grant.setResourceId(resourceId);
		grant.addPermission(permission);
		authorizations.saveAuthorization(grant);
	}

}
