package io.cartwright.cart.events;

import java.nio.charset.StandardCharsets;

import io.cartwright.events.CloudEventHeaders;
import io.cartwright.events.EventTypes;
import io.cartwright.events.Topics;
import io.cartwright.kafka.listener.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the catalog's product and stock events and the order events: picks the event
 * class from the {@code ce_type} header, deserializes the JSON value and hands the event
 * to {@link IncomingEvents}. A record without an id, of an unknown type, with a value
 * that is not the JSON of its type or with values the cart refuses is poison: it goes to
 * the dead-letter topic at once (kafka-runtime's {@code DeadLetterErrorHandling}). Known
 * events that are not for the cart (stock reservations, other order events) are skipped.
 */
@Component
class CartEventListener {

	private static final Logger log = LoggerFactory.getLogger(CartEventListener.class);

	private final IncomingEvents events;

	private final JsonMapper json;

	CartEventListener(IncomingEvents events, JsonMapper json) {
		this.events = events;
		this.json = json;
	}

	@KafkaListener(id = "cart-events", idIsGroup = false,
			topics = { Topics.PRODUCT_EVENTS, Topics.STOCK_EVENTS, Topics.ORDER_EVENTS })
	void on(ConsumerRecord<String, byte[]> record) {
		String type = header(record, CloudEventHeaders.TYPE);
		String id = header(record, CloudEventHeaders.ID);
		if (type == null || id == null) {
			throw new PoisonMessageException("A record on %s (offset %d) has no %s or %s header"
				.formatted(record.topic(), record.offset(), CloudEventHeaders.TYPE, CloudEventHeaders.ID));
		}
		Class<? extends Record> eventClass = EventTypes.BY_TYPE.get(type);
		if (eventClass == null) {
			throw new PoisonMessageException("Unknown event type " + type + " on " + record.topic());
		}
		if (record.value() == null) {
			throw new PoisonMessageException("Event " + id + " has no value");
		}
		Record event;
		try {
			event = this.json.readValue(record.value(), eventClass);
		}
		catch (JacksonException ex) {
			throw new PoisonMessageException("Value of " + type + " " + id + " is not its JSON", ex);
		}
		if (!IncomingEvents.concernsCarts(event)) {
			log.debug("Skipping event {} of type {}: not for carts", id, type);
			return;
		}
		try {
			this.events.apply(id, type, event);
		}
		catch (IllegalArgumentException ex) {
			// The cart's rules refuse the event's values (a negative price, say): no
			// retry changes them.
			throw new PoisonMessageException("Event " + id + " of type " + type + " cannot be applied", ex);
		}
	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
