package th.raingan.evaluation;

import java.util.Map;

import org.springframework.stereotype.Component;

import th.raingan.draft.DraftRows;

/** A draft holds at most the EA3 topics a plan has (and a submission takes). */
@Component
class Ea3DraftRows implements DraftRows {

	@Override
	public Map<String, Integer> maxRows() {
		return Map.of(Ea3Check.TOPICS, PlanCsv.MAX_TOPICS);
	}

}
