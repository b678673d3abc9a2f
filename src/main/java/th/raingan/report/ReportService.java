package th.raingan.report;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Service;

import th.raingan.thai.Clock;

/**
 * The report lifecycle's rules, without the engine: a submission is stored as a new
 * version, the province approves or returns it, and an approved report is locked for
 * good.
 */
@Service
public class ReportService {

	public static final String STATUS_SUBMITTED = "submitted";

	public static final String STATUS_RETURNED = "returned";

	public static final String STATUS_APPROVED = "approved";

	private final ReportVersions versions;

	private final ReportTracker tracker;

	ReportService(ReportVersions versions, ReportTracker tracker) {
		this.versions = versions;
		this.tracker = tracker;
	}

	/** A submission is on time up to the last minute of its due date, Thai time. */
	public static boolean onTime(Date submittedAt, LocalDate dueDate) {
		return dueDate == null || !submittedAt.after(Clock.endOfDay(dueDate));
	}

	public long submit(ReportVersions.Submission submission) {
		refuseIfApproved(submission.businessKey());
		if (tracker.roundFrozen(submission.roundKey())) {
			throw new ReportRefused("ส่งรายงานไม่ได้:", List.of("รอบ " + submission.roundKey()
					+ " ปิดเพื่อคิดคะแนนตัวชี้วัดแล้ว รายงานของรอบนี้ถูกตรึงไว้ ส่งเพิ่มไม่ได้"));
		}
		return versions.insert(submission);
	}

	public void approve(long versionId, String reviewer, Date at) {
		decide(versionId, STATUS_APPROVED, reviewer, at, null);
	}

	public void returnForRevision(long versionId, String reviewer, Date at, String reason) {
		decide(versionId, STATUS_RETURNED, reviewer, at, reason);
	}

	private void decide(long versionId, String status, String reviewer, Date at, String reason) {
		if (!versions.decide(versionId, status, reviewer, at, reason)) {
			String current = versions.find(versionId).map(ReportVersions.Version::status).orElse("ไม่พบ");
			throw new ReportRefused("บันทึกผลการพิจารณาไม่ได้:",
					List.of("รายงานฉบับนี้" + (STATUS_APPROVED.equals(current) ? "อนุมัติแล้ว ล็อกไว้ แก้ไขไม่ได้"
							: " (สถานะ " + current + ") ไม่ได้รอการพิจารณา")));
		}
	}

	/** An approved report is final: no new version, no new decision. */
	public void refuseIfApproved(String businessKey) {
		boolean approved = versions.ofReport(businessKey).stream().anyMatch(v -> STATUS_APPROVED.equals(v.status()));
		if (approved) {
			throw new ReportRefused("ส่งรายงานไม่ได้:",
					List.of("รายงาน " + businessKey + " ได้รับอนุมัติแล้วและถูกล็อกไว้ แก้ไขไม่ได้"));
		}
	}

}
