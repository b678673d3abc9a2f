package th.raingan.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, as rules that fail the build (see docs/architecture-rules.md):
 * capabilities without cycles, the engine's internals in one small adapting package,
 * business rules free of the engine, each package's public surface no larger than its
 * users need.
 */
class ArchitectureTest {

	static JavaClasses main;

	@BeforeAll
	static void importMainClasses() {
		main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("th.raingan");
	}

	/**
	 * Known uses against the grain, each closing a cycle, listed so that no new one comes
	 * in unnoticed: the report and the round call into the evaluation plan (EA3 check,
	 * EA4 slot, the plan's topics on the report), while the evaluation reads the reports.
	 * To be inverted (the evaluation hooking into the report's validation and inputs);
	 * then this list shrinks. Each entry is "from -> to", capability names.
	 */
	static final Set<String> KNOWN_CYCLE_EDGES = Set.of("report -> evaluation", "round -> evaluation");

	/**
	 * A capability may use another, never in a circle: each can be read, tested and
	 * changed on its own.
	 */
	@Test
	void noCyclesBetweenCapabilities() {
		var rule = slices().matching("th.raingan.(*)..").should().beFreeOfCycles();
		for (String edge : KNOWN_CYCLE_EDGES) {
			String[] ends = edge.split(" -> ");
			rule = rule.ignoreDependency(resideInAPackage("th.raingan." + ends[0] + ".."),
					resideInAPackage("th.raingan." + ends[1] + ".."));
		}
		rule.check(main);
	}

