package th.raingan.project;

import java.math.BigDecimal;

/**
 * A budgeted project or activity of a province for one fiscal year (the Sa Kaeo manual's
 * project list, docs/data.md).
 */
public record Project(Long id, int fiscalYearBe, String provinceCode, String budgetCode, String nameTh,
		String budgetSource, String unitTh, BigDecimal provinceTarget, boolean evaluationRequired,
		DeadlineRule deadlineRule) {

}
