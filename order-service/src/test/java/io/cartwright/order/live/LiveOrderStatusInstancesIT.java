package io.cartwright.order.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.zaxxer.hikari.HikariDataSource;
import io.cartwright.infra.test.SharedInfrastructure;
import io.cartwright.infra.test.TestTokens;
import io.cartwright.order.OrderIntegrationTest;
import io.cartwright.order.order.Order;
import io.cartwright.order.order.OrderRepository;
import io.cartwright.order.order.ShippingAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several order-service instances on one database: the test's own (A), a second one on
 * the same Redis whose streams never poll (B: whatever reaches them came over Redis or
 * from B itself), and one whose Redis is not there at all (C: only its poll can bring
 * other instances' changes).
 */
class LiveOrderStatusInstancesIT extends OrderIntegrationTest {

	private static ConfigurableApplicationContext instanceB;

	private static ConfigurableApplicationContext instanceC;

	@Value("${local.server.port}")
	int port;

	@Autowired
	OrderRepository orders;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	JwtDecoder jwtDecoder;

	@BeforeEach
	void startOtherInstances() throws IOException {
		if (instanceB == null) {
			instanceB = OtherInstance.start(this.dataSource, this.jwtDecoder, SharedInfrastructure.redis().port(),
					"1h");
		}
		if (instanceC == null) {
			instanceC = OtherInstance.start(this.dataSource, this.jwtDecoder, closedPort(), "300ms");
		}
	}

	@AfterAll
	static void stopOtherInstances() {
		if (instanceB != null) {
			instanceB.close();
		}
		if (instanceC != null) {
			instanceC.close();
		}
	}

	@Test
	void aClientOfOneInstanceSeesTheChangesMadeThroughAnother() {
		String customer = LiveOrderStatusIT.customer();
		String token = TestTokens.customer(customer);
		Order order = confirmedOrder(customer);
		String a = "http://127.0.0.1:" + this.port;
		String b = OtherInstance.baseUrl(instanceB);

		try (EventStream onB = EventStream.open(b + "/orders/" + order.id() + "/events", token, null);
				EventStream customerOnB = EventStream.open(b + "/customers/me/orders/events", token, null);
				EventStream onA = EventStream.open(a + "/orders/" + order.id() + "/events", token, null)) {
			assertThat(onB.next().name()).isEqualTo("CONFIRMED");
			assertThat(customerOnB.next().name()).isEqualTo("snapshot");
			assertThat(onA.next().name()).isEqualTo("CONFIRMED");

			// Staff ships through A: B hears of it over Redis (its streams never poll).
			assertThat(post(a + "/admin/orders/" + order.id() + "/ship", TestTokens.staff("s1"))).isEqualTo(200);
			assertThat(onB.next(Duration.ofSeconds(10))).extracting(EventStream.Event::id, EventStream.Event::name)
				.containsExactly("5", "SHIPPED");
			assertThat(customerOnB.next(Duration.ofSeconds(10)).name()).isEqualTo("SHIPPED");
			assertThat(onA.next().name()).isEqualTo("SHIPPED");

			// And delivers through B: A's client hears of it too.
			assertThat(post(b + "/admin/orders/" + order.id() + "/deliver", TestTokens.staff("s1"))).isEqualTo(200);
			assertThat(onA.next(Duration.ofSeconds(10))).extracting(EventStream.Event::id, EventStream.Event::name)
				.containsExactly("6", "DELIVERED");
			assertThat(onB.next(Duration.ofSeconds(10)).name()).isEqualTo("DELIVERED");
			assertThat(customerOnB.next(Duration.ofSeconds(10)).name()).isEqualTo("DELIVERED");
			assertThat(onA.awaitEnd(Duration.ofSeconds(5))).isTrue();
			assertThat(onB.awaitEnd(Duration.ofSeconds(5))).isTrue();
			assertThat(customerOnB.drain(LiveOrderStatusIT.QUIET)).isEmpty();
		}
	}

	@Test
	void withoutRedisAnInstanceStillDeliversEveryChangeByPollingMySql() {
		String customer = LiveOrderStatusIT.customer();
		String token = TestTokens.customer(customer);
		Order order = confirmedOrder(customer);
		String a = "http://127.0.0.1:" + this.port;
		String c = OtherInstance.baseUrl(instanceC);

		try (EventStream onC = EventStream.open(c + "/orders/" + order.id() + "/events", token, null);
				EventStream customerOnC = EventStream.open(c + "/customers/me/orders/events", token, null)) {
			assertThat(onC.next().name()).isEqualTo("CONFIRMED");
			assertThat(customerOnC.next().name()).isEqualTo("snapshot");

			assertThat(post(a + "/admin/orders/" + order.id() + "/ship", TestTokens.staff("s1"))).isEqualTo(200);
			assertThat(onC.next(Duration.ofSeconds(10)).name()).isEqualTo("SHIPPED");
			assertThat(customerOnC.next(Duration.ofSeconds(10)).name()).isEqualTo("SHIPPED");

			// A change C makes itself reaches its own streams at once, Redis or not.
			assertThat(post(c + "/admin/orders/" + order.id() + "/deliver", TestTokens.staff("s1"))).isEqualTo(200);
			assertThat(onC.next(Duration.ofSeconds(10))).extracting(EventStream.Event::id, EventStream.Event::name)
				.containsExactly("6", "DELIVERED");
			assertThat(customerOnC.next(Duration.ofSeconds(10)).name()).isEqualTo("DELIVERED");
			assertThat(customerOnC.drain(LiveOrderStatusIT.QUIET)).isEmpty();
		}
	}

	private Order confirmedOrder(String customer) {
		Instant now = LiveOrderStatusIT.now();
		Order order = this.orders.save(Order.place(UUID.randomUUID(), customer, UUID.randomUUID(), Map.of("SKU-A", 1),
				new ShippingAddress("Ada", "1 Main St", null, "1000", "Brussels", "BE"), "tok_visa", now,
				now.plus(Duration.ofMinutes(5))));
		change(order.id(), (o) -> {
			o.stockReserved(LiveOrderStatusIT.prices(), LiveOrderStatusIT.now());
			o.paymentAuthorized("sim_auth_" + o.id(), LiveOrderStatusIT.now());
			o.confirm(LiveOrderStatusIT.now());
		});
		return order;
	}

	private void change(UUID orderId, Consumer<Order> change) {
		this.transactions.executeWithoutResult((status) -> change.accept(this.orders.findById(orderId).orElseThrow()));
	}

	private static int post(String url, String token) {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client
				.send(HttpRequest.newBuilder(URI.create(url))
					.header("Authorization", "Bearer " + token)
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A port nothing listens on: a Redis that is down. */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
