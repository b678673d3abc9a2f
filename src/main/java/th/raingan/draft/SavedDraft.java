package th.raingan.draft;

import java.util.Date;
import java.util.Map;

/**
 * A draft as stored: the task it belongs to, who saved it when, and the form values this
 * save changed (a field's key, or a dynamic list's path, to its value as the form holds
 * it: text, number, yes/no, a list of rows).
 */
record SavedDraft(String taskId, String processInstanceId, String taskDefinitionKey, String userId, Date savedAt,
		Map<String, Object> changed) {

}
