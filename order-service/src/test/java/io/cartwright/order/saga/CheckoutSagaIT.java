package io.cartwright.order.saga;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cartwright.events.CloudEventHeaders;
import io.cartwright.events.Money;
import io.cartwright.events.OrderCancelled;
import io.cartwright.events.OrderConfirmed;
import io.cartwright.events.OrderLine;
import io.cartwright.events.OrderPlaced;
import io.cartwright.events.OrderRejected;
import io.cartwright.events.StockLevelChanged;
import io.cartwright.events.StockReserved;
import io.cartwright.events.Topics;
import io.cartwright.infra.test.TestTokens;
import io.cartwright.order.CartStub;
import io.cartwright.order.Catalog;
import io.cartwright.order.KafkaRecords;
import io.cartwright.order.OrderIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The checkout saga over the real broker, with the catalog played by the test: it reads
 * {@code OrderPlaced} and answers on {@code catalog.stock-events}; what the service sends
 * is read back as a consumer would.
 */
class CheckoutSagaIT extends OrderIntegrationTest {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	ApplicationContext context;

	Catalog catalog() {
		return new Catalog(this.kafka, this.consumers, this.json);
	}

	@Test
	void aReservedOrderIsPricedByTheCatalogPaidAndConfirmedAndOrderConfirmedIsPublished() {
		String customer = "c-" + UUID.randomUUID();
		UUID cartId = CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-A", 2, "SKU-B", 1);
		UUID orderId = place(customer, cartId, "tok_visa");

		OrderPlaced placed = catalog().awaitPlaced(orderId);
		assertThat(placed.customerId()).isEqualTo(customer);
		assertThat(placed.cartId()).isEqualTo(cartId);
		assertThat(placed.lines()).containsExactly(new OrderLine("SKU-A", 2), new OrderLine("SKU-B", 1));
		catalog().reserve(placed, 1250);

		awaitStatus(customer, orderId, "CONFIRMED");
		order(customer, orderId).jsonPath("$.total.amount")
			.isEqualTo(3750)
			.jsonPath("$.total.currency")
			.isEqualTo("EUR")
			.jsonPath("$.lines[0].unitPrice.amount")
			.isEqualTo(1250)
			.jsonPath("$.lines[0].lineTotal.amount")
			.isEqualTo(2500)
			.jsonPath("$.lines[0].name")
			.isEqualTo("Product SKU-A")
			.jsonPath("$.history[*].status")
			.isEqualTo(List.of("PENDING", "RESERVED", "AUTHORIZED", "CONFIRMED"));
		ConsumerRecord<String, byte[]> record = awaitEvent(orderId, OrderConfirmed.TYPE);
		assertThat(record.headers()).extracting(Header::key)
			.containsExactlyInAnyOrder(CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
					CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.SPEC_VERSION,
					CloudEventHeaders.CONTENT_TYPE, "traceparent");
		assertThat(KafkaRecords.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/cartwright/order-service");
		assertThat(KafkaRecords.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(orderId.toString());
		OrderConfirmed confirmed = this.json.readValue(record.value(), OrderConfirmed.class);
		assertThat(confirmed.total()).isEqualTo(new Money(3750, "EUR"));
		assertThat(confirmed.customerId()).isEqualTo(customer);
		assertThat(confirmed.cartId()).isEqualTo(cartId);
		assertThat(confirmed.lines()).containsExactly(new OrderLine("SKU-A", 2), new OrderLine("SKU-B", 1));
		await().untilAsserted(() -> {
			assertThat(this.meters.get("cartwright.orders.placed").counter().count()).isPositive();
			assertThat(this.meters.get("cartwright.orders.confirmed").counter().count()).isPositive();
			assertThat(this.meters.get("cartwright.orders.saga.duration").tag("outcome", "confirmed").timer().count())
				.isPositive();
		});
	}

	@Test
	void refusedStockRejectsTheOrderWithTheReasonPerSkuAndPublishesOrderRejected() {
		String customer = "c-" + UUID.randomUUID();
		UUID orderId = place(customer, CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-A", 3), "tok_visa");

		catalog().reject(catalog().awaitPlaced(orderId));

		awaitStatus(customer, orderId, "REJECTED");
		order(customer, orderId).jsonPath("$.history[1].reason")
			.isEqualTo("SKU-A: INSUFFICIENT_STOCK (requested 3, available 1)");
		assertThat(this.json.readValue(awaitEvent(orderId, OrderRejected.TYPE).value(), OrderRejected.class).reason())
			.isEqualTo("STOCK_REJECTED");
	}

	@Test
	void aDeclinedPaymentFailsTheOrderAndPublishesOrderCancelledSoTheStockIsReleased() {
		String customer = "c-" + UUID.randomUUID();
		UUID orderId = place(customer, CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-A", 1), "tok_declined");

		catalog().reserve(catalog().awaitPlaced(orderId), 999);

		awaitStatus(customer, orderId, "PAYMENT_FAILED");
		order(customer, orderId).jsonPath("$.history[2].reason").isEqualTo("card_declined");
		assertThat(this.json.readValue(awaitEvent(orderId, OrderCancelled.TYPE).value(), OrderCancelled.class).reason())
			.isEqualTo("PAYMENT_FAILED");
	}

	/**
	 * What a bus refresh does in every instance: the environment changes, Spring Cloud
	 * rebinds the simulator's settings, and the next payment meets the new limit.
	 */
	@Test
	void aPaymentLimitLoweredByARefreshDeclinesTheNextPaymentWithoutARestart() {
		String changed = "payment-limit-refresh";
		String key = "cartwright.payment.simulator.max-amount";
		try {
			this.environment.getPropertySources().addFirst(new MapPropertySource(changed, Map.of(key, "500")));
			this.context.publishEvent(new EnvironmentChangeEvent(this.context, Set.of(key)));

			String customer = "c-" + UUID.randomUUID();
			UUID orderId = place(customer, CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-A", 1), "tok_visa");
			catalog().reserve(catalog().awaitPlaced(orderId), 999);

			awaitStatus(customer, orderId, "PAYMENT_FAILED");
			order(customer, orderId).jsonPath("$.history[2].reason").isEqualTo("amount_limit_exceeded");
		}
		finally {
			this.environment.getPropertySources().remove(changed);
			this.context.publishEvent(new EnvironmentChangeEvent(this.context, Set.of(key)));
		}
	}

	@Test
	void anOrderWithoutAnAnswerBeforeItsDeadlineIsRejectedAndOrderRejectedIsPublished() {
		String customer = "c-" + UUID.randomUUID();
		UUID orderId = place(customer, CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-A", 1), "tok_visa");
		catalog().awaitPlaced(orderId);

		passDeadline(orderId);

		awaitStatus(customer, orderId, "REJECTED");
		order(customer, orderId).jsonPath("$.history[1].reason").isEqualTo("TIMED_OUT");
		assertThat(this.json.readValue(awaitEvent(orderId, OrderRejected.TYPE).value(), OrderRejected.class).reason())
			.isEqualTo("TIMED_OUT");
	}

	@Test
	void aPaymentProviderThatDoesNotAnswerLeavesTheOrderReservedUntilTheDeadlineRejectsIt() {
		String customer = "c-" + UUID.randomUUID();
		UUID orderId = place(customer, CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-A", 1), "tok_timeout");
		catalog().reserve(catalog().awaitPlaced(orderId), 500);
		awaitStatus(customer, orderId, "RESERVED");

		passDeadline(orderId);

		awaitStatus(customer, orderId, "REJECTED");
		assertThat(this.json.readValue(awaitEvent(orderId, OrderRejected.TYPE).value(), OrderRejected.class).reason())
			.isEqualTo("TIMED_OUT");
	}

	@Test
	void aRepeatedEventIsAppliedOnceAndALateAnswerIsIgnored() {
		String customer = "c-" + UUID.randomUUID();
		UUID orderId = place(customer, CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-A", 1), "tok_visa");
		OrderPlaced placed = catalog().awaitPlaced(orderId);
		StockReserved reserved = new StockReserved(orderId,
				List.of(new StockReserved.Line("SKU-A", 1, new Money(700, "EUR"), "Product SKU-A")),
				Instant.now().plusSeconds(900), Instant.now());
		String eventId = UUID.randomUUID().toString();
		catalog().send(eventId, StockReserved.TYPE, orderId.toString(), this.json.writeValueAsBytes(reserved));
		catalog().send(eventId, StockReserved.TYPE, orderId.toString(), this.json.writeValueAsBytes(reserved));
		awaitStatus(customer, orderId, "CONFIRMED");

		String lateReserved = catalog().reserve(placed, 1);
		String lateRejected = catalog().reject(placed);

		await().untilAsserted(() -> assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id IN (?, ?)", Integer.class,
						lateReserved, lateRejected))
			.isEqualTo(2));
		try (KafkaRecords orderEvents = new KafkaRecords(this.consumers, Topics.ORDER_EVENTS)) {
			List<String> types = orderEvents.readFor(Duration.ofSeconds(3), orderId.toString())
				.stream()
				.map((record) -> KafkaRecords.header(record, CloudEventHeaders.TYPE))
				.toList();
			assertThat(types).containsExactly(OrderPlaced.TYPE, OrderConfirmed.TYPE);
		}
		order(customer, orderId).jsonPath("$.status")
			.isEqualTo("CONFIRMED")
			.jsonPath("$.total.amount")
			.isEqualTo(700)
			.jsonPath("$.history.length()")
			.isEqualTo(4);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id = ?", Integer.class,
				eventId))
			.isOne();
	}

	@Test
	void aCustomerCancelsAConfirmedOrderAndOrderCancelledIsPublishedButNotOnceItShipped() {
		String customer = "c-" + UUID.randomUUID();
		UUID cancelled = confirmedOrder(customer);
		UUID shipped = confirmedOrder(customer);

		this.http.post()
			.uri("/orders/{id}/cancel", cancelled)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CANCELLED")
			.jsonPath("$.history[4].reason")
			.isEqualTo("CUSTOMER_REQUEST");
		assertThat(
				this.json.readValue(awaitEvent(cancelled, OrderCancelled.TYPE).value(), OrderCancelled.class).reason())
			.isEqualTo("CUSTOMER_REQUEST");

		this.http.post()
			.uri("/admin/orders/{id}/ship", shipped)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("s1"))
			.exchange()
			.expectStatus()
			.isOk();
		this.http.post()
			.uri("/orders/{id}/cancel", shipped)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:illegal-order-transition");
		order(customer, shipped).jsonPath("$.status").isEqualTo("SHIPPED");
	}

	@Test
	void poisonOnTheStockTopicGoesToTheDeadLetterTopicAtOnceAndStockLevelChangesAreSkipped() {
		String badJson = UUID.randomUUID().toString();
		String unknownType = UUID.randomUUID().toString();
		String missingFields = UUID.randomUUID().toString();
		String levelChanged = "SKU-" + UUID.randomUUID();
		catalog().send(UUID.randomUUID().toString(), StockReserved.TYPE, badJson,
				"{not json".getBytes(StandardCharsets.UTF_8));
		catalog().send(UUID.randomUUID().toString(), "io.cartwright.catalog.stock.teleported.v1", unknownType,
				"{}".getBytes(StandardCharsets.UTF_8));
		catalog().send(UUID.randomUUID().toString(), StockReserved.TYPE, missingFields,
				"{\"lines\":[]}".getBytes(StandardCharsets.UTF_8));
		catalog().send(UUID.randomUUID().toString(), StockLevelChanged.TYPE, levelChanged,
				this.json.writeValueAsBytes(new StockLevelChanged(levelChanged, 4, Instant.now())));
		String customer = "c-" + UUID.randomUUID();
		UUID orderId = place(customer, CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-A", 1), "tok_visa");
		catalog().reserve(catalog().awaitPlaced(orderId), 100);

		try (KafkaRecords deadLetters = new KafkaRecords(this.consumers, Topics.deadLetter(Topics.STOCK_EVENTS))) {
			for (String key : List.of(badJson, unknownType, missingFields)) {
				ConsumerRecord<String, byte[]> dead = deadLetters.awaitKey(key, (records) -> !records.isEmpty()).get(0);
				assertThat(KafkaRecords.header(dead, "kafka_dlt-exception-cause-fqcn"))
					.isEqualTo("io.cartwright.kafka.listener.PoisonMessageException");
			}
			awaitStatus(customer, orderId, "CONFIRMED");
			assertThat(deadLetters.readFor(Duration.ofSeconds(1), levelChanged)).isEmpty();
		}
	}

	@Test
	void staffShippingAndDeliveringAreAuditedAndOnlyStaffReadTheTrail() {
		String customer = "c-" + UUID.randomUUID();
		String staff = "staff-" + UUID.randomUUID();
		UUID orderId = confirmedOrder(customer);
		for (String move : List.of("ship", "deliver")) {
			this.http.post()
				.uri("/admin/orders/{id}/" + move, orderId)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff(staff))
				.header("X-Forwarded-For", "192.0.2.10")
				.exchange()
				.expectStatus()
				.isOk();
		}
		this.http.post()
			.uri("/admin/orders/{id}/ship", orderId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
			.exchange()
			.expectStatus()
			.isForbidden();

		this.http.get()
			.uri("/admin/audit?entityType=order&entityId={id}", orderId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("auditor"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.page.totalElements")
			.isEqualTo(2)
			.jsonPath("$.content[*].action")
			.isEqualTo(List.of("ORDER_DELIVERED", "ORDER_SHIPPED"))
			.jsonPath("$.content[0].actor")
			.isEqualTo(staff)
			.jsonPath("$.content[0].clientAddress")
			.isEqualTo("192.0.2.10")
			.jsonPath("$.content[0].before.status")
			.isEqualTo("SHIPPED")
			.jsonPath("$.content[0].after.status")
			.isEqualTo("DELIVERED")
			.jsonPath("$.content[1].before.status")
			.isEqualTo("CONFIRMED");
		this.http.get()
			.uri("/admin/audit?actor={customer}&action=ACCESS_DENIED", customer)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("auditor"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[0].details.status")
			.isEqualTo(403)
			.jsonPath("$.content[0].details.path")
			.isEqualTo("/admin/orders/" + orderId + "/ship");
		this.http.get()
			.uri("/admin/audit")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private UUID confirmedOrder(String customer) {
		UUID orderId = place(customer, CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-A", 1), "tok_visa");
		catalog().reserve(catalog().awaitPlaced(orderId), 1000);
		awaitStatus(customer, orderId, "CONFIRMED");
		return orderId;
	}

	private UUID place(String customer, UUID cartId, String paymentMethod) {
		Map<String, Object> address = new HashMap<>();
		address.put("name", "Grace Hopper");
		address.put("line1", "1 Navy Way");
		address.put("postalCode", "10001");
		address.put("city", "New York");
		address.put("country", "US");
		byte[] body = this.http.post()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("cartId", cartId.toString(), "shippingAddress", address, "paymentMethod", paymentMethod))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		return UUID.fromString(this.json.readTree(body).get("id").asString());
	}

	private void passDeadline(UUID orderId) {
		this.jdbc.update("UPDATE orders SET deadline = ? WHERE id = ?",
				LocalDateTime.ofInstant(Instant.now().minusSeconds(60), ZoneOffset.UTC), orderId.toString());
	}

	private void awaitStatus(String customer, UUID orderId, String status) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> order(customer, orderId).jsonPath("$.status").isEqualTo(status));
	}

	private RestTestClient.BodyContentSpec order(String customer, UUID orderId) {
		return this.http.get()
			.uri("/orders/{id}", orderId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private ConsumerRecord<String, byte[]> awaitEvent(UUID orderId, String type) {
		try (KafkaRecords orderEvents = new KafkaRecords(this.consumers, Topics.ORDER_EVENTS)) {
			return orderEvents
				.awaitKey(orderId.toString(),
						(records) -> records.stream()
							.anyMatch((record) -> type.equals(KafkaRecords.header(record, CloudEventHeaders.TYPE))))
				.stream()
				.filter((record) -> type.equals(KafkaRecords.header(record, CloudEventHeaders.TYPE)))
				.findFirst()
				.orElseThrow();
		}
	}

}
