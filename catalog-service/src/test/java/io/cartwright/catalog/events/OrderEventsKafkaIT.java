package io.cartwright.catalog.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cartwright.catalog.stock.StockFixtures;
import io.cartwright.events.CloudEventHeaders;
import io.cartwright.events.Money;
import io.cartwright.events.OrderCancelled;
import io.cartwright.events.OrderConfirmed;
import io.cartwright.events.OrderLine;
import io.cartwright.events.OrderPlaced;
import io.cartwright.events.StockReleased;
import io.cartwright.events.StockReserved;
import io.cartwright.events.Topics;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.kafka.listener.PoisonMessageException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The saga's catalog side over a real broker: order events in with CloudEvents headers as
 * order-service sends them, stock events out as a consumer reads them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
class OrderEventsKafkaIT {

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrderEventHandler handler;

	@Autowired
	MeterRegistry meters;

	StockFixtures fixtures() {
		return new StockFixtures(this.jdbc);
	}

	@Test
	void anOrderPlacedOnKafkaReservesStockAndPublishesStockReservedAsAConsumerReadsIt() throws Exception {
		String sku = fixtures().variant(1250, "EUR", "ACTIVE", "ACTIVE");
		fixtures().stock(sku, 4, 0);
		UUID orderId = UUID.randomUUID();

		send(OrderPlaced.TYPE, orderId,
				new OrderPlaced(orderId, "c1", UUID.randomUUID(), List.of(new OrderLine(sku, 3)), Instant.now()));

		try (KafkaRecords stockEvents = new KafkaRecords(this.consumers, Topics.STOCK_EVENTS)) {
			ConsumerRecord<String, byte[]> record = stockEvents
				.awaitKey(orderId.toString(), (records) -> !records.isEmpty())
				.get(0);
			assertThat(KafkaRecords.header(record, CloudEventHeaders.TYPE)).isEqualTo(StockReserved.TYPE);
			assertThat(KafkaRecords.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/cartwright/catalog-service");
			assertThat(KafkaRecords.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(orderId.toString());
			assertThat(KafkaRecords.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
			assertThat(KafkaRecords.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
			assertThat(UUID.fromString(KafkaRecords.header(record, CloudEventHeaders.ID))).isNotNull();
			assertThat(record.headers()).extracting(Header::key)
				.containsExactlyInAnyOrder(CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
						CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.SPEC_VERSION,
						CloudEventHeaders.CONTENT_TYPE, "traceparent");
			StockReserved reserved = this.json.readValue(record.value(), StockReserved.class);
			assertThat(Instant.parse(KafkaRecords.header(record, CloudEventHeaders.TIME)))
				.isEqualTo(reserved.occurredAt());
			assertThat(reserved.orderId()).isEqualTo(orderId);
			assertThat(reserved.lines())
				.containsExactly(new StockReserved.Line(sku, 3, new Money(1250, "EUR"), "Product " + sku));
		}
		assertThat(fixtures().reserved(sku)).isEqualTo(3);
	}

	@Test
	void theStockReservedAnsweringAnOrderPlacedContinuesItsTraceWithItsBaggage() throws Exception {
		String sku = fixtures().sellableVariantWithStock(5);
		UUID orderId = UUID.randomUUID();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String requestId = "req-" + UUID.randomUUID();
		ProducerRecord<Object, Object> placed = record(OrderPlaced.TYPE, orderId.toString(), this.json
			.writeValueAsBytes(
					new OrderPlaced(orderId, "c1", UUID.randomUUID(), List.of(new OrderLine(sku, 1)), Instant.now())));
		header(placed, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
		header(placed, "baggage", "requestId=" + requestId);
		// A plain producer, as order-service's outbox would send it: the test's observed
		// template would start a trace of its own.
		this.kafka.getProducerFactory().createProducer().send(placed).get();

		try (KafkaRecords stockEvents = new KafkaRecords(this.consumers, Topics.STOCK_EVENTS)) {
			ConsumerRecord<String, byte[]> reserved = stockEvents
				.awaitKey(orderId.toString(), (records) -> !records.isEmpty())
				.get(0);
			assertThat(KafkaRecords.header(reserved, CloudEventHeaders.TYPE)).isEqualTo(StockReserved.TYPE);
			assertThat(KafkaRecords.header(reserved, "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
				.doesNotContain("00f067aa0ba902b7");
			assertThat(KafkaRecords.header(reserved, "baggage")).contains("requestId=" + requestId);
		}
	}

	@Test
	void anOrderConfirmedSellsTheReservedUnitsAndAnOrderCancelledPutsThemBack() throws Exception {
		String sku = fixtures().sellableVariantWithStock(5);
		UUID orderId = UUID.randomUUID();
		send(OrderPlaced.TYPE, orderId,
				new OrderPlaced(orderId, "c1", UUID.randomUUID(), List.of(new OrderLine(sku, 2)), Instant.now()));
		send(OrderConfirmed.TYPE, orderId, new OrderConfirmed(orderId, "c1", UUID.randomUUID(),
				List.of(new OrderLine(sku, 2)), new Money(3998, "EUR"), Instant.now()));

		await().untilAsserted(() -> {
			assertThat(fixtures().onHand(sku)).isEqualTo(3);
			assertThat(fixtures().reserved(sku)).isZero();
		});
		assertThat(this.jdbc.queryForList("SELECT reason FROM stock_movement WHERE sku = ? AND order_id = ?",
				String.class, sku, orderId.toString()))
			.containsExactly("SALE");

		send(OrderCancelled.TYPE, orderId, new OrderCancelled(orderId, "CUSTOMER_REQUEST", Instant.now()));

		await().untilAsserted(() -> assertThat(fixtures().onHand(sku)).isEqualTo(5));
		try (KafkaRecords stockEvents = new KafkaRecords(this.consumers, Topics.STOCK_EVENTS)) {
			List<ConsumerRecord<String, byte[]>> records = stockEvents.awaitKey(orderId.toString(),
					(found) -> found.size() >= 2);
			assertThat(records).extracting((record) -> KafkaRecords.header(record, CloudEventHeaders.TYPE))
				.containsExactly(StockReserved.TYPE, StockReleased.TYPE);
			assertThat(this.json.readValue(records.get(1).value(), StockReleased.class).reason())
				.isEqualTo("ORDER_CANCELLED");
		}
	}

	@Test
	void anOrderCancelledBeforeConfirmationReleasesTheReservation() throws Exception {
		String sku = fixtures().sellableVariantWithStock(5);
		UUID orderId = UUID.randomUUID();
		send(OrderPlaced.TYPE, orderId,
				new OrderPlaced(orderId, "c1", UUID.randomUUID(), List.of(new OrderLine(sku, 4)), Instant.now()));
		await().untilAsserted(() -> assertThat(fixtures().reserved(sku)).isEqualTo(4));

		send(OrderCancelled.TYPE, orderId, new OrderCancelled(orderId, "PAYMENT_FAILED", Instant.now()));

		await().untilAsserted(() -> assertThat(fixtures().reserved(sku)).isZero());
		assertThat(fixtures().onHand(sku)).isEqualTo(5);
	}

	@Test
	void theSameEventIdIsAppliedOnceAndTheSameOrderUnderANewIdReservesOnce() {
		String sku = fixtures().sellableVariantWithStock(5);
		UUID orderId = UUID.randomUUID();
		OrderPlaced placed = new OrderPlaced(orderId, "c1", UUID.randomUUID(), List.of(new OrderLine(sku, 2)),
				Instant.now());
		IncomingOrderEvent incoming = new IncomingOrderEvent(UUID.randomUUID().toString(), OrderPlaced.TYPE, placed);

		assertThat(this.handler.apply(incoming)).isTrue();
		assertThat(this.handler.apply(incoming)).isFalse();
		assertThat(this.handler.apply(new IncomingOrderEvent(UUID.randomUUID().toString(), OrderPlaced.TYPE, placed)))
			.isTrue();

		assertThat(fixtures().reserved(sku)).isEqualTo(2);
	}

	@Test
	void poisonMessagesGoToTheDeadLetterTopicAtOnceAndTheNextMessageIsStillConsumed() throws Exception {
		double counted = deadLetters();
		String badJson = UUID.randomUUID().toString();
		String unknownType = UUID.randomUUID().toString();
		String missingFields = UUID.randomUUID().toString();
		sendRaw(OrderPlaced.TYPE, badJson, "{not json".getBytes(StandardCharsets.UTF_8));
		sendRaw("io.cartwright.order.teleported.v1", unknownType, "{}".getBytes(StandardCharsets.UTF_8));
		sendRaw(OrderPlaced.TYPE, missingFields, "{\"customerId\":\"c1\"}".getBytes(StandardCharsets.UTF_8));
		String sku = fixtures().sellableVariantWithStock(5);
		UUID orderId = UUID.randomUUID();
		send(OrderPlaced.TYPE, orderId,
				new OrderPlaced(orderId, "c1", UUID.randomUUID(), List.of(new OrderLine(sku, 1)), Instant.now()));

		try (KafkaRecords deadLetters = new KafkaRecords(this.consumers, Topics.deadLetter(Topics.ORDER_EVENTS))) {
			for (String key : List.of(badJson, unknownType, missingFields)) {
				ConsumerRecord<String, byte[]> dead = deadLetters.awaitKey(key, (records) -> !records.isEmpty()).get(0);
				assertThat(KafkaRecords.header(dead, "kafka_dlt-exception-cause-fqcn"))
					.isEqualTo(PoisonMessageException.class.getName());
			}
		}
		await().untilAsserted(() -> assertThat(fixtures().reserved(sku)).isEqualTo(1));
		// Counted once the dead-letter send is acknowledged, a moment after the record is
		// readable.
		await().untilAsserted(() -> assertThat(deadLetters()).isGreaterThanOrEqualTo(counted + 3));
	}

	private double deadLetters() {
		return this.meters.get("cartwright.kafka.dead.letters").tag("topic", Topics.ORDER_EVENTS).counter().count();
	}

	private void send(String type, UUID orderId, Record event) throws Exception {
		sendRaw(type, orderId.toString(), this.json.writeValueAsBytes(event));
	}

	private void sendRaw(String type, String key, byte[] value) throws Exception {
		this.kafka.send(record(type, key, value)).get();
	}

	private static ProducerRecord<Object, Object> record(String type, String key, byte[] value) {
		ProducerRecord<Object, Object> record = new ProducerRecord<>(Topics.ORDER_EVENTS, key, value);
		header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
		header(record, CloudEventHeaders.TYPE, type);
		header(record, CloudEventHeaders.SOURCE, CloudEventHeaders.sourceOf("order-service"));
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
