package th.raingan.org;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which office a user works for. */
@Repository
public class Officers {

	public record Officer(String userId, String officeCode, String role) {

	}

	private final JdbcTemplate jdbc;

	Officers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a user's office and role, once. */
	public void ensure(String userId, String officeCode, String role, String position) {
		if (find(userId).isEmpty()) {
			jdbc.update("insert into raingan.officer (user_id, office_code, role, position_th) values (?, ?, ?, ?)",
					userId, officeCode, role, position);
		}
	}

	/** The province a user heads as its manager (พัฒนาการจังหวัด), if they do. */
	public Optional<String> provinceManagedBy(String userId) {
		return find(userId == null ? "" : userId).filter(o -> "manager".equals(o.role())).map(Officer::officeCode);
	}

	public Optional<Officer> find(String userId) {
		return jdbc
			.query("select user_id, office_code, role from raingan.officer where user_id = ?",
					(rs, i) -> new Officer(rs.getString(1), rs.getString(2), rs.getString(3)), userId)
			.stream()
			.findFirst();
	}

}
