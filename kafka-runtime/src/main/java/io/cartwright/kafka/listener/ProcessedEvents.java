package io.cartwright.kafka.listener;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ids of the incoming events this service has applied: the table
 * {@code processed_event (event_id, event_type, processed_at)} in the service's own
 * schema, created by its own migration. Recording one joins the caller's transaction, so
 * the id is stored exactly when the effect is; a concurrent delivery of the same event
 * waits on the row lock and then finds the id taken.
 */
public class ProcessedEvents {

	private final JdbcClient jdbc;

	ProcessedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an event as applied, unless it already was.
	 * @param eventId the event's {@code ce_id}
	 * @param eventType the event's {@code ce_type}
	 * @return {@code true} the first time, {@code false} for a repeat
	 */
	public boolean recordFirst(String eventId, String eventType) {
		try {
			this.jdbc.sql("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (:id, :type, :at)")
				.param("id", eventId)
				.param("type", eventType)
				.param("at", LocalDateTime.now(ZoneOffset.UTC))
				.update();
			return true;
		}
		catch (DuplicateKeyException repeat) {
			// On MySQL a failed statement leaves the transaction usable.
			return false;
		}
	}

}
