package th.raingan.kpi;

import static th.raingan.kpi.KpiRoundCloseProcess.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.raingan.mail.Mailer;
import th.raingan.deadline.Recipients;
import th.raingan.org.CurrentUser;
import th.raingan.org.Groups;
import th.raingan.org.OrgUnit;
import th.raingan.org.OrgUnits;
import th.raingan.org.Routing;
import th.raingan.report.JsonRows;
import th.raingan.report.ReasonedDecision;
import th.raingan.report.ReportRefused;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;
import th.raingan.thai.SafeText;

/**
 * The service tasks of {@code kpi-round-close}: thin calls to {@link KpiRoundService}.
 */
@Configuration
class KpiRoundDelegates {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * {@code Task_FreezeRound}: the round's reports are frozen, the computed indicators
	 * taken.
	 */
	@Bean
	JavaDelegate freezeRoundDelegate(KpiRoundService rounds, OrgUnits orgUnits) {
		return execution -> {
			List<String> offices = rounds.freeze((String) execution.getVariable(INITIATOR),
					(String) execution.getVariable(ROUND_PROVINCE), execution.getVariable(FISCAL_YEAR),
					execution.getVariable(ROUND_NO), (String) execution.getVariable(TEMPLATE_ID));
			String province = orgUnits.find(offices.get(0)).map(OrgUnit::provinceCode).orElseThrow();
			String roundKey = execution.getVariable(FISCAL_YEAR).toString().strip() + "-"
					+ execution.getVariable(ROUND_NO).toString().strip() + "/" + province;
			execution.setProcessBusinessKey("kpi/" + roundKey);
			execution.setVariable(ROUND_KEY, roundKey);
			execution.setVariable(OFFICES, offices);
			// no candidate groups in variables: the BPMN derives them from the business
			// key and the round's row (kpiFacts, routing)
		};
	}

	/**
	 * Start of each district's part: what it must enter, and what the system computed for
	 * it.
	 */
	@Bean
	JavaDelegate prepareEntriesDelegate(KpiRoundService rounds, OrgUnits orgUnits, KpiPeople people,
			KpiAgreements agreements, KpiCatalog catalog, KpiFacts facts) {
		return execution -> {
			String office = facts.office(execution);
			OrgUnit unit = orgUnits.find(office).orElseThrow();
			String roundKey = facts.roundKey(execution);
			String templateId = facts.templateId(execution);
			execution.setVariable(OFFICE_NAME, unit.nameTh());
			execution.setVariable(ENTRIES,
					SpinValues.jsonValue(JSON.writeValueAsString(rounds.entries(roundKey, templateId, office)))
						.create());
			execution.setVariable(COMPUTED_TEXT, rounds.computedText(roundKey, office));
			// the head is not kept in a variable: the head's tasks ask kpiFacts.head
			String head = unit.isDistrict() ? people.head(office).orElse(null) : null;
			boolean hasPeople = head != null && !people.officers(office).isEmpty()
					&& !catalog.template(templateId).orElseThrow().individual().isEmpty();
			execution.setVariable(HAS_PEOPLE, hasPeople);
			if (hasPeople) {
				execution.setVariable(ASSIGNMENTS,
						SpinValues
							.jsonValue(JSON.writeValueAsString(agreements.assignmentRows(roundKey, templateId, office)))
							.create());
				execution.setVariable(OFFICERS_TEXT, agreements.officersText(office));
			}
		};
	}

	/**
	 * {@code Task_RecordAgreements}: the head's assignment kept; one person part per
	 * officer who answers for one.
	 */
	@Bean
	JavaDelegate recordAgreementsDelegate(KpiAgreements agreements, IdentityService identity, KpiFacts facts,
			Routing routing) {
		return execution -> {
			String office = facts.office(execution);
			refuseUnlessIn(routing, routing.officeGroup(office), "ผู้มอบหมายตัวชี้วัด",
					"บันทึกการมอบหมายตัวชี้วัดไม่ได้:");
			String roundKey = facts.roundKey(execution);
			String templateId = facts.templateId(execution);
			// which indicator a row is comes from the server's list, by position; only
			// the
			// person and target are the head's
			List<Map<String, Object>> rows = KpiEntries.byPosition(
					agreements.assignmentRows(roundKey, templateId, office),
					JsonRows.of(execution.getVariable(ASSIGNMENTS), "การมอบหมายตัวชี้วัด",
							"ตัวชี้วัด (ผู้รับผิดชอบ ค่าเป้าหมาย)"),
					List.of("personId", "target"), "การมอบหมายตัวชี้วัด");
			execution.setVariable(AGREED_OFFICERS,
					agreements.assign(roundKey, templateId, office, CurrentUser.id(identity), rows));
		};
	}

