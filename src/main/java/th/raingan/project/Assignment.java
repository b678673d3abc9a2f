package th.raingan.project;

import java.math.BigDecimal;

/** A project assigned to one office (a district, or the province office itself), with its target and money. */
public record Assignment(long id, Project project, String officeCode, BigDecimal target, BigDecimal allocationBaht) {

}
