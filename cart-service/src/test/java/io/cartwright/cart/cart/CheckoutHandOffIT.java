package io.cartwright.cart.cart;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.cart.support.CartIntegrationTest;
import io.cartwright.events.Money;
import io.cartwright.events.OrderConfirmed;
import io.cartwright.events.OrderLine;
import io.cartwright.events.Topics;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** order-service reads a cart at checkout; a confirmed order checks the cart out. */
class CheckoutHandOffIT extends CartIntegrationTest {

	private static final String SERVICE_TOKEN = TestTokens.token("order-service", Duration.ofMinutes(5), "SERVICE");

	@Test
	void orderServiceReadsTheCartThroughTheInternalEndpoint() {
		String sku = sku("OUT");
		catalog.variant(sku, 400, 10);
		String customer = customer();
		String token = TestTokens.customer(customer);
		String cart = get("/carts/me", token).returnResult(Map.class).getResponseBody().get("id").toString();
		add(cart, sku, 3, token).expectStatus().isOk();

		get("/internal/carts/" + cart, SERVICE_TOKEN).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(cart)
			.jsonPath("$.customerId")
			.isEqualTo(customer)
			.jsonPath("$.status")
			.isEqualTo("ACTIVE")
			.jsonPath("$.lines[0].sku")
			.isEqualTo(sku)
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(3)
			.jsonPath("$.lines[0].unitPrice")
			.doesNotExist();
		get("/internal/carts/" + cart, TestTokens.client("order-service", "cart.internal")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(3);
		get("/internal/carts/" + UUID.randomUUID(), SERVICE_TOKEN).expectStatus().isNotFound();
	}

	@Test
	void customersAndAnonymousCallersCannotUseTheInternalEndpoint() {
		UUID cart = createGuestCart();
		get("/internal/carts/" + cart, TestTokens.customer(customer())).expectStatus().isForbidden();
		get("/internal/carts/" + cart, TestTokens.staff("staff-1")).expectStatus().isForbidden();
		get("/internal/carts/" + cart, TestTokens.client("other-service", "orders.read")).expectStatus().isForbidden();
		get("/internal/carts/" + cart, null).expectStatus().isUnauthorized();
	}

	@Test
	void aConfirmedOrderChecksTheCartOutAndTheCustomerGetsAFreshOne() throws Exception {
		String sku = sku("BUY");
		catalog.variant(sku, 400, 10);
		String customer = customer();
		String token = TestTokens.customer(customer);
		String cart = get("/carts/me", token).returnResult(Map.class).getResponseBody().get("id").toString();
		add(cart, sku, 1, token).expectStatus().isOk();
		UUID order = UUID.randomUUID();

		publish(Topics.ORDER_EVENTS, order.toString(), UUID.randomUUID().toString(), OrderConfirmed.TYPE,
				new OrderConfirmed(order, customer, UUID.fromString(cart), List.of(new OrderLine(sku, 1)),
						new Money(400, "EUR"), Instant.now()));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> get("/carts/" + cart, token).expectBody().jsonPath("$.status").isEqualTo("CHECKED_OUT"));
		add(cart, sku, 1, token).expectStatus().isEqualTo(409);
		Map<?, ?> next = get("/carts/me", token).expectStatus().isOk().returnResult(Map.class).getResponseBody();
		assertThat(next.get("id")).isNotEqualTo(cart);
		assertThat(next.get("status")).isEqualTo("ACTIVE");
		assertThat((List<?>) next.get("lines")).isEmpty();
		get("/internal/carts/" + cart, SERVICE_TOKEN).expectBody().jsonPath("$.status").isEqualTo("CHECKED_OUT");
	}

}
