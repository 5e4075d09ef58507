package io.cartwright.cart.events;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ids of the events this service has applied ({@code processed_event}). */
@Repository
class ProcessedEvents {

	private final JdbcClient jdbc;

	private final Clock clock;

	ProcessedEvents(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records an event as applied, in the caller's transaction. A concurrent delivery of
	 * the same event waits on the row lock and then finds the id taken.
	 * @param eventId the {@code ce_id}
	 * @param type the {@code ce_type}
	 * @return true the first time, false for a repeat
	 */
	boolean firstTime(String eventId, String type) {
		try {
			this.jdbc.sql("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?, ?, ?)")
				.params(eventId, type, LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
				.update();
			return true;
		}
		catch (DuplicateKeyException repeat) {
			return false;
		}
	}

}
