package th.raingan.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of the Sa Kaeo manual's budget table (docs/requirements/overview.md): a
 * source's allocation, plan, result (disbursed) and percent.
 */
public record BudgetLine(String source, String nameTh, BigDecimal allocation, BigDecimal plan, BigDecimal result) {

	/**
	 * Result as a percent of the allocation, two decimals (0 when nothing was allocated).
	 */
	@JsonProperty("percent")
	public BigDecimal percent() {
		if (allocation.signum() == 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		return result.multiply(BigDecimal.valueOf(100)).divide(allocation, 2, RoundingMode.HALF_UP);
	}

	BudgetLine plus(BudgetLine other, String source, String name) {
		return new BudgetLine(source, name, allocation.add(other.allocation), plan.add(other.plan),
				result.add(other.result));
	}

}
