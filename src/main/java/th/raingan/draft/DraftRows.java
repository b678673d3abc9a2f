package th.raingan.draft;

import java.util.Map;

/**
 * How many rows a form's dynamic list may hold, declared by the capability whose
 * submission checks that list (the report's area rows, the EA3 topics): a draft never
 * holds more than its submission would take. Implement it as a Spring bean.
 */
public interface DraftRows {

	/** The most rows of each list, by the list's variable name. */
	Map<String, Integer> maxRows();

}
