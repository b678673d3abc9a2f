package th.raingan.review;

import static th.raingan.report.DistrictReportProcess.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.report.FieldComments;
import th.raingan.thai.SafeText;
import th.raingan.report.ReportDraft;
import th.raingan.report.ReportValues;
import th.raingan.report.ReportVersions;

/**
 * When a submission reaches {@code Task_ProvinceReview}: what the review form offers to
 * comment on ({@code commentTargets}), the target against the result and the evaluation's
 * numbers with their warnings ({@code checkText}, {@code checkWarning}); on a
 * resubmission also what differs from the previous submitted version
 * ({@code changesText}) and, for each comment of the last return, whether its field
 * changed ({@code commentsText}). A first submission has neither of the last two.
 */
@Component("reviewChangesListener")
class ReviewChangesListener implements TaskListener {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ReportChanges changes;

	private final ReportVersions versions;

	private final FieldComments comments;

	private final JdbcTemplate jdbc;

	ReviewChangesListener(ReportChanges changes, ReportVersions versions, FieldComments comments, JdbcTemplate jdbc) {
		this.changes = changes;
		this.versions = versions;
		this.comments = comments;
		this.jdbc = jdbc;
	}

	@Override
	public void notify(DelegateTask task) {
		Object id = task.getVariable(REPORT_VERSION_ID);
		ReportChanges.Version to = id instanceof Number n ? changes.version(n.longValue()).orElse(null) : null;
		if (to != null) {
			boolean evaluation = Boolean.TRUE.equals(task.getVariable(EVALUATION_REQUIRED));
			List<ReportDraft.Area> areas = versions.areas(to.id());
			task.getExecution()
				.setVariable(COMMENT_TARGETS,
						SpinValues.jsonValue(JSON.valueToTree(FieldComments.targets(evaluation, areas)).toString())
							.create());
			check(task, to.id(), evaluation, areas);
		}
		ReportChanges.Version from = to == null ? null : changes.previous(to).orElse(null);
		if (from == null) {
			task.getExecution().removeVariable(CHANGES_TEXT);
			task.getExecution().removeVariable(COMMENTS_TEXT);
			task.getExecution().removeVariable(CHANGED_SECTIONS);
			return;
		}
		ReportChanges.Changes between = changes.between(from, to);
		task.getExecution().setVariable(CHANGES_TEXT, markdown(between));
		task.getExecution().setVariable(CHANGED_SECTIONS, sections(between));
		List<FieldComments.Comment> said = comments.of(from.id());
		ReportValues.setOrRemove(task.getExecution(), COMMENTS_TEXT,
				said.isEmpty() ? null : commentsMarkdown(between, said));
	}

	static String markdown(ReportChanges.Changes c) {
		List<String> lines = ReportChanges.lines(c);
		String head = "เทียบกับฉบับที่ส่งครั้งที่ " + c.from().revision() + "  \n";
		if (lines.isEmpty()) {
			return head + "ไม่มีข้อมูลที่เปลี่ยนแปลง";
		}
		return head + String.join("\n", lines.stream().map(l -> "- " + SafeText.markdown(l)).toList());
	}

	/**
	 * The sections of the form with a change: "part1", "areas", "evaluation" (files are
	 * not in the form).
	 */
	static String sections(ReportChanges.Changes c) {
		java.util.Set<String> sections = new java.util.LinkedHashSet<>();
		List<String> evaluation = FieldComments.FIELDS.stream()
			.filter(FieldComments.Field::evaluation)
			.map(FieldComments.Field::label)
			.toList();
		c.fields().forEach(f -> sections.add(evaluation.contains(f.label()) ? "evaluation" : "part1"));
		if (!c.areas().isEmpty()) {
			sections.add("areas");
		}
		return String.join(",", sections);
	}

