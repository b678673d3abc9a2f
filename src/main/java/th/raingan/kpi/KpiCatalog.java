package th.raingan.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The KPI templates the application knows: every {@code kpi/*.yaml} on the class path
 * (the letters in force are in {@code kpi/kpi-templates.yaml}; a province adds its own
 * letter as a file beside it), with what does not hold in them. A template with a problem
 * cannot score a round.
 */
@Component
public class KpiCatalog {

	private static final Logger log = LoggerFactory.getLogger(KpiCatalog.class);

	private final List<KpiTemplate> templates = new ArrayList<>();

	private final List<String> problems = new ArrayList<>();

	KpiCatalog() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:kpi/*.yaml");
		Arrays.sort(files, Comparator.comparing(Resource::getFilename));
		for (Resource file : files) {
			try (InputStream yaml = file.getInputStream()) {
				KpiTemplates.Loaded loaded = KpiTemplates.load(yaml);
				templates.addAll(loaded.templates());
				problems.addAll(loaded.problems());
			}
		}
		problems.forEach(problem -> log.warn("KPI template: {}", problem));
	}

	public List<KpiTemplate> templates() {
		return List.copyOf(templates);
	}

	public Optional<KpiTemplate> template(String id) {
		return templates.stream().filter(t -> t.id().equals(id)).findFirst();
	}

	/**
	 * The problems reported for one template: a template with any cannot score a round.
	 */
	public List<String> problems(String id) {
		return problems.stream()
			.filter(p -> p.startsWith("แม่แบบ " + id + " ") || p.startsWith("แม่แบบ " + id + ":"))
			.toList();
	}

	/**
	 * The templates a province may close a round with: of the round's fiscal year and
	 * round, the province's own first, then the department's; none with a problem.
	 */
	public List<KpiTemplate> usable(String provinceCode, int fiscalYear, int round) {
		return templates.stream()
			.filter(t -> t.refusal(fiscalYear, round, provinceCode) == null && problems(t.id()).isEmpty())
			.sorted(Comparator.comparing(t -> t.provinces().isEmpty()))
			.toList();
	}

}
