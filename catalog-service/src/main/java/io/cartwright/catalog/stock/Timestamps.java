package io.cartwright.catalog.stock;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The current time at the precision the database keeps ({@code DATETIME(6)}). */
final class Timestamps {

	private Timestamps() {
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * An instant as a plain SQL parameter: the UTC wall-clock time, as Hibernate writes
	 * {@code DATETIME} columns ({@code hibernate.jdbc.time_zone=UTC}), whatever the JVM's
	 * time zone.
	 */
	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
