package th.raingan.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.raingan.engine.AsEngine;
import th.raingan.project.ProjectCatalog;
import th.raingan.project.ReportSchedule;
import th.raingan.round.RunningRounds;

/**
 * The province maintains its assignments for a fiscal year: add, change, withdraw, import
 * a CSV file. Every input is checked before anything is written; a refusal leaves
 * everything as it was (one transaction, which the engine's own updates of the open
 * reports share). Every change is logged with who, when and old -> new.
 */
@Service
class AssignmentService {

	static final String SCREEN = "screen";

	static final String CSV = "csv";

	static final int MIN_REASON = 5;

	/**
	 * What a save did, and what the province should know of what it saved
	 * ({@link ReportSchedule#warnings}: a report due after the end of its round, or
	 * before its activity ends), each at its row and field; warnings refuse nothing.
	 */
	record Saved(int created, int changed, int unchanged, int reportsUpdated, int reportsStarted,
			List<FieldError> warnings) {

		String message() {
			return "บันทึกแล้ว: เพิ่ม " + created + " รายการ แก้ไข " + changed + " รายการ ไม่เปลี่ยนแปลง " + unchanged
					+ " รายการ" + (reportsUpdated > 0 ? " ปรับรายงานที่ยังไม่ได้ส่ง " + reportsUpdated + " ฉบับ" : "")
					+ (reportsStarted > 0 ? " เริ่มรายงานในรอบที่เปิดอยู่ " + reportsStarted + " ฉบับ" : "")
					+ (warnings.isEmpty() ? ""
							: " มีคำเตือน " + warnings.size() + " รายการ (บันทึกแล้ว โปรดตรวจสอบกำหนดส่ง)");
		}

	}

	private final AssignmentChecks checks;

	private final AssignmentRecords records;

	private final OpenReports reports;

	private final IdentityService identity;

	private final ProjectCatalog catalog;

	private final RunningRounds rounds;

	AssignmentService(AssignmentChecks checks, AssignmentRecords records, OpenReports reports, IdentityService identity,
			ProjectCatalog catalog, RunningRounds rounds) {
		this.catalog = catalog;
		this.rounds = rounds;
		this.checks = checks;
		this.records = records;
		this.reports = reports;
		this.identity = identity;
	}

	List<AssignmentRow> list(int fiscalYearBe, String provinceCode) {
		return records.of(fiscalYearBe, provinceCode);
	}

	List<AssignmentRecords.Change> changes(int fiscalYearBe, String provinceCode) {
		return records.changes(fiscalYearBe, provinceCode, 500);
	}

	/**
	 * Saves the inputs (new assignments, or changes to the ones with the same project and
	 * office), all or none. {@code newOnly}: the screen's "add" refuses an assignment
	 * that already exists instead of changing it.
	 */
	@Transactional
	Saved save(String userId, int fiscalYearBe, String provinceCode, List<AssignmentInput> inputs, String source,
			boolean newOnly) {
		List<AssignmentChecks.Checked> checked = checks.check(fiscalYearBe, provinceCode, inputs);
		int created = 0;
		int changed = 0;
		int unchanged = 0;
		int reportsUpdated = 0;
		List<FieldError> existing = new ArrayList<>();
		List<FieldError> warnings = new ArrayList<>();
		int reportsStarted = 0;
		for (AssignmentChecks.Checked c : checked) {
			AssignmentRow before = records.find(c.project().id(), c.office().code()).orElse(null);
			if (newOnly && before != null && !before.withdrawn()) {
				existing.add(FieldError.of(c.input().row(), AssignmentField.OFFICE,
						"มอบหมายโครงการนี้ให้ " + c.office().nameTh() + " แล้ว ให้แก้ไขรายการเดิมแทน"));
				continue;
			}
			if (before == null) {
				long id = records.insert(c.project().id(), c.office().code(), c.values());
				AssignmentRow after = records.find(id).orElseThrow();
				warnings(after).forEach(w -> warnings.add(FieldError.of(c.input().row(), AssignmentField.RULE, w)));
				reportsStarted += joinRunningRounds(id);
				c.values().shown(fiscalYearBe).forEach((field, value) -> {
					if (!value.isEmpty()) {
						records.logChange(after, userId, "created", field, null, value, source);
					}
				});
				created++;
				continue;
			}
			Map<AssignmentField, String[]> changes = before.values().changesTo(c.values(), fiscalYearBe);
			if (changes.isEmpty() && !before.withdrawn()) {
				warnings(before).forEach(w -> warnings.add(FieldError.of(c.input().row(), AssignmentField.RULE, w)));
				unchanged++;
				continue;
			}
			records.update(before.id(), c.values());
			if (before.withdrawn()) {
				records.logChange(before, userId, "restored", null, before.withdrawnReason(), null, source);
			}
			changes.forEach((field, values) -> records.logChange(before, userId, "updated", field, values[0], values[1],
					source));
			AssignmentRow after = records.find(before.id()).orElseThrow();
			warnings(after).forEach(w -> warnings.add(FieldError.of(c.input().row(), AssignmentField.RULE, w)));
			reportsUpdated += asSystem(() -> reports.apply(before, after));
			if (before.withdrawn()) {
				reportsStarted += joinRunningRounds(before.id());
			}
			changed++;
		}
		if (!existing.isEmpty()) {
			throw new AssignmentRefused(existing);
		}
		return new Saved(created, changed, unchanged, reportsUpdated, reportsStarted, warnings);
	}