	/** Start of an officer's part: the agreement as text for both confirmations. */
	@Bean
	JavaDelegate preparePersonDelegate(KpiAgreements agreements, th.raingan.org.People people, KpiFacts facts) {
		return execution -> {
			String officer = facts.officer(execution);
			execution.setVariable(PERSON_NAME, SafeText.markdown(people.displayName(officer)));
			execution.setVariable(AGREEMENT_TEXT, agreements.agreementText(facts.roundKey(execution),
					facts.templateId(execution), facts.office(execution), officer));
		};
	}

	@Bean
	JavaDelegate recordOfficerConfirmationDelegate(KpiAgreements agreements, IdentityService identity, KpiFacts facts) {
		return execution -> agreements.confirm(facts.roundKey(execution), facts.office(execution),
				facts.officer(execution), KpiAgreements.OFFICER, CurrentUser.id(identity),
				execution.getVariable(OFFICER_CONFIRM));
	}

	@Bean
	JavaDelegate recordHeadConfirmationDelegate(KpiAgreements agreements, IdentityService identity, KpiFacts facts) {
		return execution -> agreements.confirm(facts.roundKey(execution), facts.office(execution),
				facts.officer(execution), KpiAgreements.HEAD, CurrentUser.id(identity),
				execution.getVariable(HEAD_CONFIRM));
	}

	@Bean
	JavaDelegate preparePersonEntriesDelegate(KpiAgreements agreements, KpiFacts facts) {
		return execution -> execution.setVariable(PERSON_ENTRIES,
				SpinValues
					.jsonValue(JSON.writeValueAsString(agreements.entryRows(facts.roundKey(execution),
							facts.templateId(execution), facts.office(execution), facts.officer(execution))))
					.create());
	}

	/**
	 * {@code Task_CheckIndividualEntries}: only the officer's own, assigned indicators,
	 * each step with evidence.
	 */
	@Bean
	JavaDelegate checkIndividualEntriesDelegate(KpiAgreements agreements, IdentityService identity, KpiFacts facts) {
		return execution -> {
			String roundKey = facts.roundKey(execution);
			String templateId = facts.templateId(execution);
			String office = facts.office(execution);
			String officer = facts.officer(execution);
			agreements.saveEntries(roundKey, templateId, office, officer, CurrentUser.id(identity),
					KpiEntries.byPosition(agreements.entryRows(roundKey, templateId, office, officer),
							JsonRows.of(execution.getVariable(PERSON_ENTRIES), "ผลตัวชี้วัดรายบุคคล",
									"ตัวชี้วัด (ผล วันที่ หลักฐาน)"),
							KpiEntries.TYPED, "ผลตัวชี้วัดรายบุคคล"));
		};
	}

	/**
	 * {@code Task_RecordHeadVerification}: the head verifies the officer's entries or
	 * returns them with a reason.
	 */
	@Bean
	JavaDelegate recordHeadVerificationDelegate(KpiAgreements agreements, IdentityService identity, KpiFacts facts) {
		return execution -> {
			Object decision = execution.getVariable(PERSON_DECISION);
			Object reason = execution.getVariable(PERSON_REASON);
			// only the head of the part's own office decides (KpiAgreements.decide)
			boolean verified = agreements.decide(facts.roundKey(execution), facts.office(execution),
					facts.officer(execution), CurrentUser.id(identity), decision, reason);
			if (!verified) {
				Object history = execution.getVariable(PERSON_RETURN_HISTORY);
				execution.setVariable(PERSON_RETURN_HISTORY, ReasonedDecision.inFront(history,
						ReasonedDecision.entry(Clock.today(), CurrentUser.id(identity), reason.toString().strip())));
			}
			execution.setVariable(PERSON_VERIFIED, verified);
			execution.setVariable(PERSON_DECISION, null);
			execution.setVariable(PERSON_REASON, null);
		};
	}

