package io.cartwright.order.events;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import io.cartwright.events.CloudEventHeaders;
import io.cartwright.events.EventTypes;
import io.cartwright.events.StockLevelChanged;
import io.cartwright.events.StockRejected;
import io.cartwright.events.StockReleased;
import io.cartwright.events.StockReserved;
import io.cartwright.kafka.listener.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns a record of {@code catalog.stock-events} into its event: the {@code ce_type}
 * header names the record class ({@link EventTypes#BY_TYPE}), the value is its JSON.
 * {@link StockLevelChanged} shares the topic but is none of the saga's business: it is
 * skipped without being read. Anything that cannot become a complete stock event is a
 * {@link PoisonMessageException}.
 */
@Component
class StockEventDecoder {

	private static final Set<Class<?>> SAGA_EVENTS = Set.of(StockReserved.class, StockRejected.class,
			StockReleased.class);

	private final JsonMapper json;

	StockEventDecoder(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Decodes a record.
	 * @param record the record
	 * @return the event, or empty for a stock level change
	 * @throws PoisonMessageException for a record that can never be applied
	 */
	Optional<IncomingStockEvent> decode(ConsumerRecord<String, byte[]> record) {
		String type = header(record, CloudEventHeaders.TYPE);
		Class<? extends Record> eventClass = EventTypes.BY_TYPE.get(type);
		if (eventClass == StockLevelChanged.class) {
			return Optional.empty();
		}
		String id = header(record, CloudEventHeaders.ID);
		if (eventClass == null || !SAGA_EVENTS.contains(eventClass)) {
			throw new PoisonMessageException("Not a stock event type: " + type);
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
		return Optional.of(new IncomingStockEvent(id, type, event));
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
			case StockReserved reserved -> reserved.orderId() != null && reserved.lines() != null
					&& !reserved.lines().isEmpty() && reserved.lines().stream().allMatch(StockEventDecoder::isComplete);
			case StockRejected rejected -> rejected.orderId() != null && rejected.problems() != null;
			case StockReleased released -> released.orderId() != null;
			default -> false;
		};
		if (!complete) {
			throw new PoisonMessageException(type + " " + id + " lacks required fields");
		}
	}

	private static boolean isComplete(StockReserved.Line line) {
		return line != null && line.sku() != null && !line.sku().isBlank() && line.quantity() > 0
				&& line.unitPrice() != null && line.unitPrice().currency() != null && line.unitPrice().amount() >= 0
				&& line.productName() != null;
	}

}
