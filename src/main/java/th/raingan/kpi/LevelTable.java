package th.raingan.kpi;

import java.util.List;

/**
 * The levels 1-5 of an indicator, each a list of conditions that must all hold, used when
 * its own {@code when} conditions hold (an alternative table: T6 by staff size, T4.2 for
 * districts with or without overdue loans). A table without {@code when} applies
 * otherwise.
 */
record LevelTable(List<Condition> when, List<List<Condition>> levels) {

	public boolean applies(Measurement m) {
		return when.stream().allMatch(c -> c.holds(m));
	}

	/** The level reached: levels count from 1 while all of a level's conditions hold. */
	public int level(Measurement m) {
		int level = 0;
		for (List<Condition> conditions : levels) {
			if (!conditions.stream().allMatch(c -> c.holds(m))) {
				break;
			}
			level++;
		}
		return level;
	}

}
