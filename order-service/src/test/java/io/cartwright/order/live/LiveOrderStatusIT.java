package io.cartwright.order.live;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.cartwright.events.OrderPlaced;
import io.cartwright.infra.test.TestTokens;
import io.cartwright.order.CartStub;
import io.cartwright.order.Catalog;
import io.cartwright.order.OrderIntegrationTest;
import io.cartwright.order.order.Order;
import io.cartwright.order.order.OrderRepository;
import io.cartwright.order.order.ShippingAddress;
import io.cartwright.order.pricing.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live status streams over real HTTP, against the embedded MariaDB, Redis and Kafka:
 * what a client gets first, in which order, after a reconnect, and what it may not open.
 */
class LiveOrderStatusIT extends OrderIntegrationTest {

	static final Duration QUIET = Duration.ofMillis(700);

	@Value("${local.server.port}")
	int port;

	@Autowired
	OrderRepository orders;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	RestTestClient http;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Test
	void anOrderStreamSendsTheCurrentStatusAtOnceThenEveryChangeInOrderAndEndsAfterTheLast() {
		String customer = customer();
		Order order = place(customer);
		String token = TestTokens.customer(customer);

		try (EventStream stream = EventStream.open(orderEvents(order.id()), token, null)) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.header("Content-Type")).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
			assertThat(stream.header("X-Accel-Buffering")).isEqualTo("no");
			EventStream.Event pending = stream.next();
			assertThat(pending.id()).isEqualTo("1");
			assertThat(pending.name()).isEqualTo("PENDING");
			JsonNode data = pending.json();
			assertThat(data.get("orderId").asString()).isEqualTo(order.id().toString());
			assertThat(data.get("sequence").asInt()).isEqualTo(1);
			assertThat(data.get("status").asString()).isEqualTo("PENDING");
			assertThat(data.get("terminal").asBoolean()).isFalse();
			assertThat(data.has("position")).isFalse();
			assertThat(data.get("at").asString()).isNotBlank();
			assertThat(data.get("order").get("itemCount").asInt()).isEqualTo(3);
			assertThat(data.get("order").get("total").isNull()).isTrue();
			assertThat(stream.retry()).isEqualTo(3000L);

			change(order.id(), (o) -> o.stockReserved(prices(), now()));
			EventStream.Event reserved = stream.next();
			assertThat(reserved.id()).isEqualTo("2");
			assertThat(reserved.name()).isEqualTo("RESERVED");
			assertThat(reserved.json().get("order").get("total").get("amount").asLong()).isEqualTo(1350);

			change(order.id(), (o) -> {
				o.paymentAuthorized("sim_auth_" + o.id(), now());
				o.confirm(now());
			});
			assertThat(stream.next(2)).extracting(EventStream.Event::id, EventStream.Event::name)
				.containsExactly(tuple("3", "AUTHORIZED"), tuple("4", "CONFIRMED"));
			// CONFIRMED is not the end: shipping, delivery or a cancellation follow.
			assertThat(stream.awaitEnd(QUIET)).isFalse();

