package io.cartwright.order.events;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ids of the incoming events this service has applied ({@code processed_event}).
 * Recording one joins the caller's transaction, so the id is stored exactly when the
 * effect is.
 */
@Component
class ProcessedEvents {

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
	boolean recordFirst(String eventId, String eventType) {
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
