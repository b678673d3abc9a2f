package th.raingan.engine;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, the one its timers and due dates use: the application reads "now"
 * from it so that what it stamps (submissions, decisions) agrees with the engine, and
 * tests that move the engine's clock move both.
 */
public final class EngineClock {

	private EngineClock() {
	}

	public static Date now() {
		return ClockUtil.getCurrentTime();
	}

}
