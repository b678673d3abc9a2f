package th.raingan.review;

import java.math.BigDecimal;

import th.raingan.project.Assignment;
import th.raingan.project.Project;
import th.raingan.project.ProjectCatalog;

/**
 * A project of its own for the desk's tests (fiscal 2581, which no other test uses),
 * assigned to Loei's 14 districts: what these tests approve never counts in another
 * test's budget figures.
 */
public final class DeskProject {

	public static final int YEAR = 2581;

	public static final String BUDGET_CODE = "801-112-P0167-2081-02";

	private DeskProject() {
	}

	public static synchronized Assignment assignment(ProjectCatalog catalog, String office) {
		if (catalog.findProject(YEAR, "42", BUDGET_CODE).isEmpty()) {
			long id = catalog.save(new Project(null, YEAR, "42", BUDGET_CODE,
					"2. ประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาตำบล (ทดสอบโต๊ะพิจารณา)", "B1", "คน", null, false,
					th.raingan.project.DeadlineRule.parse("")));
			for (int i = 1; i <= 14; i++) {
				catalog.assign(id, String.format("42%02d", i), new BigDecimal("14"), new BigDecimal("3000"), null);
			}
		}
		return catalog.assignment(YEAR, BUDGET_CODE, office).orElseThrow();
	}

}
