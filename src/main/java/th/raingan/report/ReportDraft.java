package th.raingan.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A district report that passed validation: every number a number, every date a date. */
public record ReportDraft(String officerName, String officerPhone, LocalDate startDate, LocalDate endDate,
		String output, String successPoints, BigDecimal targetValue, BigDecimal resultValue, BigDecimal progressPercent,
		BigDecimal spentBaht, List<Area> areas, Evaluation evaluation) {

	/** Part 2: where, who, how many, what came of it, what it cost there. */
	public record Area(String place, String targetGroup, int people, String outcome, BigDecimal expenseBaht) {

	}

	/**
	 * The evaluation summary (EA forms of the Chiang Rai evaluation letter,
	 * docs/requirements/overview.md), when the project requires one; otherwise null.
	 */
	public record Evaluation(int respondents, BigDecimal knowledgePercent, BigDecimal usePercent,
			BigDecimal satisfactionPercent) {

	}

}
