package th.raingan.kpi;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import th.raingan.report.ReportRefused;

/**
 * What the server decides a {@code kpi-round-close} by, held where no completion reaches
 * it: the round from the process's business key ({@code kpi/2570-1/42}, set by the
 * freeze), its province and template from the round's row ({@code raingan.kpi_round}),
 * the district head from the district's people ({@link KpiPeople}), an officer's part
 * from the agreements ({@code raingan.kpi_person_part}). The district part's office is
 * the multi-instance element the engine hands each part; it is accepted only as one of
 * the round's own offices, and every write for it is by a member of that office's group
 * (org.Routing). The BPMN's candidate groups and assignees call this bean.
 */
@Component("kpiFacts")
public class KpiFacts {

	static final String KEY_PREFIX = "kpi/";

	private final KpiRoundService rounds;

	private final KpiPeople people;

	private final KpiAgreements agreements;

	KpiFacts(KpiRoundService rounds, KpiPeople people, KpiAgreements agreements) {
		this.rounds = rounds;
		this.people = people;
		this.agreements = agreements;
	}

	/** The round, from the business key: {@code 2570-1/42}. */
	public String roundKey(DelegateExecution execution) {
		String key = execution.getProcessBusinessKey();
		if (key == null || !key.startsWith(KEY_PREFIX)) {
			throw new IllegalStateException("not a KPI round's business key: " + key);
		}
		return key.substring(KEY_PREFIX.length());
	}

	/** The round's province, from its row. */
	public String province(DelegateExecution execution) {
		String roundKey = roundKey(execution);
		String province = rounds.provinceOf(roundKey);
		if (province == null) {
			throw new IllegalStateException("no KPI round " + roundKey);
		}
		return province;
	}

	/** The round's template, from its row (never a variable). */
	public String templateId(DelegateExecution execution) {
		String roundKey = roundKey(execution);
		String template = rounds.templateOf(roundKey);
		if (template == null) {
			throw new IllegalStateException("no KPI round " + roundKey);
		}
		return template;
	}

	/** The round's offices, one district part each (the multi-instance collections). */
	public List<String> offices(DelegateExecution execution) {
		return rounds.offices(roundKey(execution));
	}

	/** The district part's office: one of the round's own offices, or refused. */
	public String office(DelegateExecution execution) {
		Object office = execution.getVariable(KpiRoundCloseProcess.OFFICE_CODE);
		List<String> offices = rounds.offices(roundKey(execution));
		if (office == null || !offices.contains(office.toString())) {
			throw new ReportRefused("ทำงานนี้ต่อไม่ได้:", List.of("หน่วยงาน (officeCode): \"" + office
					+ "\" ไม่ใช่หน่วยงานของรอบ " + roundKey(execution) + " ระบบไม่รับค่าที่เปลี่ยนจากภายนอก"));
		}
		return office.toString();
	}

	/** The district head, from the district's people, or null without one. */
	public String head(DelegateExecution execution) {
		return people.head(office(execution)).orElse(null);
	}

	/**
	 * The officer of a person part: one with an agreement of this office in this round
	 * ({@code raingan.kpi_person_part}), or refused.
	 */
	public String officer(DelegateExecution execution) {
		Object officer = execution.getVariable(KpiRoundCloseProcess.OFFICER_ID);
		String office = office(execution);
		if (officer == null || !office.equals(agreements.officeOf(roundKey(execution), officer.toString()))) {
			throw new ReportRefused("ทำงานนี้ต่อไม่ได้:", List.of("พัฒนากร (officerId): \"" + officer
					+ "\" ไม่มีบันทึกข้อตกลงของหน่วยงานนี้ในรอบนี้ ระบบไม่รับค่าที่เปลี่ยนจากภายนอก"));
		}
		return officer.toString();
	}

}
