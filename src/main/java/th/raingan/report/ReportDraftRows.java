package th.raingan.report;

import java.util.Map;

import org.springframework.stereotype.Component;

import th.raingan.draft.DraftRows;

/** A draft holds at most the area rows a submission takes. */
@Component
class ReportDraftRows implements DraftRows {

	@Override
	public Map<String, Integer> maxRows() {
		return Map.of(DistrictReportProcess.AREAS, ReportValidator.MAX_AREAS);
	}

}
