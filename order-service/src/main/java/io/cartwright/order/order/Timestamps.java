package io.cartwright.order.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current time as the database stores it ({@code DATETIME(6)}): microseconds, so that
 * what a response shows equals what a later read gives.
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
