package th.raingan.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The KPI templates the application knows ({@code kpi/kpi-templates.yaml}), with what does not hold in them. */
@Component
public class KpiCatalog {

	private static final Logger log = LoggerFactory.getLogger(KpiCatalog.class);

	private final KpiTemplates.Loaded loaded;

	KpiCatalog() throws IOException {
		try (InputStream yaml = new ClassPathResource("kpi/kpi-templates.yaml").getInputStream()) {
			loaded = KpiTemplates.load(yaml);
		}
		loaded.problems().forEach(problem -> log.warn("KPI template: {}", problem));
	}

	public Optional<KpiTemplate> template(String id) {
		return loaded.templates().stream().filter(t -> t.id().equals(id)).findFirst();
	}

	/** The problems reported for one template: a template with any cannot score a round. */
	public List<String> problems(String id) {
		return loaded.problems().stream().filter(p -> p.startsWith("แม่แบบ " + id + " ")).toList();
	}

}
