package th.raingan;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Says in the test output which database the tests run on. */
public class TestDatabaseNotice implements TestExecutionListener {

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		String url = System.getenv("RAINGAN_TEST_DB_URL");
		if (url == null || url.isBlank()) {
			System.out.println("[raingan] RAINGAN_TEST_DB_URL is not set: PostgreSQL is not configured, "
					+ "the tests fall back to an in-memory H2 database");
		}
		else {
			System.out.println("[raingan] tests run on " + url);
		}
	}

}