			change(order.id(), (o) -> o.ship(now()));
			change(order.id(), (o) -> o.deliver(now()));
			List<EventStream.Event> last = stream.next(2);
			assertThat(last).extracting(EventStream.Event::id, EventStream.Event::name)
				.containsExactly(tuple("5", "SHIPPED"), tuple("6", "DELIVERED"));
			assertThat(last.get(1).json().get("terminal").asBoolean()).isTrue();
			assertThat(stream.awaitEnd(Duration.ofSeconds(5))).isTrue();
		}
	}

	@Test
	void theStreamEndsAfterATerminalStatusAndAReconnectAfterItIsTold204() {
		String customer = customer();
		Order order = place(customer);
		String token = TestTokens.customer(customer);
		try (EventStream stream = EventStream.open(orderEvents(order.id()), token, null)) {
			assertThat(stream.next().name()).isEqualTo("PENDING");
			change(order.id(), (o) -> o.stockRejected("SKU-A: INSUFFICIENT_STOCK (requested 2, available 1)", now()));
			EventStream.Event rejected = stream.next();
			assertThat(rejected.name()).isEqualTo("REJECTED");
			assertThat(rejected.json().get("reason").asString()).contains("INSUFFICIENT_STOCK");
			assertThat(rejected.json().get("terminal").asBoolean()).isTrue();
			assertThat(stream.awaitEnd(Duration.ofSeconds(5))).isTrue();
		}
		try (EventStream again = EventStream.open(orderEvents(order.id()), token, "2")) {
			assertThat(again.status()).isEqualTo(204);
		}
		// A client that never saw the end gets it, and the stream ends.
		try (EventStream late = EventStream.open(orderEvents(order.id()), token, "1")) {
			assertThat(late.next().name()).isEqualTo("REJECTED");
			assertThat(late.awaitEnd(Duration.ofSeconds(5))).isTrue();
		}
	}

	@Test
	void reconnectingWithLastEventIdReplaysExactlyTheMissedEntries() {
		String customer = customer();
		Order order = place(customer);
		change(order.id(), (o) -> {
			o.stockReserved(prices(), now());
			o.paymentAuthorized("sim_auth_" + o.id(), now());
			o.confirm(now());
		});
		String token = TestTokens.customer(customer);

		try (EventStream stream = EventStream.open(orderEvents(order.id()), token, "1")) {
			assertThat(stream.next(3)).extracting(EventStream.Event::id).containsExactly("2", "3", "4");
			assertThat(stream.drain(QUIET)).isEmpty();
		}
		// Missed while disconnected:
		change(order.id(), (o) -> o.ship(now()));
		try (EventStream stream = EventStream.open(orderEvents(order.id()), token, "4")) {
			assertThat(stream.next()).extracting(EventStream.Event::id, EventStream.Event::name)
				.containsExactly("5", "SHIPPED");
			assertThat(stream.drain(QUIET)).isEmpty();
		}
		// For clients that cannot set headers, the same as a query parameter.
		try (EventStream stream = EventStream.open(orderEvents(order.id()) + "?lastEventId=3", token, null)) {
			assertThat(stream.next(2)).extracting(EventStream.Event::id).containsExactly("4", "5");
		}
		try (EventStream stream = EventStream.open(orderEvents(order.id()), token, "five")) {
			assertThat(stream.status()).isEqualTo(400);
			assertThat(stream.problem().get("type").asString())
				.isEqualTo("urn:cartwright:problem:invalid-last-event-id");
		}
	}

	@Test
	void anotherCustomerGets404AndWithoutATokenItIs401() {
		Order order = place(customer());
		try (EventStream other = EventStream.open(orderEvents(order.id()), TestTokens.customer(customer()), null)) {
			assertThat(other.status()).isEqualTo(404);
			assertThat(other.header("Content-Type")).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(other.problem().get("type").asString()).isEqualTo("urn:cartwright:problem:not-found");
		}
		try (EventStream unknown = EventStream.open(orderEvents(UUID.randomUUID()), TestTokens.customer(customer()),
				null)) {
			assertThat(unknown.status()).isEqualTo(404);
		}
		try (EventStream anonymous = EventStream.open(orderEvents(order.id()), null, null)) {
			assertThat(anonymous.status()).isEqualTo(401);
			assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
		}
		try (EventStream anonymous = EventStream.open(customerEvents(), null, null)) {
			assertThat(anonymous.status()).isEqualTo(401);
		}
		try (EventStream staff = EventStream.open(customerEvents(), TestTokens.staff("s1"), null)) {
			assertThat(staff.status()).isEqualTo(403);
		}
	}

	@Test
	void aCustomerMayHaveOnlySoManyStreamsOpenAndAnotherCustomerIsNotAffected() {
		String customer = customer();
		String token = TestTokens.customer(customer);
		Order order = place(customer);
		List<EventStream> open = new ArrayList<>();
		try {
			open.add(EventStream.open(orderEvents(order.id()), token, null));
			for (int i = 0; i < 4; i++) {
				open.add(EventStream.open(customerEvents(), token, null));
			}
			assertThat(open).extracting(EventStream::status).containsOnly(200);

			try (EventStream refused = EventStream.open(customerEvents(), token, null)) {
				assertThat(refused.status()).isEqualTo(429);
				assertThat(refused.header(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
				assertThat(refused.problem().get("type").asString())
					.isEqualTo("urn:cartwright:problem:too-many-streams");
			}
			try (EventStream someoneElse = EventStream.open(customerEvents(), TestTokens.customer(customer()), null)) {
				assertThat(someoneElse.status()).isEqualTo(200);
			}

			// The order's stream ends with the order, which frees its place.
			change(order.id(), (o) -> o.cancel("CUSTOMER_REQUEST", now()));
			assertThat(open.get(0).awaitEnd(Duration.ofSeconds(5))).isTrue();
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				try (EventStream again = EventStream.open(customerEvents(), token, null)) {
					assertThat(again.status()).isEqualTo(200);
				}
			});
		}
		finally {
			open.forEach(EventStream::close);
		}
	}

	@Test
	void theCustomerStreamStartsWithASnapshotOfTheOpenOrdersAndThenFollowsEveryOrderInFeedOrder() {
		String customer = customer();
		String token = TestTokens.customer(customer);
		Order confirmed = place(customer);
		change(confirmed.id(), (o) -> {
			o.stockReserved(prices(), now());
			o.paymentAuthorized("sim_auth_" + o.id(), now());
			o.confirm(now());
		});
		Order rejected = place(customer);
		change(rejected.id(), (o) -> o.stockRejected("STOCK_REJECTED", now()));
		place(customer());

		long snapshotId;
		try (EventStream stream = EventStream.open(customerEvents(), token, null)) {
			EventStream.Event snapshot = stream.next();
			assertThat(snapshot.name()).isEqualTo("snapshot");
			snapshotId = snapshot.numericId();
			// PENDING, RESERVED, AUTHORIZED, CONFIRMED; PENDING, REJECTED
			assertThat(snapshotId).isEqualTo(6);
			JsonNode data = snapshot.json();
			assertThat(data.get("position").asLong()).isEqualTo(6);
			assertThat(data.get("orders")).hasSize(1);
			assertThat(data.get("orders").get(0).get("orderId").asString()).isEqualTo(confirmed.id().toString());
			assertThat(data.get("orders").get(0).get("status").asString()).isEqualTo("CONFIRMED");
			assertThat(data.get("orders").get(0).get("position").asLong()).isEqualTo(4);

			Order placedNow = place(customer);
			change(confirmed.id(), (o) -> o.ship(now()));
			List<EventStream.Event> next = stream.next(2);
			assertThat(next).extracting(EventStream.Event::id, EventStream.Event::name)
				.containsExactly(tuple("7", "PENDING"), tuple("8", "SHIPPED"));
			assertThat(next.get(0).json().get("orderId").asString()).isEqualTo(placedNow.id().toString());
			assertThat(next.get(0).json().get("sequence").asInt()).isEqualTo(1);
			assertThat(next.get(1).json().get("orderId").asString()).isEqualTo(confirmed.id().toString());
			assertThat(next.get(1).json().get("sequence").asInt()).isEqualTo(5);
			assertThat(next.get(1).json().get("position").asLong()).isEqualTo(8);
		}
		try (EventStream stream = EventStream.open(customerEvents(), token, Long.toString(snapshotId))) {
			assertThat(stream.next(2)).extracting(EventStream.Event::id).containsExactly("7", "8");
			assertThat(stream.drain(QUIET)).isEmpty();
		}
	}

	@Test
	void aStreamClosesWhenItsTokenExpiresSoThatTheClientComesBackWithAFreshOne() {
		String customer = customer();
		Order order = place(customer);
		String shortLived = TestTokens.token(customer, Duration.ofSeconds(3), "CUSTOMER");
		try (EventStream stream = EventStream.open(orderEvents(order.id()), shortLived, null)) {
			assertThat(stream.next().name()).isEqualTo("PENDING");
			assertThat(stream.awaitEnd(Duration.ofSeconds(10))).isTrue();
		}
	}

	@Test
	void aClientConnectedBeforeCheckoutSeesEveryStatusUpToConfirmedInOrder() {
		String customer = customer();
		String token = TestTokens.customer(customer);
		try (EventStream stream = EventStream.open(customerEvents(), token, null)) {
			EventStream.Event snapshot = stream.next();
			assertThat(snapshot.name()).isEqualTo("snapshot");
			assertThat(snapshot.json().get("orders")).isEmpty();

			UUID cartId = CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-A", 2, "SKU-B", 1);
			UUID orderId = checkout(customer, cartId);
			Catalog catalog = new Catalog(this.kafka, this.consumers, this.json);
			OrderPlaced placed = catalog.awaitPlaced(orderId);
			catalog.reserve(placed, 500);

			List<EventStream.Event> events = stream.next(4);
			assertThat(events).extracting(EventStream.Event::name)
				.containsExactly("PENDING", "RESERVED", "AUTHORIZED", "CONFIRMED");
			assertThat(events).extracting(EventStream.Event::numericId).containsExactly(1L, 2L, 3L, 4L);
			assertThat(events).allSatisfy(
					(event) -> assertThat(event.json().get("orderId").asString()).isEqualTo(orderId.toString()));
			assertThat(events.get(3).json().get("order").get("total").get("amount").asLong()).isEqualTo(1500);

			// The order's own stream replays the same history from the start.
			try (EventStream replay = EventStream.open(orderEvents(orderId), token, "0")) {
				assertThat(replay.next(4)).extracting(EventStream.Event::name)
					.containsExactly("PENDING", "RESERVED", "AUTHORIZED", "CONFIRMED");
			}
		}
	}

	private String orderEvents(UUID orderId) {
		return "http://127.0.0.1:" + this.port + "/orders/" + orderId + "/events";
	}

	private String customerEvents() {
		return "http://127.0.0.1:" + this.port + "/customers/me/orders/events";
	}

	private Order place(String customer) {
		Instant now = now();
		return this.orders.save(Order.place(UUID.randomUUID(), customer, UUID.randomUUID(),
				Map.of("SKU-A", 2, "SKU-B", 1), new ShippingAddress("Ada", "1 Main St", null, "1000", "Brussels", "BE"),
				"tok_visa", now, now.plus(Duration.ofMinutes(5))));
	}

	/** Changes an order in a transaction of its own, as the saga or a request would. */
	private void change(UUID orderId, Consumer<Order> change) {
		this.transactions.executeWithoutResult((status) -> change.accept(this.orders.findById(orderId).orElseThrow()));
	}

	private UUID checkout(String customer, UUID cartId) {
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
			.body(Map.of("cartId", cartId.toString(), "shippingAddress", address, "paymentMethod", "tok_visa"))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return UUID.fromString(this.json.readTree(body).get("id").asString());
	}

	static Map<String, Order.PricedSku> prices() {
		return Map.of("SKU-A", new Order.PricedSku(new Money(450, "EUR"), "Mug"), "SKU-B",
				new Order.PricedSku(new Money(450, "EUR"), "Plate"));
	}

	static String customer() {
		return "c-" + UUID.randomUUID();
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
