package th.raingan.org;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The organisation table: loaded from org-units.csv, read by every capability. */
@Repository
public class OrgUnits {

	private static final RowMapper<OrgUnit> ROW = (rs, i) -> new OrgUnit(rs.getString("code"),
			OrgUnit.Level.valueOf(rs.getString("level").toUpperCase(Locale.ROOT)), rs.getString("parent_code"),
			rs.getString("name_th"), rs.getString("name_en"));

	private final JdbcTemplate jdbc;

	OrgUnits(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<OrgUnit> all() {
		return jdbc.query("select * from raingan.org_unit order by code", ROW);
	}

	public List<OrgUnit> districtsOf(String provinceCode) {
		return jdbc.query("select * from raingan.org_unit where level = 'district' and parent_code = ? order by code",
				ROW, provinceCode);
	}

	public Optional<OrgUnit> find(String code) {
		return jdbc.query("select * from raingan.org_unit where code = ?", ROW, code).stream().findFirst();
	}

	/**
	 * Inserts or updates every unit of the CSV (parents first, as the file lists them).
	 */
	@Transactional
	public int load(InputStream csv) throws IOException {
		List<OrgUnit> units = parse(csv);
		for (OrgUnit unit : units) {
			String level = unit.level().name().toLowerCase(Locale.ROOT);
			int updated = jdbc.update(
					"update raingan.org_unit set level = ?, parent_code = ?, name_th = ?, name_en = ? where code = ?",
					level, unit.parentCode(), unit.nameTh(), unit.nameEn(), unit.code());
			if (updated == 0) {
				jdbc.update(
						"insert into raingan.org_unit (code, level, parent_code, name_th, name_en) values (?, ?, ?, ?, ?)",
						unit.code(), level, unit.parentCode(), unit.nameTh(), unit.nameEn());
			}
		}
		return units.size();
	}

	static List<OrgUnit> parse(InputStream csv) throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		List<OrgUnit> units = new ArrayList<>();
		try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
			for (CSVRecord row : format.parse(reader)) {
				String parent = row.get("parent_code").isBlank() ? null : row.get("parent_code").trim();
				units.add(new OrgUnit(row.get("code").trim(),
						OrgUnit.Level.valueOf(row.get("level").trim().toUpperCase(Locale.ROOT)), parent,
						row.get("name_th").trim(), row.get("name_en").trim()));
			}
		}
		return units;
	}

}
