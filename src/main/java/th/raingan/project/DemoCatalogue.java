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
 * On the demo database: Sa Kaeo's real 2567 project list (seed 001), and fiscal 2569 projects assigned to every
 * Loei and Sa Kaeo district, so that a newcomer who opens a round has work in Tasklist.
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
		ImportReport projects = importer.importProjects(read("demo/projects-2569.csv"));
		ImportReport assignments = importer.importAssignments(read("demo/assignments-2569.csv"));
		log.info("Demo catalogue: {} projects 2567, {} projects 2569, {} assignments 2569 ({} rows rejected)",
				sakaeo.imported(), projects.imported(), assignments.imported(),
				sakaeo.rejected().size() + projects.rejected().size() + assignments.rejected().size());
	}

	private static InputStream read(String path) throws IOException {
		return new ClassPathResource(path).getInputStream();
	}

}
