package io.cartwright.catalog.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.cartwright.catalog.stock.StockFixtures;
import io.cartwright.catalog.stock.StockReservations;
import io.cartwright.events.CloudEventHeaders;
import io.cartwright.events.OrderLine;
import io.cartwright.events.OrderPlaced;
import io.cartwright.events.StockReleased;
import io.cartwright.events.Topics;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.kafka.outbox.OutboxMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * The outbox's guarantees: an event whose Kafka send fails stays in
 * {@code event_publication} and is sent again by the scheduled resubmission, with the
 * same {@code ce_id}; an event of a transaction that rolls back is never sent. And the
 * reservation expiry runs on its schedule. Its own context (a spied Kafka template, fast
 * schedules, no listener, so that it does not compete with the other tests' listener for
 * order events).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.listener.auto-startup=false", "cartwright.kafka.outbox.resubmit-interval=500ms",
				"cartwright.kafka.outbox.resubmit-older-than=1s",
				"cartwright.catalog.reservation-expiry-interval=500ms" })
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
class OutboxIT {

	@MockitoSpyBean
	KafkaTemplate<?, ?> kafka;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	JsonMapper json;

	@Autowired
	StockReservations reservations;

	@Autowired
	OutboxMetrics outboxMetrics;

	@Autowired
	MeterRegistry meters;

	@Test
	void anEventWhoseSendFailedIsSentAgainLaterWithTheSameId() {
		UUID orderId = UUID.randomUUID();
		AtomicInteger attempts = new AtomicInteger();
		doAnswer((invocation) -> {
			Message<?> message = invocation.getArgument(0);
			if (message.getPayload() instanceof StockReleased released && released.orderId().equals(orderId)
					&& attempts.incrementAndGet() == 1) {
				return CompletableFuture.failedFuture(new KafkaException("broker unavailable"));
			}
			return invocation.callRealMethod();
		}).when(this.kafka).send(any(Message.class));

		this.transactions.executeWithoutResult(
				(status) -> this.events.publishEvent(new StockReleased(orderId, "EXPIRED", Instant.now())));

		await().untilAsserted(() -> assertThat(attempts).hasValueGreaterThanOrEqualTo(1));
		try (KafkaRecords stockEvents = new KafkaRecords(this.consumers, Topics.STOCK_EVENTS)) {
			List<ConsumerRecord<String, byte[]>> records = stockEvents.awaitKey(orderId.toString(),
					(found) -> !found.isEmpty());
			assertThat(attempts).hasValueGreaterThanOrEqualTo(2);
			assertThat(this.json.readValue(records.get(0).value(), StockReleased.class).orderId()).isEqualTo(orderId);
			String ceId = KafkaRecords.header(records.get(0), CloudEventHeaders.ID);
			assertThat(records)
				.allSatisfy((record) -> assertThat(KafkaRecords.header(record, CloudEventHeaders.ID)).isEqualTo(ceId));
		}
		await().untilAsserted(() -> assertThat(publicationsMentioning(orderId)).isZero());
	}

	@Test
	void theOutboxGaugesShowHowManyEventsKafkaHasNotAcknowledgedAndHowLongTheOldestWaited() {
		UUID orderId = UUID.randomUUID();
		AtomicBoolean brokerDown = new AtomicBoolean(true);
		doAnswer((invocation) -> {
			Message<?> message = invocation.getArgument(0);
			if (message.getPayload() instanceof StockReleased released && released.orderId().equals(orderId)
					&& brokerDown.get()) {
				return CompletableFuture.failedFuture(new KafkaException("broker unavailable"));
			}
			return invocation.callRealMethod();
		}).when(this.kafka).send(any(Message.class));

		this.transactions.executeWithoutResult(
				(status) -> this.events.publishEvent(new StockReleased(orderId, "EXPIRED", Instant.now())));

		await().untilAsserted(() -> {
			this.outboxMetrics.refresh();
			assertThat(this.meters.get("cartwright.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(1);
			assertThat(this.meters.get("cartwright.outbox.oldest.age").timeGauge().value(TimeUnit.MILLISECONDS))
				.isGreaterThan(500);
		});
		brokerDown.set(false);
		await().untilAsserted(() -> {
			this.outboxMetrics.refresh();
			assertThat(this.meters.get("cartwright.outbox.pending").gauge().value()).isZero();
			assertThat(this.meters.get("cartwright.outbox.oldest.age").timeGauge().value(TimeUnit.SECONDS)).isZero();
		});
	}

	@Test
	void anEventOfATransactionThatRollsBackIsNeverSent() {
		UUID orderId = UUID.randomUUID();

		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new StockReleased(orderId, "ORDER_REJECTED", Instant.now()));
			status.setRollbackOnly();
		});
		this.transactions.executeWithoutResult(
				(status) -> this.events.publishEvent(new StockReleased(orderId, "ORDER_CANCELLED", Instant.now())));

		try (KafkaRecords stockEvents = new KafkaRecords(this.consumers, Topics.STOCK_EVENTS)) {
			// Same key, same partition: once the second event is there, the first would
			// be too.
			List<ConsumerRecord<String, byte[]>> records = stockEvents.awaitKey(orderId.toString(),
					(found) -> !found.isEmpty());
			assertThat(records)
				.extracting((record) -> this.json.readValue(record.value(), StockReleased.class).reason())
				.containsExactly("ORDER_CANCELLED");
		}
		assertThat(publicationsMentioning(orderId)).isZero();
	}

	@Test
	void expiredReservationsAreReleasedOnTheirSchedule() {
		StockFixtures fixtures = new StockFixtures(this.jdbc);
		String sku = fixtures.sellableVariantWithStock(3);
		OrderPlaced order = new OrderPlaced(UUID.randomUUID(), "c1", UUID.randomUUID(), List.of(new OrderLine(sku, 2)),
				Instant.now());
		this.reservations.reserve(order);
		assertThat(fixtures.reserved(sku)).isEqualTo(2);

		fixtures.expire(order.orderId());

		await().untilAsserted(() -> {
			assertThat(fixtures.reservationStatus(order.orderId())).isEqualTo("RELEASED");
			assertThat(fixtures.reserved(sku)).isZero();
		});
	}

	private int publicationsMentioning(UUID orderId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?",
				Integer.class, "%" + orderId + "%");
	}

}
