package th.raingan.draft;

/**
 * Told about every draft saved, after it is stored and in the same transaction. The seam
 * for rules that react to what an officer typed before submitting (e.g. a report's
 * deadline that follows the activity's actual end date): implement it as a Spring bean;
 * it is called with the values that changed in this save only.
 */
interface DraftListener {

	void draftSaved(SavedDraft draft);

}
