package io.cartwright.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A checkout while the Kafka broker is down: the order is accepted, its
 * {@code OrderPlaced} waits in order-service's outbox, and once the broker is back the
 * saga runs to the end — nothing is lost.
 */
class KafkaOutageIT {

	static final Map<String, Object> ADDRESS = Map.of("name", "Grace Hopper", "line1", "2 Compiler Road", "postalCode",
			"20001", "city", "Washington", "country", "US");

	@Test
	void anOrderPlacedWhileKafkaIsDownIsConfirmedOnceKafkaIsBack() {
		String categoryId = StaffCatalog.category("Outage");
		String sku = StaffCatalog.publish(categoryId, "Outage Lamp", 2000, 5).sku();
		Storefront customer = Accounts.newCustomer();
		String cartId = customer.get("/api/carts/me").json().get("id").asString();
		assertThat(customer.post("/api/carts/me/lines", Map.of("sku", sku, "quantity", 1)).status()).isEqualTo(200);

		RunningPlatform.get().stopKafka();
		String order;
		try {
			Storefront.Response placed = customer.withHeader("Idempotency-Key", UUID.randomUUID().toString())
				.post("/api/orders", Map.of("cartId", cartId, "shippingAddress", ADDRESS, "paymentMethod", "tok_visa"));
			assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
			order = placed.json().get("id").asString();
			assertThat(customer.get("/api/orders/" + order).json().get("status").asString()).isEqualTo("PENDING");
		}
		finally {
			RunningPlatform.get().startKafka();
		}

		JsonNode confirmed = await().atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> customer.get("/api/orders/" + order).json(),
					(view) -> "CONFIRMED".equals(view.get("status").asString()));
		assertThat(confirmed.get("total").get("amount").asLong()).isEqualTo(2000);
		StaffCatalog.awaitStock(sku, 4, 0);
	}

}
