package th.raingan.project;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import th.raingan.org.DemoMode;

/**
 * On the demo database: Sa Kaeo's real 2567 project list (the Sa Kaeo manual;
 * docs/data.md), and the same four seed projects for fiscal 2569 (the Loei letter's year;
 * the tests use it) and 2570 (the current year) assigned to every Loei and Sa Kaeo
 * district, so that a newcomer who opens a round has work in Tasklist.
 */
@Component
@Order(1)
class DemoCatalogue implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

	private final ProjectImport importer;

	private final DemoMode demo;

	DemoCatalogue(ProjectImport importer, DemoMode demo) {
		this.importer = importer;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!demo.enabled()) {
			return;
		}
		ImportReport sakaeo = importer.importProjects(read("demo/projects-2567-sakaeo.csv"));
		int projects = 0;
		int assignments = 0;
		int rejected = sakaeo.rejected().size();
		for (String year : new String[] { "2569", "2570" }) {
			ImportReport p = importer.importProjects(read("demo/projects-" + year + ".csv"));
			ImportReport a = importer.importAssignments(read("demo/assignments-" + year + ".csv"));
			projects += p.imported();
			assignments += a.imported();
			rejected += p.rejected().size() + a.rejected().size();
		}
		log.info("Demo catalogue: {} projects 2567, {} projects and {} assignments 2569-2570 ({} rows rejected)",
				sakaeo.imported(), projects, assignments, rejected);
	}

	private static InputStream read(String path) throws IOException {
		return new ClassPathResource(path).getInputStream();
	}

}
