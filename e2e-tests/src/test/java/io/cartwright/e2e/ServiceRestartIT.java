package io.cartwright.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service that goes away in the middle of a checkout: the gateway answers for it at
 * once with a 503 while the other services carry on, and the saga waits for it and
 * resumes where it stopped once it is back, because every step is an event kept in Kafka
 * and applied exactly once.
 */
class ServiceRestartIT {

	static final Map<String, Object> ADDRESS = Map.of("name", "Alan Turing", "line1", "3 Bletchley Park", "postalCode",
			"MK3 6EB", "city", "Milton Keynes", "country", "GB");

	@Test
	void aCheckoutResumesWhenTheCatalogComesBackInTheMiddleOfTheSaga() {
		String categoryId = StaffCatalog.category("Restart");
		StaffCatalog.Product kettle = StaffCatalog.publish(categoryId, "Restart Kettle", 3500, 6);
		String sku = kettle.sku();
		Storefront customer = Accounts.newCustomer();
		String cartId = customer.get("/api/carts/me").json().get("id").asString();
		assertThat(customer.post("/api/carts/me/lines", Map.of("sku", sku, "quantity", 2)).status()).isEqualTo(200);

		RunningPlatform.get().stopService("catalog-service");
		String order;
		try {
			Storefront.Response placed = customer.withHeader("Idempotency-Key", UUID.randomUUID().toString())
				.post("/api/orders", Map.of("cartId", cartId, "shippingAddress", ADDRESS, "paymentMethod", "tok_visa"));
			assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
			order = placed.json().get("id").asString();
			assertThat(customer.get("/api/orders/" + order).json().get("status").asString()).isEqualTo("PENDING");

			long before = System.nanoTime();
			Storefront.Response unavailable = Storefront.anonymous().get("/api/catalog/products/" + kettle.id());
			Duration answeredIn = Duration.ofNanos(System.nanoTime() - before);
			assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
			assertThat(unavailable.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answeredIn).isLessThan(Duration.ofSeconds(5));
			assertThat(customer.get("/api/carts/me").status()).isEqualTo(200);
			assertThat(customer.get("/api/orders").json().get("content")).hasSize(1);
		}
		finally {
			RunningPlatform.get().startService("catalog-service");
		}

		JsonNode confirmed = await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> customer.get("/api/orders/" + order).json(),
					(view) -> "CONFIRMED".equals(view.get("status").asString()));
		assertThat(confirmed.get("total").get("amount").asLong()).isEqualTo(7000);
		StaffCatalog.awaitStock(sku, 4, 0);
	}

}
