package th.raingan.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The attachment table. Listing never reads the content; only a download does. */
@Repository
class Attachments {

	private static final String COLUMNS = "id, business_key, report_version_id, file_name, media_type, size_bytes, "
			+ "original_bytes, uploaded_by, uploaded_at, kind";

	private final JdbcTemplate jdbc;

	Attachments(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String businessKey, String fileName, String mediaType, byte[] content, int originalBytes, String user,
			Date at, String kind) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("""
					insert into raingan.attachment (business_key, file_name, media_type, size_bytes, original_bytes,
					content, uploaded_by, uploaded_at, kind) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					new String[] { "id" });
			ps.setString(1, businessKey);
			ps.setString(2, fileName);
			ps.setString(3, mediaType);
			ps.setInt(4, content.length);
			ps.setInt(5, originalBytes);
			ps.setBytes(6, content);
			ps.setString(7, user);
			ps.setTimestamp(8, new Timestamp(at.getTime()));
			ps.setString(9, kind);
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	List<Attachment> ofReport(String businessKey) {
		return jdbc.query("select " + COLUMNS + " from raingan.attachment where business_key = ? order by id",
				(rs, i) -> attachment(rs), businessKey);
	}

	Optional<Attachment> find(long id) {
		return jdbc.query("select " + COLUMNS + " from raingan.attachment where id = ?", (rs, i) -> attachment(rs), id)
			.stream()
			.findFirst();
	}

	byte[] content(long id) {
		return jdbc.queryForObject("select content from raingan.attachment where id = ?", (rs, i) -> rs.getBytes(1),
				id);
	}

	/** Only a file no submission has taken yet can be deleted. */
	boolean deleteUnsubmitted(long id) {
		return jdbc.update("delete from raingan.attachment where id = ? and report_version_id is null", id) == 1;
	}

	int attachToVersion(String businessKey, long versionId) {
		return jdbc.update(
				"update raingan.attachment set report_version_id = ? where business_key = ? and report_version_id is null",
				versionId, businessKey);
	}

	private static Attachment attachment(ResultSet rs) throws SQLException {
		long versionId = rs.getLong("report_version_id");
		Long version = rs.wasNull() ? null : versionId;
		return new Attachment(rs.getLong("id"), rs.getString("business_key"), version, rs.getString("file_name"),
				rs.getString("media_type"), rs.getInt("size_bytes"), rs.getInt("original_bytes"),
				rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at"), rs.getString("kind"));
	}

}