	/**
	 * A new (or again assigned) assignment whose window belongs to a round already open
	 * starts its report in that round now, not only in rounds opened later.
	 */
	private int joinRunningRounds(long assignmentId) {
		return catalog.assignment(assignmentId).map(a -> asSystem(() -> rounds.join(a).size())).orElse(0);
	}

	/**
	 * What the province should know of a saved assignment, in Thai, as the
	 * administrator's CSV import says it ({@link ReportSchedule#warnings}); none for a
	 * withdrawn one.
	 */
	List<String> warnings(AssignmentRow row) {
		if (row.withdrawn()) {
			return List.of();
		}
		return catalog.assignment(row.id()).map(ReportSchedule::warnings).orElse(List.of());
	}

	/** Changes one assignment from the screen (its project and office stay). */
	@Transactional
	Saved update(String userId, AssignmentRow row, AssignmentInput input) {
		return save(userId, row.fiscalYearBe(), row.provinceCode(),
				List.of(input.withKey(row.budgetCode(), row.officeCode())), SCREEN, false);
	}

	/**
	 * Removes an assignment with a reason: its open draft closes as withdrawn; a report
	 * waiting for the province's review is decided first; an approved report stays
	 * approved.
	 */
	@Transactional
	int withdraw(String userId, AssignmentRow row, String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.length() < MIN_REASON) {
			throw new AssignmentRefused(FieldError.of(null, AssignmentField.REASON,
					"ต้องระบุเหตุผลที่ยกเลิกการมอบหมาย (อย่างน้อย " + MIN_REASON + " ตัวอักษร)"));
		}
		if (why.length() > 1000) {
			throw new AssignmentRefused(FieldError.of(null, AssignmentField.REASON, "ยาวเกิน 1,000 ตัวอักษร"));
		}
		if (row.withdrawn()) {
			throw new AssignmentRefused(FieldError.of(null, AssignmentField.OFFICE, "การมอบหมายนี้ถูกยกเลิกไปแล้ว"));
		}
		if (asSystem(() -> reports.inReview(row.id()) ? 1 : 0) > 0) {
			throw new AssignmentRefused(FieldError.of(null, AssignmentField.OFFICE, "รายงานของ " + row.officeName()
					+ " สำหรับโครงการนี้ส่งแล้วและรอจังหวัดพิจารณา ให้พิจารณา (อนุมัติหรือส่งกลับแก้ไข) ก่อนยกเลิกการมอบหมาย"));
		}
		records.withdraw(row.id(), userId, why);
		records.logChange(row, userId, "withdrawn", null, null, why, SCREEN);
		return asSystem(() -> reports.withdraw(row.id(), why));
	}

	private interface EngineWork {

		int run();

	}

	/**
	 * The caller decided who may; the engine's per-instance checks would ask for rights
	 * reviewers do not hold.
	 */
	private int asSystem(EngineWork work) {
		return AsEngine.call(identity, work::run);
	}

}
