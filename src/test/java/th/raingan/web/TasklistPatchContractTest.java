package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * What {@code raingan-tasklist.js} relies on, checked without a browser, so that a
 * Camunda upgrade or a new form fails here loudly instead of leaving the complete button
 * disabled or drafts unsaved: Tasklist's bundle still counts the keys of form-js's error
 * map, form-js is still the webpack module the script loads and still has
 * {@code importSchema}, and every form field's id starts with {@code Field_}, the prefix
 * the script recognises.
 */
class TasklistPatchContractTest {

	static final Path SCRIPT = Path
		.of("src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts/raingan-tasklist.js");

	static String classpath(String resource) throws IOException {
		try (InputStream in = TasklistPatchContractTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource + " in Camunda's webapp webjar").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void tasklistStillDisablesCompletionByCountingTheErrorMapsKeys() throws IOException {
		String tasklist = classpath("META-INF/resources/webjars/camunda/app/tasklist/camunda-tasklist-bootstrap.js");
		assertThat(tasklist).as("Tasklist's form-js 'changed' handler, which the Object.keys patch answers")
			.containsPattern("on\\(\"changed\",\\(function\\((\\w)\\)\\{[^}]*Object\\.keys\\(\\1\\.errors\\)\\.length");
	}

	@Test
	void formJsIsTheWebpackModuleTheScriptLoads() throws IOException {
		String script = Files.readString(SCRIPT);
		Matcher module = Pattern.compile("webpackRequire\\(\\)\\((\\d+)\\)\\.Form").matcher(script);
		assertThat(module.find()).as("the script names form-js's webpack module").isTrue();
		String deps = classpath("META-INF/resources/webjars/camunda/lib/deps.js");
		int start = deps.indexOf(module.group(1) + ":function(");
		assertThat(start).as("webpack module " + module.group(1) + " in Tasklist's lib/deps.js").isPositive();
		// form-js's entry module: it re-exports the Form (with its playground) from its
		// own modules
		assertThat(deps.substring(start, start + 600)).contains("FormPlayground");
		assertThat(deps).contains("importSchema");
	}

	@Test
	void everyFormFieldIdStartsWithField() throws IOException {
		ObjectMapper json = new ObjectMapper();
		List<String> wrong = new ArrayList<>();
		int fields = 0;
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
				List<JsonNode> inputs = new ArrayList<>();
				inputs(json.readTree(form.toFile()).path("components"), inputs);
				for (JsonNode field : inputs) {
					fields++;
					if (!field.path("id").asText().startsWith("Field_")) {
						wrong.add(form.getFileName() + ": " + field.path("id").asText() + " ("
								+ field.path("key").asText() + ")");
					}
				}
			}
		}
		assertThat(fields).as("form fields read").isGreaterThan(100);
		assertThat(wrong).as("field ids raingan-tasklist.js would not recognise").isEmpty();
	}

	/**
	 * The components bound to a variable ({@code key}), at any depth (groups, dynamic
	 * lists).
	 */
	private static void inputs(JsonNode components, List<JsonNode> into) {
		for (JsonNode component : components) {
			if (component.has("key")) {
				into.add(component);
			}
			inputs(component.path("components"), into);
		}
	}

}
