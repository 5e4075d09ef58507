package io.cartwright.order.checkout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.cartwright.infra.test.TestTokens;
import io.cartwright.order.CartStub;
import io.cartwright.order.OrderIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP contract of {@code POST /orders}: security, validation, carts, idempotency.
 */
class CheckoutApiIT extends OrderIntegrationTest {

	private static final CartStub carts = CartStub.INSTANCE;

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Value("${local.server.port}")
	int port;

	static String customer() {
		return "c-" + UUID.randomUUID();
	}

	static Map<String, Object> body(UUID cartId, String paymentMethod) {
		Map<String, Object> address = new HashMap<>();
		address.put("name", "Ada Lovelace");
		address.put("line1", "12 St James's Square");
		address.put("postalCode", "SW1Y 4JH");
		address.put("city", "London");
		address.put("country", "GB");
		Map<String, Object> body = new HashMap<>();
		body.put("cartId", cartId.toString());
		body.put("shippingAddress", address);
		body.put("paymentMethod", paymentMethod);
		return body;
	}

	RestTestClient.ResponseSpec checkout(String customerId, String key, Object body) {
		RestTestClient.RequestBodySpec request = this.http.post()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customerId))
			.contentType(MediaType.APPLICATION_JSON);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return request.body(body).exchange();
	}

	@Test
	void placesAPendingOrderFromTheCustomersCartAndAnswers202WithItsLocation() {
		String customer = customer();
		UUID cartId = carts.cart(customer, "ACTIVE", "SKU-A", 2, "SKU-B", 1);

		EntityExchangeResult<byte[]> result = checkout(customer, UUID.randomUUID().toString(), body(cartId, "tok_visa"))
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PENDING")
			.jsonPath("$.customerId")
			.isEqualTo(customer)
			.jsonPath("$.lines.length()")
			.isEqualTo(2)
			.jsonPath("$.lines[0].sku")
			.isEqualTo("SKU-A")
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(2)
			.jsonPath("$.lines[0].unitPrice")
			.doesNotExist()
			.jsonPath("$.total")
			.doesNotExist()
			.jsonPath("$.shippingAddress.country")
			.isEqualTo("GB")
			.jsonPath("$.history[0].status")
			.isEqualTo("PENDING")
			.returnResult();
		String id = this.json.readTree(result.getResponseBodyContent()).get("id").asString();
		assertThat(result.getResponseHeaders().getLocation()).hasToString("/orders/" + id);
		assertThat(this.jdbc.queryForObject("SELECT status FROM orders WHERE id = ?", String.class, id))
			.isEqualTo("PENDING");
		assertThat(this.jdbc.queryForObject("SELECT deadline > placed_at FROM orders WHERE id = ?", Boolean.class, id))
			.isTrue();
	}

	@Test
	void theSameKeyFiveTimesMakesOneOrderAndTheSameResponseEachTime() {
		String customer = customer();
		UUID cartId = carts.cart(customer, "ACTIVE", "SKU-A", 1);
		String key = UUID.randomUUID().toString();
		List<String> bodies = new ArrayList<>();
		List<URI> locations = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			EntityExchangeResult<byte[]> result = checkout(customer, key, body(cartId, "tok_visa")).expectStatus()
				.isAccepted()
				.expectBody()
				.returnResult();
			bodies.add(new String(result.getResponseBodyContent()));
			locations.add(result.getResponseHeaders().getLocation());
		}
		assertThat(bodies).hasSize(5).containsOnly(bodies.get(0));
		assertThat(locations).containsOnly(locations.get(0));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM orders WHERE cart_id = ?", Integer.class,
				cartId.toString()))
			.isOne();
	}

	@Test
	void theSameKeyWithADifferentBodyIs422AndMakesNoOrder() {
		String customer = customer();
		UUID cartId = carts.cart(customer, "ACTIVE", "SKU-A", 1);
		String key = UUID.randomUUID().toString();
		checkout(customer, key, body(cartId, "tok_visa")).expectStatus().isAccepted();

		checkout(customer, key, body(cartId, "tok_declined")).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:idempotency-key-reused");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM orders WHERE cart_id = ?", Integer.class,
				cartId.toString()))
			.isOne();
	}

	@Test
	void keysArePerCustomerSoAnotherCustomersKeyIsNoConflict() {
		String first = customer();
		String second = customer();
		String key = UUID.randomUUID().toString();
		checkout(first, key, body(carts.cart(first, "ACTIVE", "SKU-A", 1), "tok_visa")).expectStatus().isAccepted();
		checkout(second, key, body(carts.cart(second, "ACTIVE", "SKU-A", 1), "tok_visa")).expectStatus().isAccepted();
	}

	@Test
	void theSameKeyWhileTheFirstRequestIsStillRunningIs409() throws Exception {
		String customer = customer();
		UUID cartId = carts.cart(customer, "ACTIVE", "SKU-A", 1);
		String key = UUID.randomUUID().toString();
		CountDownLatch cartAnswers = carts.hold(cartId);
		// Not the common pool: with two cores it has one thread, which the JDK HttpClient
		// of the service needs to complete its call to the cart.
		try (ExecutorService background = Executors.newSingleThreadExecutor()) {
			CompletableFuture<Integer> first = CompletableFuture
				.supplyAsync(() -> checkout(customer, key, body(cartId, "tok_visa")).returnResult(String.class)
					.getStatus()
					.value(), background);
			await().until(() -> this.jdbc.queryForObject(
					"SELECT count(*) FROM idempotency_key WHERE customer_id = ? AND idem_key = ?", Integer.class,
					customer, key) == 1);

			checkout(customer, key, body(cartId, "tok_visa")).expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:idempotency-key-in-use");

			cartAnswers.countDown();
			assertThat(first.get()).isEqualTo(202);
		}
		checkout(customer, key, body(cartId, "tok_visa")).expectStatus().isAccepted();
	}

	@Test
	void theServiceTokenForCartServiceIsFetchedOnceNotPerCustomer() {
		String first = customer();
		checkout(first, UUID.randomUUID().toString(), body(carts.cart(first, "ACTIVE", "SKU-A", 1), "tok_visa"))
			.expectStatus()
			.isAccepted();
		int fetched = carts.tokenRequests();
		for (int i = 0; i < 3; i++) {
			String customer = customer();
			checkout(customer, UUID.randomUUID().toString(),
					body(carts.cart(customer, "ACTIVE", "SKU-A", 1), "tok_visa"))
				.expectStatus()
				.isAccepted();
		}
		assertThat(fetched).isPositive();
		assertThat(carts.tokenRequests()).isEqualTo(fetched);
	}

	@Test
	void aMissingIdempotencyKeyIs400() {
		String customer = customer();
		checkout(customer, null, body(carts.cart(customer, "ACTIVE", "SKU-A", 1), "tok_visa")).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:idempotency-key-required");
	}

	@Test
	void anInvalidBodyIs400WithItsFieldErrors() {
		Map<String, Object> body = body(UUID.randomUUID(), " ");
		body.remove("cartId");
		@SuppressWarnings("unchecked")
		Map<String, Object> address = (Map<String, Object>) body.get("shippingAddress");
		address.put("country", "XX");
		address.put("name", "");

		checkout(customer(), UUID.randomUUID().toString(), body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:validation")
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields)
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
				.containsExactlyInAnyOrder("cartId", "paymentMethod", "shippingAddress.country",
						"shippingAddress.name"));
	}

	@Test
	void withoutATokenIs401AndWithAStaffTokenIs403() {
		this.http.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", "k")
			.body(body(UUID.randomUUID(), "tok_visa"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:unauthorized");
		this.http.post()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("s1"))
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", "k")
			.body(body(UUID.randomUUID(), "tok_visa"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:forbidden");
	}

	@Test
	void anotherCustomersCartIsAnsweredLikeAnUnknownOneAndTheAnswerIsStoredWithTheKey() {
		String customer = customer();
		UUID foreign = carts.cart(customer(), "ACTIVE", "SKU-A", 1);
		String key = UUID.randomUUID().toString();
		String first = checkout(customer, key, body(foreign, "tok_visa")).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String unknown = checkout(customer, UUID.randomUUID().toString(), body(UUID.randomUUID(), "tok_visa"))
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(this.json.readTree(first).get("type").asString())
			.isEqualTo(this.json.readTree(unknown).get("type").asString())
			.isEqualTo("urn:cartwright:problem:unknown-cart");

		assertThat(checkout(customer, key, body(foreign, "tok_visa")).expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).isEqualTo(first);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM orders WHERE cart_id = ?", Integer.class,
				foreign.toString()))
			.isZero();
	}

	@Test
	void aCartWithAnOrderInProgressIsNotOrderedAgainUnderANewKey() {
		String customer = customer();
		UUID cartId = carts.cart(customer, "ACTIVE", "SKU-A", 1);
		checkout(customer, UUID.randomUUID().toString(), body(cartId, "tok_visa")).expectStatus().isAccepted();

		checkout(customer, UUID.randomUUID().toString(), body(cartId, "tok_visa")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:cart-already-ordered");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM orders WHERE cart_id = ?", Integer.class,
				cartId.toString()))
			.isOne();

		this.jdbc.update("UPDATE orders SET status = 'REJECTED' WHERE cart_id = ?", cartId.toString());
		checkout(customer, UUID.randomUUID().toString(), body(cartId, "tok_visa")).expectStatus().isAccepted();
	}

	@Test
	void theDatabaseRefusesASecondOpenOrderOfOneCart() {
		String customer = customer();
		UUID cartId = carts.cart(customer, "ACTIVE", "SKU-A", 1);
		checkout(customer, UUID.randomUUID().toString(), body(cartId, "tok_visa")).expectStatus().isAccepted();
		String copy = """
				INSERT INTO orders (id, customer_id, cart_id, status, ship_name, ship_line1, ship_postal_code, ship_city,
				  ship_country, payment_method, placed_at, deadline, updated_at, version)
				SELECT ?, customer_id, cart_id, 'PENDING', ship_name, ship_line1, ship_postal_code, ship_city,
				  ship_country, payment_method, placed_at, deadline, updated_at, 0 FROM orders WHERE cart_id = ?""";
		assertThatThrownBy(() -> this.jdbc.update(copy, UUID.randomUUID().toString(), cartId.toString()))
			.hasMessageContaining("uk_orders_open_cart");
	}

	@Test
	void aGuestCartAnEmptyCartAndACheckedOutCartAreRefused() {
		String customer = customer();
		checkout(customer, UUID.randomUUID().toString(), body(carts.cart(null, "ACTIVE", "SKU-A", 1), "tok_visa"))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:guest-cart");
		checkout(customer, UUID.randomUUID().toString(), body(carts.cart(customer, "ACTIVE"), "tok_visa"))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:empty-cart");
		checkout(customer, UUID.randomUUID().toString(),
				body(carts.cart(customer, "CHECKED_OUT", "SKU-A", 1), "tok_visa"))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:cart-not-active");
	}

	@Test
	void whenCartServiceFailsTheAnswerIs503AndTheKeyIsReleasedForARetry() throws Exception {
		String customer = customer();
		UUID cartId = carts.cart(customer, "ACTIVE", "SKU-A", 1);
		String key = UUID.randomUUID().toString();
		carts.fail(cartId);

		// A plain client: RestTestClient would retry a 503 with Retry-After by itself.
		HttpResponse<String> down = post(customer, key, body(cartId, "tok_visa"));
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.headers().firstValue(HttpHeaders.RETRY_AFTER)).hasValue("5");
		assertThat(down.headers().firstValue(HttpHeaders.CONTENT_TYPE))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
		assertThat(this.json.readTree(down.body()).get("type").asString())
			.isEqualTo("urn:cartwright:problem:cart-unavailable");

		carts.recover(cartId);
		assertThat(post(customer, key, body(cartId, "tok_visa")).statusCode()).isEqualTo(202);
	}

	private HttpResponse<String> post(String customer, String key, Object body) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/orders"))
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.header("Idempotency-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
