package th.raingan.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/**
 * Which of a form's variables a draft may write, and how the values are typed, read from
 * the real forms.
 */
class DraftsTest {

	final ObjectMapper json = new ObjectMapper();

	Drafts.FormKeys keysOf(String form) throws Exception {
		return Drafts.keysOf(json.readTree(Files.readString(Path.of("forms", form + ".form"))));
	}

	@Test
	void theDistrictsDraftHoldsEveryFieldOfItsFormAndTheAreaRowsAsOneList() throws Exception {
		Drafts.FormKeys keys = keysOf("district-draft");

		assertThat(keys.editable())
			.contains("officerName", "officerPhone", "startDate", "endDate", "successPoints", "progressPercent",
					"spentBaht", "areas", "confirmSubmit")
			.doesNotContain("place", "expense", "officeGroup", "dueDate", "projectName");
		assertThat(keys.editable()).isEqualTo(keys.all());
	}

	@Test
	void theReviewersDraftHoldsTheDecisionAndReasonOnlyNotTheDistrictsValuesItShows() throws Exception {
		Drafts.FormKeys keys = keysOf("province-review");

		assertThat(keys.editable()).containsExactlyInAnyOrder("reviewDecision", "returnReason", "reviewComments");
		assertThat(keys.all()).contains("officerName", "areas", "progressPercent");
	}

	@Test
	void valuesAreTypedAsTasklistTypesThemOnSubmission() throws Exception {
		assertThat(value("\"1,000\"")).isEqualTo("1,000");
		assertThat(value("true")).isEqualTo(true);
		assertThat(value("25")).isEqualTo(25);
		assertThat(value("null")).isNull();
		assertThat(Drafts.typed(json.readTree("[{\"place\": \"ตำบลกุดป่อง\"}]")).getType().getName()).isEqualTo("json");
	}

	private Object value(String text) throws Exception {
		TypedValue typed = Drafts.typed(json.readTree(text));
		return typed.getValue();
	}

}
