package th.raingan.review;

import static th.raingan.report.DistrictReportProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import th.raingan.report.MarkdownText;

/**
 * When a resubmission reaches {@code Task_ProvinceReview}: puts at the top of the review form what differs from the
 * previous submitted version ({@code changesText}); a first submission has none.
 */
@Component("reviewChangesListener")
class ReviewChangesListener implements TaskListener {

	private final ReportChanges changes;

	ReviewChangesListener(ReportChanges changes) {
		this.changes = changes;
	}

	@Override
	public void notify(DelegateTask task) {
		Object id = task.getVariable(REPORT_VERSION_ID);
		ReportChanges.Version to = id instanceof Number n ? changes.version(n.longValue()).orElse(null) : null;
		ReportChanges.Version from = to == null ? null : changes.previous(to).orElse(null);
		if (from == null) {
			task.getExecution().removeVariable(CHANGES_TEXT);
			return;
		}
		task.getExecution().setVariable(CHANGES_TEXT, markdown(changes.between(from, to)));
	}

	static String markdown(ReportChanges.Changes c) {
		List<String> lines = ReportChanges.lines(c);
		String head = "เทียบกับฉบับที่ส่งครั้งที่ " + c.from().revision() + "  \n";
		if (lines.isEmpty()) {
			return head + "ไม่มีข้อมูลที่เปลี่ยนแปลง";
		}
		return head + String.join("\n", lines.stream().map(l -> "- " + MarkdownText.escape(l)).toList());
	}

}
