package io.cartwright.catalog.events;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.cartwright.events.CloudEventHeaders;
import io.cartwright.events.EventTypes;
import io.cartwright.events.OrderCancelled;
import io.cartwright.events.OrderConfirmed;
import io.cartwright.events.OrderLine;
import io.cartwright.events.OrderPlaced;
import io.cartwright.events.OrderRejected;
import io.cartwright.kafka.listener.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns a record of {@code order.order-events} into its event: the {@code ce_type} header
 * names the record class ({@link EventTypes#BY_TYPE}), the value is its JSON. Anything
 * that cannot become a complete order event is a {@link PoisonMessageException}.
 */
@Component
class OrderEventDecoder {

	private static final Set<Class<?>> ORDER_EVENTS = Set.of(OrderPlaced.class, OrderConfirmed.class,
			OrderCancelled.class, OrderRejected.class);

	private final JsonMapper json;

	OrderEventDecoder(JsonMapper json) {
		this.json = json;
	}

	IncomingOrderEvent decode(ConsumerRecord<String, byte[]> record) {
		String id = header(record, CloudEventHeaders.ID);
		String type = header(record, CloudEventHeaders.TYPE);
		Class<? extends Record> eventClass = EventTypes.BY_TYPE.get(type);
		if (eventClass == null || !ORDER_EVENTS.contains(eventClass)) {
			throw new PoisonMessageException("Not an order event type: " + type);
		}
		if (record.value() == null) {
			throw new PoisonMessageException("No value in " + type + " " + id);
		}
		Record event;
		try {
			event = this.json.readValue(record.value(), eventClass);
		}
		catch (JacksonException ex) {
			throw new PoisonMessageException("Value of " + type + " " + id + " is not its JSON", ex);
		}
		requireComplete(event, type, id);
		return new IncomingOrderEvent(id, type, event);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		if (header == null || header.value() == null || header.value().length == 0) {
			throw new PoisonMessageException("No " + name + " header");
		}
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	private static void requireComplete(Record event, String type, String id) {
		boolean complete = switch (event) {
			case OrderPlaced placed -> placed.orderId() != null && placed.lines() != null && !placed.lines().isEmpty()
					&& placed.lines().stream().allMatch(OrderEventDecoder::isComplete);
			case OrderConfirmed confirmed -> confirmed.orderId() != null;
			case OrderCancelled cancelled -> cancelled.orderId() != null;
			case OrderRejected rejected -> rejected.orderId() != null;
			default -> false;
		};
		if (!complete) {
			throw new PoisonMessageException(type + " " + id + " lacks required fields");
		}
	}

	private static boolean isComplete(OrderLine line) {
		return line != null && line.sku() != null && !line.sku().isBlank() && line.quantity() > 0;
	}

}
