package io.cartwright.catalog.stock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time at the precision the database keeps ({@code DATETIME(6)}). */
final class Timestamps {

	private Timestamps() {
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
