package io.cartwright.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checkout across the real services: order-service reads the cart from cart-service, the
 * catalog reserves stock over Kafka, the simulated provider pays, and every service ends
 * up agreeing — through the gateway only.
 */
class CheckoutJourneyIT {

	static final Map<String, Object> ADDRESS = Map.of("name", "Ada Lovelace", "line1", "1 Analytical Way", "postalCode",
			"10115", "city", "Berlin", "country", "DE");

	static String categoryId;

	@BeforeAll
	static void category() {
		categoryId = StaffCatalog.category("Checkout");
	}

	@Test
	void aCheckoutIsConfirmedTheStockIsSoldAndTheCartIsCheckedOut() {
		String sku = product(4500, 10);
		Customer customer = customerWith(sku, 2);

		Storefront.Response placed = customer.checkout(SimulatedCards.APPROVE);
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
		String order = placed.json().get("id").asString();
		assertThat(placed.header("Location")).isEqualTo("/api/orders/" + order);

		JsonNode confirmed = customer.awaitStatus(order, "CONFIRMED");
		assertThat(confirmed.get("total").get("amount").asLong()).isEqualTo(9000);
		StaffCatalog.awaitStock(sku, 8, 0);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode cart = customer.storefront().get("/api/carts/me").json();
			assertThat(cart.get("id").asString()).isNotEqualTo(customer.cartId());
			assertThat(cart.get("lines")).isEmpty();
		});
		JsonNode mine = customer.storefront().get("/api/orders").json();
		assertThat(mine.get("content")).extracting((o) -> o.get("id").asString()).contains(order);
	}

	@Test
	void anOrderForMoreThanIsInStockIsRejectedAndReservesNothing() {
		String sku = product(1500, 3);
		Customer customer = customerWith(sku, 3);
		Accounts.staff().put("/api/catalog/stock/" + sku, Map.of("onHand", 1, "reason", "Breakage"));

		String order = customer.checkout(SimulatedCards.APPROVE).json().get("id").asString();
		JsonNode rejected = customer.awaitStatus(order, "REJECTED");
		assertThat(rejected.toString()).contains("INSUFFICIENT_STOCK");
		StaffCatalog.awaitStock(sku, 1, 0);
	}

	@Test
	void aDeclinedPaymentFailsTheOrderAndGivesTheStockBack() {
		String sku = product(2500, 5);
		Customer customer = customerWith(sku, 2);

		String order = customer.checkout(SimulatedCards.DECLINE).json().get("id").asString();
		customer.awaitStatus(order, "PAYMENT_FAILED");
		StaffCatalog.awaitStock(sku, 5, 0);
	}

	@Test
	void theSameCheckoutSentFiveTimesMakesOneOrderAndAnotherBodyUnderTheKeyIsRefused() {
		String sku = product(990, 10);
		Customer customer = customerWith(sku, 1);
		String key = UUID.randomUUID().toString();

		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Storefront.Response response = customer.checkout(SimulatedCards.APPROVE, key);
			assertThat(response.status()).as(response.toString()).isEqualTo(202);
			ids.add(response.json().get("id").asString());
		}
		assertThat(ids).containsOnly(ids.getFirst());
		Storefront.Response other = customer.checkout(SimulatedCards.DECLINE, key);
		assertThat(other.status()).as(other.toString()).isEqualTo(422);
		customer.awaitStatus(ids.getFirst(), "CONFIRMED");
		StaffCatalog.awaitStock(sku, 9, 0);
	}

	@Test
	void thirtyCustomersRacingForTheLastTenUnitsGetExactlyTenOrders() throws Exception {
		String sku = product(1999, 30);
		List<Customer> customers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			customers.add(customerWith(sku, 1));
		}
		Accounts.staff().put("/api/catalog/stock/" + sku, Map.of("onHand", 10, "reason", "Last ten"));

		List<String> orders = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
			List<Future<String>> placing = customers.stream()
				.map((customer) -> pool.submit(() -> customer.checkoutRetryingWhileUnavailable(SimulatedCards.APPROVE)))
				.toList();
			for (Future<String> order : placing) {
				orders.add(order.get());
			}
		}
		List<String> outcomes = new ArrayList<>();
		for (int i = 0; i < orders.size(); i++) {
			outcomes.add(customers.get(i).awaitTerminal(orders.get(i)));
		}
		assertThat(outcomes).filteredOn("CONFIRMED"::equals).hasSize(10);
		assertThat(outcomes).filteredOn("REJECTED"::equals).hasSize(20);
		StaffCatalog.awaitStock(sku, 0, 0);
	}

	@Test
	void aConfirmedOrderCanBeCancelledUntilItShipsAndItsStockComesBack() {
		String sku = product(3000, 4);
		Customer customer = customerWith(sku, 1);
		String order = customer.checkout(SimulatedCards.APPROVE).json().get("id").asString();
		customer.awaitStatus(order, "CONFIRMED");

		Storefront.Response cancelled = customer.storefront().post("/api/orders/" + order + "/cancel", null);
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		StaffCatalog.awaitStock(sku, 4, 0);

		Customer another = customerWith(sku, 1);
		String shipped = another.checkout(SimulatedCards.APPROVE).json().get("id").asString();
		another.awaitStatus(shipped, "CONFIRMED");
		assertThat(Accounts.staff().post("/api/admin/orders/" + shipped + "/ship", null).status()).isEqualTo(200);
		Storefront.Response late = another.storefront().post("/api/orders/" + shipped + "/cancel", null);
		assertThat(late.status()).as(late.toString()).isEqualTo(409);
		assertThat(late.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void aCustomerCannotReadAnotherCustomersOrder() {
		String sku = product(1000, 5);
		Customer customer = customerWith(sku, 1);
		String order = customer.checkout(SimulatedCards.APPROVE).json().get("id").asString();
		assertThat(Accounts.newCustomer().get("/api/orders/" + order).status()).isEqualTo(404);
		assertThat(Storefront.anonymous().get("/api/orders/" + order).status()).isEqualTo(401);
	}

	private static String product(long price, int stock) {
		return StaffCatalog.publish(categoryId, "Checkout Item", price, stock).sku();
	}

	private static Customer customerWith(String sku, int quantity) {
		Storefront storefront = Accounts.newCustomer();
		String cartId = storefront.get("/api/carts/me").json().get("id").asString();
		Storefront.Response added = storefront.post("/api/carts/me/lines", Map.of("sku", sku, "quantity", quantity));
		assertThat(added.status()).as(added.toString()).isEqualTo(200);
		return new Customer(storefront, cartId);
	}

	/** The test cards of the simulated payment provider. */
	static final class SimulatedCards {

		static final String APPROVE = "tok_visa";

		static final String DECLINE = "tok_declined";

		private SimulatedCards() {
		}

	}

	/** A signed-in customer with a cart. */
	record Customer(Storefront storefront, String cartId) {

		Storefront.Response checkout(String card) {
			return checkout(card, UUID.randomUUID().toString());
		}

		Storefront.Response checkout(String card, String idempotencyKey) {
			return this.storefront.withHeader("Idempotency-Key", idempotencyKey)
				.post("/api/orders", Map.of("cartId", this.cartId, "shippingAddress", ADDRESS, "paymentMethod", card));
		}

		/**
		 * Checks out as a storefront under load does: a 503 (cart-service busy) is
		 * retried with the same idempotency key until it is answered.
		 * @return the order's id
		 */
		String checkoutRetryingWhileUnavailable(String card) {
			String key = UUID.randomUUID().toString();
			Storefront.Response placed = await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> checkout(card, key), (response) -> response.status() != 503);
			assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
			return placed.json().get("id").asString();
		}

		JsonNode awaitStatus(String order, String status) {
			return await().atMost(Duration.ofSeconds(60))
				.until(() -> this.storefront.get("/api/orders/" + order).json(),
						(view) -> status.equals(view.get("status").asString()));
		}

		String awaitTerminal(String order) {
			List<String> terminal = List.of("CONFIRMED", "REJECTED", "PAYMENT_FAILED", "CANCELLED");
			return await().atMost(Duration.ofSeconds(90))
				.until(() -> this.storefront.get("/api/orders/" + order).json().get("status").asString(),
						terminal::contains);
		}

	}

}