	/**
	 * {@code Task_CheckEntries}: refuses what cannot be scored; keeps the rest with its
	 * evidence.
	 */
	@Bean
	JavaDelegate checkEntriesDelegate(KpiRoundService rounds, KpiFacts facts, Routing routing) {
		return execution -> {
			String office = facts.office(execution);
			// only the office's own staff enter its results
			refuseUnlessIn(routing, routing.officeGroup(office), "ผู้กรอกผลตัวชี้วัด", "บันทึกผลตัวชี้วัดไม่ได้:");
			String roundKey = facts.roundKey(execution);
			String templateId = facts.templateId(execution);
			// which indicator and input a row is, by position in the server's own list;
			// a row's read-only name, field and how-scored texts are never read
			rounds.saveEntries(roundKey, office, templateId,
					KpiEntries.byPosition(
							rounds.entries(roundKey, templateId, office), JsonRows.of(execution.getVariable(ENTRIES),
									"ผลตัวชี้วัด", "ตัวชี้วัด (ผลการดำเนินงาน หลักฐาน)"),
							KpiEntries.TYPED, "ผลตัวชี้วัด"));
		};
	}

	private static final ReasonedDecision VERIFY_RETURN = new ReasonedDecision("บันทึกผลการตรวจไม่ได้:",
			"เหตุผลที่ส่งกลับ", "ต้องระบุให้อำเภอทราบว่าต้องแก้ไขอะไร");

	private static final ReasonedDecision REOPEN = new ReasonedDecision("เปิดรอบใหม่ไม่ได้:", "เหตุผล",
			"ต้องระบุเหตุผลที่เปิดรอบใหม่");

	/**
	 * {@code Task_RecordVerification}: verified, or returned to the district with a
	 * reason.
	 */
	@Bean
	JavaDelegate recordVerificationDelegate(IdentityService identity, KpiFacts facts, Routing routing) {
		return execution -> {
			// only the reviewers of the round's own province verify
			refuseUnlessIn(routing, routing.reviewGroup(facts.province(execution)), "ผู้ตรวจผลตัวชี้วัด",
					"บันทึกผลการตรวจไม่ได้:");
			Object decision = execution.getVariable(VERIFY_DECISION);
			if ("return".equals(decision)) {
				String reason = VERIFY_RETURN.reason(execution.getVariable(VERIFY_REASON));
				execution.setVariable(RETURN_HISTORY, ReasonedDecision.inFront(execution.getVariable(RETURN_HISTORY),
						ReasonedDecision.entry(Clock.today(), CurrentUser.id(identity), reason)));
				execution.setVariable(VERIFIED, false);
			}
			else if ("verify".equals(decision)) {
				execution.setVariable(VERIFIED, true);
			}
			else {
				throw VERIFY_RETURN.noDecision("ผลการตรวจ", "\"ถูกต้อง\" หรือ \"ส่งกลับแก้ไข\"");
			}
			execution.setVariable(VERIFY_DECISION, null);
			execution.setVariable(VERIFY_REASON, null);
		};
	}

	/**
	 * {@code Task_ComputeScores}: the scores are computed from the tables when the
	 * manager's task is created ({@link #kpiScorecardListener}); no shared variable holds
	 * every office's scores.
	 */
	@Bean
	JavaDelegate computeScoresDelegate() {
		// an instance started before this change kept the scorecard in the process's
		// scope: it goes
		return execution -> execution.removeVariable(SCORECARD_TEXT);
	}

	/**
	 * {@code Task_ManagerSignOff} on create: the scorecard of every office as a variable
	 * of the manager's task only (task-local), which only those who may see the task (the
	 * province's managers) read; a district's task reads the process's variables, and
	 * this is none of them.
	 */
	@Bean
	TaskListener kpiScorecardListener(KpiRoundService rounds, KpiFacts facts) {
		return task -> task.setVariableLocal(SCORECARD_TEXT,
				rounds.scorecardText(facts.roundKey(task.getExecution()), facts.templateId(task.getExecution())));
	}

	/**
	 * {@code Task_TakeSnapshot}: the manager's sign-off keeps every input and score,
	 * never changed afterwards.
	 */
	@Bean
	JavaDelegate takeSnapshotDelegate(KpiRoundService rounds, IdentityService identity, KpiFacts facts,
			Routing routing) {
		return execution -> {
			// only the manager of the round's own province signs
			refuseUnlessIn(routing, routing.managerGroup(facts.province(execution)), "ผู้ลงนาม", "ลงนามไม่ได้:");
			if (!Boolean.TRUE.equals(execution.getVariable(SIGN_OFF_CONFIRM))) {
				throw new ReportRefused("ลงนามไม่ได้:", List.of("ยืนยันการลงนาม: กรุณาทำเครื่องหมายยืนยันผลคะแนน"));
			}
			rounds.signOff(facts.roundKey(execution), facts.templateId(execution), CurrentUser.id(identity));
		};
	}

