package th.raingan.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Camunda's password policy ({@code enable-password-policy}, the engine's default policy:
 * at least 10 characters, a lower-case and an upper-case letter, a digit and a special
 * character, none of the user's id, names or e-mail), told in Thai: one message per rule
 * a password breaks, each naming the field รหัสผ่าน. The engine refuses such a password
 * in every {@code saveUser} as well; this is what the REST guard and the imports say
 * first (RELIABILITY.md).
 */
@Component
public class Passwords {

	public static final String FIELD = "รหัสผ่าน";

	private final IdentityService identity;

	Passwords(IdentityService identity) {
		this.identity = identity;
	}

	/**
	 * What is wrong with the password under the engine's policy, for that user (their id,
	 * names and e-mail); empty when it passes.
	 */
	public List<String> problems(String password, User user) {
		if (password == null || password.isEmpty()) {
			return List.of(FIELD + ": ต้องกรอก");
		}
		List<String> problems = new ArrayList<>();
		for (PasswordPolicyRule rule : (user == null ? identity.checkPasswordAgainstPolicy(password)
				: identity.checkPasswordAgainstPolicy(password, user))
			.getViolatedRules()) {
			problems.add(FIELD + ": " + thai(rule.getPlaceholder(), rule.getParameters()));
		}
		return problems;
	}

	/** The rule about the user's own data, in Thai. */
	public static String userDataRule() {
		return "ต้องไม่มีรหัสผู้ใช้ ชื่อ นามสกุล หรืออีเมลของผู้ใช้อยู่ในรหัสผ่าน";
	}

	static String thai(String placeholder, Map<String, String> parameters) {
		Map<String, String> p = parameters == null ? Map.of() : parameters;
		return switch (placeholder) {
			case "PASSWORD_POLICY_LENGTH" -> "ต้องยาวอย่างน้อย " + p.get("minLength") + " ตัวอักษร";
			case "PASSWORD_POLICY_LOWERCASE" ->
				"ต้องมีอักษรอังกฤษตัวพิมพ์เล็ก (a-z) อย่างน้อย " + p.get("minLowerCase") + " ตัว";
			case "PASSWORD_POLICY_UPPERCASE" ->
				"ต้องมีอักษรอังกฤษตัวพิมพ์ใหญ่ (A-Z) อย่างน้อย " + p.get("minUpperCase") + " ตัว";
			case "PASSWORD_POLICY_DIGIT" -> "ต้องมีตัวเลข (0-9) อย่างน้อย " + p.get("minDigit") + " ตัว";
			case "PASSWORD_POLICY_SPECIAL" ->
				"ต้องมีอักขระพิเศษ เช่น ! @ # $ % - _ อย่างน้อย " + p.get("minSpecial") + " ตัว";
			case "PASSWORD_POLICY_USER_DATA" -> userDataRule();
			default -> "ไม่เป็นไปตามนโยบายรหัสผ่าน (" + placeholder + ")";
		};
	}

}
