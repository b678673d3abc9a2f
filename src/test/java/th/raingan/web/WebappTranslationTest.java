package th.raingan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * Every label Camunda's webapps show has a Thai text, with the same placeholders as the
 * English one.
 */
class WebappTranslationTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

	private final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "admin", "cockpit", "tasklist", "welcome" })
	void everyEnglishLabelHasAThaiOne(String app) throws IOException {
		JsonNode english = read(app, "en").get("labels");
		JsonNode thai = read(app, "th").get("labels");
		List<String> problems = new ArrayList<>();
		english.fieldNames().forEachRemaining(key -> {
			JsonNode th = thai.get(key);
			if (th == null || (th.asText().isEmpty() && !english.get(key).asText().isEmpty())) {
				problems.add(key + ": no Thai label");
			}
			else if (!placeholders(th.asText()).equals(placeholders(english.get(key).asText()))) {
				problems.add(key + ": placeholders differ");
			}
		});
		assertThat(problems).isEmpty();
		long inThai = thai.properties()
			.stream()
			.filter(e -> e.getValue().asText().matches("(?s).*[\\u0E00-\\u0E7F].*"))
			.count();
		assertThat(inThai).as("labels written in Thai").isGreaterThan(english.size() * 8L / 10);
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "cockpit", "tasklist", "welcome" })
	void thaiIsTheLocaleOfEveryWebapp(String app) throws IOException {
		String config = new ClassPathResource("META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(config).contains("availableLocales: ['th']").contains("fallbackLocale: 'th'");
		String styles = new ClassPathResource(
				"META-INF/resources/webjars/camunda/app/" + app + "/styles/user-styles.css")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(styles).contains(".ce-eol-banner");
		// the webapps serve their stylesheets with no charset, so the browser reads them
		// as Latin-1: Thai written
		// into a rule (the login page's "รายงาน") shows as "à¸£à¸²..." unless it is a CSS
		// escape (comments may be Thai)
		String rules = styles.replaceAll("(?s)/\\*.*?\\*/", "");
		assertThat(rules.chars().filter(c -> c > 127).count())
			.as(app + " user-styles.css: characters outside ASCII in its rules")
			.isZero();
		assertThat(rules).contains("\\0E23\\0E32\\0E22\\0E07\\0E32\\0E19");
	}

	private List<String> placeholders(String text) {
		List<String> found = new ArrayList<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			found.add(m.group());
		}
		found.sort(null);
		return found;
	}

	private JsonNode read(String app, String locale) throws IOException {
		try (InputStream in = new ClassPathResource(
				"META-INF/resources/webjars/camunda/app/" + app + "/locales/" + locale + ".json")
			.getInputStream()) {
			byte[] bytes = in.readAllBytes();
			String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
			return json.readTree(text);
		}
	}

}