	/**
	 * The same in the source: the compiler copies a constant
	 * ({@code DistrictReportProcess.REPORT_KEY}) into the class that uses it, so the
	 * bytecode ArchUnit reads does not show that use. Every mention of
	 * {@code th.raingan.<capability>.} outside comments counts here.
	 */
	@Test
	void noCyclesInTheSourceEither() throws IOException {
		Pattern mention = Pattern.compile("\\bth\\.raingan\\.([a-z]+)\\.");
		Map<String, Set<String>> uses = new TreeMap<>();
		Path root = Path.of("src/main/java/th/raingan");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Path relative = root.relativize(file);
				if (relative.getNameCount() < 2) {
					continue;
				}
				String capability = relative.getName(0).toString();
				String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
				Matcher m = mention.matcher(code);
				while (m.find()) {
					if (!m.group(1).equals(capability)
							&& !KNOWN_CYCLE_EDGES.contains(capability + " -> " + m.group(1))) {
						uses.computeIfAbsent(capability, c -> new TreeSet<>()).add(m.group(1));
					}
				}
			}
		}
		List<String> cycles = new ArrayList<>();
		for (String from : uses.keySet()) {
			for (String to : uses.get(from)) {
				if (from.compareTo(to) < 0 && reaches(uses, to, from, new TreeSet<>())) {
					cycles.add(from + " <-> " + to);
				}
			}
		}
		assertThat(cycles).as("capabilities using each other, directly or through others").isEmpty();
	}

	private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
		if (from.equals(target)) {
			return true;
		}
		if (!seen.add(from)) {
			return false;
		}
		return uses.getOrDefault(from, Set.of()).stream().anyMatch(next -> reaches(uses, next, target, seen));
	}

	/**
	 * Camunda's internal classes (no compatibility promise) only in th.raingan.engine,
	 * which adapts them.
	 */
	@Test
	void engineInternalsOnlyInTheEnginePackage() {
		ArchRule rule = noClasses().that()
			.resideOutsideOfPackage("th.raingan.engine..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.camunda.bpm.engine.impl..")
			.because("the engine's impl classes may change in any release: th.raingan.engine adapts them in one place");
		rule.check(main);
	}

	/**
	 * The shared refusal is a plain exception: the engine translates it
	 * (th.raingan.engine.RefusalTranslation).
	 */
	@Test
	void theRefusalKnowsNothingOfTheEngine() {
		ArchRule rule = noClasses().that()
			.haveSimpleName("ReportRefused")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.camunda..");
		rule.check(main);
	}

	/**
	 * The pure rules (Thai dates and numbers, scoring, validation) need no engine to be
	 * tested.
	 */
	@Test
	void pureRulesAreFreeOfTheEngine() {
		ArchRule rule = noClasses().that()
			.haveSimpleNameEndingWith("Validator")
			.or()
			.haveSimpleName("Scoring")
			.or()
			.haveSimpleName("BuddhistDates")
			.or()
			.haveSimpleName("ThaiNumbers")
			.or()
			.haveSimpleName("FiscalYear")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.camunda..");
		rule.check(main);
	}

	/**
	 * Public only by need, and only these by a framework's need: classes that Camunda's
	 * expression language calls by bean name from a BPMN (JUEL calls methods of public
	 * classes only). Each entry is the class and the BPMN expression that needs it.
	 */
	static final Map<String, String> PUBLIC_FOR_THE_ENGINE = Map.of("th.raingan.deadline.DeadlineSettings",
			"${deadlines.reminderAt(reportFacts.dueDate(execution))} in processes/district-report.bpmn",
			"th.raingan.kpi.KpiFacts", "${kpiFacts.office(execution)} in processes/kpi-round-close.bpmn",
			"th.raingan.deadline.EscalationFacts",
			"${escalationFacts.office(execution)} in processes/deadline-escalation.bpmn");

	/**
	 * A capability's public surface is what other packages use: a top-level class in
	 * {@code th.raingan.<capability>..} is public only if a class of another package
	 * (application or test code, in the bytecode or, for constants the compiler copies,
	 * in the source) uses it, or a framework needs it: a webapp plugin (found by Java's
	 * ServiceLoader), a JAX-RS resource of a plugin (Jersey), or
	 * {@link #PUBLIC_FOR_THE_ENGINE}. Spring beans, controllers and records used in their
	 * own package are package-private.
	 */
	@Test
	void publicOnlyWhatAnotherPackageUses() throws IOException {
		JavaClasses withTests = new ClassFileImporter().importPackages("th.raingan");
		Map<String, Set<String>> mentionedFrom = sourceMentions();
		List<String> needless = new ArrayList<>();
		for (JavaClass type : main) {
			if (!type.getModifiers().contains(JavaModifier.PUBLIC) || !type.isTopLevelClass()
					|| !type.getPackageName().startsWith("th.raingan.") || neededByAFramework(type)) {
				continue;
			}
			String home = type.getPackageName();
			boolean usedElsewhere = withTests.get(type.getName())
				.getDirectDependenciesToSelf()
				.stream()
				.anyMatch(d -> !d.getOriginClass().getPackageName().equals(home))
					|| mentionedFrom.getOrDefault(type.getName(), Set.of()).stream().anyMatch(p -> !p.equals(home));
			if (!usedElsewhere) {
				needless.add(type.getName());
			}
		}
		assertThat(needless).as("public classes that no other package uses (make them package-private)").isEmpty();
	}

	private static boolean neededByAFramework(JavaClass type) {
		return type.isAssignableTo("org.camunda.bpm.webapp.plugin.spi.AppPlugin")
				|| type.isAnnotatedWith("jakarta.ws.rs.Path")
				|| type.getMethods().stream().anyMatch(m -> m.isMetaAnnotatedWith("jakarta.ws.rs.HttpMethod"))
				|| PUBLIC_FOR_THE_ENGINE.containsKey(type.getName());
	}

	/**
	 * Every class named in the source (comments aside), with the packages that name it.
	 */
	private static Map<String, Set<String>> sourceMentions() throws IOException {
		Pattern declared = Pattern.compile("(?m)^package ([a-z.]+);");
		Pattern named = Pattern.compile("\\bth\\.raingan\\.[a-z.]+\\.[A-Z]\\w*");
		Map<String, Set<String>> mentions = new TreeMap<>();
		for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
					String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
					Matcher pkg = declared.matcher(code);
					String from = pkg.find() ? pkg.group(1) : "";
					Matcher m = named.matcher(code);
					while (m.find()) {
						mentions.computeIfAbsent(m.group(), c -> new TreeSet<>()).add(from);
					}
				}
			}
		}
		return mentions;
	}

}
