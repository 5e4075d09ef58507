package io.cartwright.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.events.CloudEventHeaders;
import io.cartwright.events.Money;
import io.cartwright.events.OrderPlaced;
import io.cartwright.events.StockRejected;
import io.cartwright.events.StockReserved;
import io.cartwright.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * catalog-service as the saga sees it, over the real broker: reads {@code OrderPlaced}
 * from {@code order.order-events} and answers on {@code catalog.stock-events} with
 * CloudEvents headers, as the catalog does.
 */
public final class Catalog {

	private final KafkaTemplate<Object, Object> kafka;

	private final ConsumerFactory<?, ?> consumers;

	private final JsonMapper json;

	public Catalog(KafkaTemplate<Object, Object> kafka, ConsumerFactory<?, ?> consumers, JsonMapper json) {
		this.kafka = kafka;
		this.consumers = consumers;
		this.json = json;
	}

	/**
	 * Waits for the order's {@code OrderPlaced} on the topic, as the catalog reads it.
	 */
	public OrderPlaced awaitPlaced(UUID orderId) {
		try (KafkaRecords orderEvents = new KafkaRecords(this.consumers, Topics.ORDER_EVENTS)) {
			ConsumerRecord<String, byte[]> record = orderEvents
				.awaitKey(orderId.toString(),
						(records) -> records.stream()
							.anyMatch((r) -> OrderPlaced.TYPE.equals(KafkaRecords.header(r, CloudEventHeaders.TYPE))))
				.stream()
				.filter((r) -> OrderPlaced.TYPE.equals(KafkaRecords.header(r, CloudEventHeaders.TYPE)))
				.findFirst()
				.orElseThrow();
			return this.json.readValue(record.value(), OrderPlaced.class);
		}
	}

	/**
	 * Reserves every line of a placed order at one unit price, with a new event id.
	 * @return the event id
	 */
	public String reserve(OrderPlaced placed, long unitPrice) {
		Instant now = Instant.now();
		StockReserved reserved = new StockReserved(placed.orderId(),
				placed.lines()
					.stream()
					.map((line) -> new StockReserved.Line(line.sku(), line.quantity(), new Money(unitPrice, "EUR"),
							"Product " + line.sku()))
					.toList(),
				now.plus(Duration.ofMinutes(15)), now);
		String id = UUID.randomUUID().toString();
		send(id, StockReserved.TYPE, placed.orderId().toString(), this.json.writeValueAsBytes(reserved));
		return id;
	}

	/**
	 * Refuses an order's stock: the first line is short.
	 * @return the event id
	 */
	public String reject(OrderPlaced placed) {
		StockRejected rejected = new StockRejected(placed.orderId(),
				List.of(new StockRejected.Problem(placed.lines().get(0).sku(), placed.lines().get(0).quantity(), 1,
						"INSUFFICIENT_STOCK")),
				Instant.now());
		String id = UUID.randomUUID().toString();
		send(id, StockRejected.TYPE, placed.orderId().toString(), this.json.writeValueAsBytes(rejected));
		return id;
	}

	/**
	 * Reserves every line of a placed order at one unit price, as the catalog does while
	 * it handles the order's {@code OrderPlaced}: in that record's trace, with its
	 * baggage. Sent by a plain producer, not the observed template, which would start a
	 * trace of its own.
	 * @param traceContext the W3C {@code traceparent} and {@code baggage} headers to send
	 */
	public void reserveInTrace(OrderPlaced placed, long unitPrice, Map<String, String> traceContext) {
		Instant now = Instant.now();
		StockReserved reserved = new StockReserved(placed.orderId(),
				placed.lines()
					.stream()
					.map((line) -> new StockReserved.Line(line.sku(), line.quantity(), new Money(unitPrice, "EUR"),
							"Product " + line.sku()))
					.toList(),
				now.plus(Duration.ofMinutes(15)), now);
		ProducerRecord<Object, Object> record = record(UUID.randomUUID().toString(), StockReserved.TYPE,
				placed.orderId().toString(), this.json.writeValueAsBytes(reserved));
		traceContext.forEach((name, value) -> header(record, name, value));
		try {
			this.kafka.getProducerFactory().createProducer().send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send " + StockReserved.TYPE, ex);
		}
	}

	/** Sends a record as the catalog would, with every CloudEvents header. */
	public void send(String id, String type, String key, byte[] value) {
		ProducerRecord<Object, Object> record = record(id, type, key, value);
		try {
			this.kafka.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send " + type, ex);
		}
	}

	private static ProducerRecord<Object, Object> record(String id, String type, String key, byte[] value) {
		ProducerRecord<Object, Object> record = new ProducerRecord<>(Topics.STOCK_EVENTS, key, value);
		header(record, CloudEventHeaders.ID, id);
		header(record, CloudEventHeaders.TYPE, type);
		header(record, CloudEventHeaders.SOURCE, CloudEventHeaders.sourceOf("catalog-service"));
		header(record, CloudEventHeaders.TIME, Instant.now().toString());
		header(record, CloudEventHeaders.SUBJECT, key);
		header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
		header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
		return record;
	}

	private static void header(ProducerRecord<Object, Object> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
