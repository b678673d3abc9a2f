package th.raingan.myreports;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;

/**
 * Dates and times on the page and in the printout: the Buddhist Era, Thai month names,
 * Thai time.
 */
final class ThaiTime {

	private ThaiTime() {
	}

	/** "17 มีนาคม 2570", or "" for no date. */
	static String date(LocalDate date) {
		return date == null ? "" : BuddhistDates.formatLong(date);
	}

	/** "12 มีนาคม 2570 เวลา 10:15 น.", or "" for no moment. */
	static String dateTime(Timestamp moment) {
		if (moment == null) {
			return "";
		}
		ZonedDateTime thai = moment.toInstant().atZone(Clock.ZONE);
		return BuddhistDates.formatLong(thai.toLocalDate()) + " เวลา "
				+ String.format("%02d:%02d", thai.getHour(), thai.getMinute()) + " น.";
	}

}