	/**
	 * {@code Task_RecordReopen}: the manager's reason is kept; the round collects again.
	 */
	@Bean
	JavaDelegate recordReopenDelegate(KpiRoundService rounds, KpiFacts facts) {
		return execution -> {
			// who may reopen is decided by POST /api/kpi/rounds/reopen (the province's
			// manager), which correlates the message as the engine
			rounds.reopen(facts.roundKey(execution));
			String reason = REOPEN.reason(execution.getVariable(REOPEN_REASON));
			execution.setVariable(REOPEN_HISTORY, ReasonedDecision.inFront(execution.getVariable(REOPEN_HISTORY),
					BuddhistDates.format(Clock.today()) + ": " + SafeText.markdown(reason)));
		};
	}

	/**
	 * The reporting round, at its end, starts the KPI round close with the template of
	 * the round's fiscal year and round that the province may use (its own letter first,
	 * then the department's). Without one nothing is started: the manager starts the
	 * close from Tasklist once the letter is loaded.
	 */
	@Bean
	JavaDelegate startKpiRoundCloseDelegate(org.camunda.bpm.engine.RuntimeService runtime, KpiCatalog catalog) {
		return execution -> {
			Object year = execution.getVariable(th.raingan.round.ReportingRoundProcess.FISCAL_YEAR);
			Object round = execution.getVariable(th.raingan.round.ReportingRoundProcess.ROUND_NO);
			String province = String
				.valueOf(execution.getVariable(th.raingan.round.ReportingRoundProcess.PROVINCE_CODE));
			List<KpiTemplate> usable = catalog.usable(province, Integer.parseInt(String.valueOf(year).strip()),
					Integer.parseInt(String.valueOf(round).strip()));
			if (usable.isEmpty()) {
				org.slf4j.LoggerFactory.getLogger(KpiRoundDelegates.class)
					.warn("ไม่ได้เริ่มปิดรอบตัวชี้วัด {}-{}/{}: ไม่มีแม่แบบตัวชี้วัดของปีและรอบนี้ที่จังหวัดใช้ได้",
							year, round, province);
				return;
			}
			Map<String, Object> start = new java.util.HashMap<>();
			start.put(FISCAL_YEAR, String.valueOf(year));
			start.put(ROUND_NO, String.valueOf(round));
			start.put(TEMPLATE_ID, usable.get(0).id());
			start.put(ROUND_PROVINCE, province);
			runtime.startProcessInstanceByKey(KEY, start);
		};
	}

	/**
	 * {@code Task_NotifyDistricts} (one asynchronous, retried job per office): the office
	 * learns its score by mail.
	 */
	@Bean
	JavaDelegate notifyDistrictsDelegate(KpiRoundService rounds, Mailer mailer, Recipients recipients,
			OrgUnits orgUnits, KpiFacts facts) {
		return execution -> {
			String roundKey = facts.roundKey(execution);
			String office = (String) execution.getVariable(OFFICE_CODE);
			for (KpiRoundService.DistrictScore score : rounds.scores(roundKey, facts.templateId(execution))) {
				if (!score.officeCode().equals(office)) {
					continue;
				}
				OrgUnit unit = orgUnits.find(score.officeCode()).orElseThrow();
				List<String> to = recipients
					.of(unit.isDistrict() ? Groups.district(unit.code()) : Groups.provinceReview(unit.code()));
				if (!to.isEmpty()) {
					mailer.send(to, List.of(), "ผลคะแนนตัวชี้วัด รอบ " + roundKey + " - " + unit.nameTh(),
							"เรียน " + unit.nameTh() + "\n\nพัฒนาการจังหวัดลงนามผลคะแนนตัวชี้วัดรอบ " + roundKey
									+ " แล้ว\nคะแนนของหน่วยงาน " + score.score().toPlainString() + " จาก 5 (ร้อยละ "
									+ score.percent().toPlainString() + ")\nระดับรายตัวชี้วัด: " + score.levels()
									+ "\n");
				}
			}
		};
	}

	/**
	 * Defence in depth: whatever group the task went to, the signed-in user must belong
	 * to the group of the round's own province or the part's own office (org.Routing),
	 * else a Thai refusal and nothing written.
	 */
	private static void refuseUnlessIn(Routing routing, String group, String what, String heading) {
		routing.refusal(group, what).ifPresent(problem -> {
			throw new ReportRefused(heading, List.of(problem));
		});
	}

}
