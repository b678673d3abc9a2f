package th.raingan.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;

/**
 * What the people screens and {@code /api/people} answer, as status and JSON body,
 * whichever transport carries it (the Tasklist plugin's JAX-RS backend, the Spring
 * controller): one place decides who gets what.
 */
@Component
public class PeopleApi {

	/** A status and a JSON body. */
	public record Answer(int status, Object body) {

	}

	private final ProfileService profiles;

	private final OnboardingImport importer;

	private final PeopleAccess access;

	private final OrgUnits orgUnits;

	PeopleApi(ProfileService profiles, OnboardingImport importer, PeopleAccess access, OrgUnits orgUnits) {
		this.profiles = profiles;
		this.importer = importer;
		this.access = access;
		this.orgUnits = orgUnits;
	}

	public Answer me(String userId) {
		if (userId == null) {
			return refused(401, "กรุณาเข้าสู่ระบบ");
		}
		return profiles.find(userId).map(p -> {
			Map<String, Object> body = new LinkedHashMap<>(ProfileService.json(p));
			body.put("permissions", profiles.permissions(userId));
			return new Answer(200, body);
		}).orElseGet(() -> refused(404, "ไม่พบผู้ใช้ " + userId));
	}

	public Answer updateMe(String userId, Map<String, Object> body) {
		if (userId == null || profiles.find(userId).isEmpty()) {
			return refused(401, "กรุณาเข้าสู่ระบบ");
		}
		return outcome(profiles.updateOwnContact(userId, text(body, "phone"), text(body, "email")));
	}

	public Answer offices(String editorId) {
		if (editorId == null || !access.mayOnboard(editorId)) {
			return refused(403, "เฉพาะผู้ดูแลระบบและพัฒนาการจังหวัดจัดการข้อมูลบุคลากรได้");
		}
		List<Map<String, Object>> offices = orgUnits.all()
			.stream()
			.filter(u -> access.mayManage(editorId, u))
			.map(u -> Map.<String, Object>of("code", u.code(), "name", u.nameTh(), "level",
					u.level().name().toLowerCase(java.util.Locale.ROOT)))
			.toList();
		return new Answer(200, offices);
	}

	public Answer peopleOf(String editorId, String officeCode) {
		return profiles.peopleOf(editorId, officeCode)
			.map(list -> new Answer(200, list.stream().map(ProfileService::json).toList()))
			.orElseGet(() -> refused(403, "ท่านดูรายชื่อบุคลากรได้เฉพาะหน่วยงานในจังหวัดของท่าน"));
	}

	public Answer user(String editorId, String userId) {
		if (editorId == null || !access.mayEdit(editorId, userId)) {
			return refused(403, "ท่านดูและแก้ไขข้อมูลได้เฉพาะบุคลากรในจังหวัดของท่าน");
		}
		return profiles.find(userId)
			.map(p -> new Answer(200, ProfileService.json(p)))
			.orElseGet(() -> refused(404, "ไม่พบผู้ใช้ " + userId));
	}

	public Answer updateUser(String editorId, String userId, Map<String, Object> body) {
		if (editorId == null) {
			return refused(401, "กรุณาเข้าสู่ระบบ");
		}
		Optional<ProfileService.Outcome> outcome = profiles.update(editorId, userId,
				new ProfileService.Edit(text(body, "firstName"), text(body, "lastName"), text(body, "position"),
						text(body, "section"), text(body, "phone"), text(body, "email"), text(body, "officeCode"),
						text(body, "role")));
		return outcome.map(this::outcome)
			.orElseGet(() -> refused(403, "ท่านแก้ไขข้อมูลได้เฉพาะบุคลากรในจังหวัดของท่าน (ผู้ดูแลระบบ: ทุกหน่วยงาน)"));
	}

	public Answer importPeople(String importer, byte[] csv, boolean takeValidRows) {
		if (importer == null || !access.mayOnboard(importer)) {
			return refused(403, "เฉพาะผู้ดูแลระบบและพัฒนาการจังหวัดนำเข้าผู้ใช้ได้");
		}
		OnboardingImport.Result result = this.importer.run(importer, csv == null ? new byte[0] : csv, takeValidRows);
		boolean fileRefused = !result.written() && result.rows() == 0 && !result.problems().isEmpty();
		return new Answer(fileRefused ? 400 : result.written() || result.problems().isEmpty() ? 200 : 422, result);
	}

	private Answer outcome(ProfileService.Outcome outcome) {
		if (outcome.saved()) {
			Map<String, Object> body = new LinkedHashMap<>(ProfileService.json(outcome.profile()));
			body.put("message", "จัดเก็บข้อมูลเรียบร้อยแล้ว");
			return new Answer(200, body);
		}
		return new Answer(400,
				Map.of("message",
						"บันทึกไม่ได้: "
								+ String.join("; ", outcome.problems().stream().map(FieldProblem::text).toList()),
						"problems", outcome.problems()));
	}

	private static String text(Map<String, Object> body, String name) {
		Object value = body == null ? null : body.get(name);
		return value == null ? null : value.toString();
	}

	private static Answer refused(int status, String message) {
		return new Answer(status, Map.of("message", message));
	}

}