	/** Each comment of the last return: แก้ไขแล้ว (with old -> new) or ยังไม่ได้แก้ไข. */
	static String commentsMarkdown(ReportChanges.Changes c, List<FieldComments.Comment> said) {
		long addressed = said.stream().filter(k -> !ReportChanges.answering(c, k).isEmpty()).count();
		StringBuilder out = new StringBuilder("แก้ไขแล้ว " + addressed + " จาก " + said.size() + " ความเห็น  \n");
		for (FieldComments.Comment k : said) {
			List<String> answer = ReportChanges.answering(c, k);
			out.append("- ")
				.append(answer.isEmpty() ? "**✖ ยังไม่ได้แก้ไข**" : "**✔ แก้ไขแล้ว**")
				.append(" ")
				.append(SafeText.markdown(k.label() + ": \"" + k.text().replace('\n', ' ') + "\""));
			if (!answer.isEmpty()) {
				out.append(" (").append(SafeText.markdown(String.join("; ", answer))).append(")");
			}
			out.append("\n");
		}
		return out.toString().strip();
	}

	/**
	 * Target against result and the evaluation's numbers, and what deserves a look
	 * (amber, never a refusal: the letters set no such rule): a result below the target,
	 * more respondents than people in the area rows, an evaluation score below half.
	 */
	private void check(DelegateTask task, long versionId, boolean evaluation, List<ReportDraft.Area> areas) {
		Map<String, Object> v = jdbc.queryForMap("select * from raingan.report_version where id = ?", versionId);
		BigDecimal target = (BigDecimal) v.get("target_value");
		BigDecimal result = (BigDecimal) v.get("result_value");
		if (target == null && result == null) {
			task.getExecution().removeVariable(CHECK_TEXT);
			task.getExecution().removeVariable(CHECK_WARNING);
			return;
		}
		Object unit = task.getVariable(UNIT);
		String u = unit == null ? "" : " " + unit;
		List<String> text = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		String line = "เป้าหมาย " + ReportChanges.text(target) + u + " · ผลการดำเนินงาน " + ReportChanges.text(result)
				+ u;
		if (target != null && result != null && target.signum() > 0) {
			line += " (ร้อยละ "
					+ ReportChanges.text(
							result.multiply(BigDecimal.valueOf(100)).divide(target, 2, java.math.RoundingMode.HALF_UP))
					+ " ของเป้าหมาย)";
			if (result.compareTo(target) < 0) {
				warnings.add("ผลการดำเนินงาน " + ReportChanges.text(result) + u + " ต่ำกว่าเป้าหมาย "
						+ ReportChanges.text(target) + u);
			}
		}
		text.add(line);
		if (evaluation && v.get("respondents") != null) {
			int respondents = ((Number) v.get("respondents")).intValue();
			int people = areas.stream().mapToInt(ReportDraft.Area::people).sum();
			String eval = "แบบสรุปการประเมินผล: ผู้ตอบ " + respondents + " คน"
					+ (areas.isEmpty() ? "" : " (ผู้เข้าร่วมตามข้อมูลเชิงพื้นที่ " + people + " คน)");
			String[][] scores = { { "knowledge_percent", "ความรู้ความเข้าใจ" }, { "use_percent", "การนำไปใช้ประโยชน์" },
					{ "satisfaction_percent", "ความพึงพอใจ" } };
			for (String[] s : scores) {
				BigDecimal p = (BigDecimal) v.get(s[0]);
				eval += " · " + s[1] + " ร้อยละ " + ReportChanges.text(p);
				if (p != null && p.compareTo(BigDecimal.valueOf(50)) < 0) {
					warnings.add(s[1] + " ร้อยละ " + ReportChanges.text(p) + " ต่ำกว่าครึ่ง");
				}
			}
			text.add(eval);
			if (!areas.isEmpty() && respondents > people) {
				warnings.add("ผู้ตอบแบบประเมิน " + respondents + " คน มากกว่าผู้เข้าร่วมตามข้อมูลเชิงพื้นที่ " + people
						+ " คน");
			}
			if (respondents == 0) {
				warnings.add("ไม่มีผู้ตอบแบบประเมิน");
			}
		}
		task.getExecution()
			.setVariable(CHECK_TEXT, String.join("  \n", text.stream().map(SafeText::markdown).toList()));
		ReportValues.setOrRemove(task.getExecution(), CHECK_WARNING, warnings.isEmpty() ? null
				: String.join("\n", warnings.stream().map(w -> "- " + SafeText.markdown(w)).toList()));
	}

}
