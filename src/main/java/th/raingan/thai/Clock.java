package th.raingan.thai;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import th.raingan.engine.EngineClock;

/** Thailand's time, read from the engine's clock so that tests can move it. */
public final class Clock {

	public static final ZoneId ZONE = ZoneId.of("Asia/Bangkok");

	private Clock() {
	}

	public static Date now() {
		return EngineClock.now();
	}

	public static LocalDate today() {
		return now().toInstant().atZone(ZONE).toLocalDate();
	}

	/** The day in Thailand a moment falls on. */
	public static LocalDate day(Date moment) {
		return moment.toInstant().atZone(ZONE).toLocalDate();
	}

	/**
	 * The last second of a day in Thailand: a due date on that day is still met at 23:59.
	 */
	public static Date endOfDay(LocalDate day) {
		return Date.from(day.plusDays(1).atStartOfDay(ZONE).minusSeconds(1).toInstant());
	}

}
