package th.raingan.myreports;

import java.math.BigDecimal;
import java.util.List;

/**
 * The evaluation per key topic (EA3) of a submitted report version, for its printout,
 * supplied by another capability without my reports knowing it (th.raingan.evaluation
 * implements it). Implementations are Spring beans; with none, or no topics for a
 * version, the printout shows the three overall figures only.
 */
public interface PrintedEvaluation {

	/**
	 * One topic as the office recorded it: the counts of respondents at the passing level
	 * and their percentages; {@code own} a topic of the office's own (not the plan's).
	 */
	record Topic(String topic, boolean own, int knowledgeCount, BigDecimal knowledgePercent, int useCount,
			BigDecimal usePercent, int satisfactionCount, BigDecimal satisfactionPercent) {

	}

	/** The topics of a submitted version, in the order recorded (empty: none). */
	List<Topic> printedTopics(long versionId);

}
