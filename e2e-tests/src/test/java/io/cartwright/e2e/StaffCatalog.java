package io.cartwright.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a staff member does to the catalog before shoppers arrive, through the gateway:
 * categories, products and stock, with unique slugs and SKUs (the platform is shared by
 * all tests of the JVM).
 */
final class StaffCatalog {

	private StaffCatalog() {
	}

	static String category(String name) {
		Storefront.Response created = Accounts.staff()
			.post("/api/catalog/categories", Map.of("slug", "e2e-" + unique(), "name", name, "position", 0));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/**
	 * An active product with one variant, a searchable word in its description, and stock
	 * on hand.
	 */
	static Product publish(String categoryId, String name, long price, int stock) {
		String suffix = unique();
		Product product = new Product(null, categoryId, name.toLowerCase().replace(' ', '-') + "-" + suffix, name,
				"e2e" + suffix, "SKU-E2E-" + suffix.toUpperCase());
		Storefront.Response created = Accounts.staff().post("/api/catalog/products", product.request(price, "ACTIVE"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Storefront.Response counted = Accounts.staff()
			.put("/api/catalog/stock/" + product.sku(), Map.of("onHand", stock, "reason", "Goods received"));
		assertThat(counted.status()).as(counted.toString()).isEqualTo(200);
		return product.withId(created.json().get("id").asString());
	}

	/**
	 * Waits until a SKU's stock reaches the given levels: the catalog applies a sale or a
	 * release when its event arrives, a moment after the order shows the new status.
	 */
	static void awaitStock(String sku, int onHand, int reserved) {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Storefront.Response answer = Accounts.staff().get("/api/catalog/stock/" + sku);
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			JsonNode stock = answer.json();
			assertThat(stock.get("onHand").asInt()).as("on hand of %s", sku).isEqualTo(onHand);
			assertThat(stock.get("reserved").asInt()).as("reserved of %s", sku).isEqualTo(reserved);
		});
	}

	static String unique() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
	}

	/** A product a test published. */
	record Product(String id, String categoryId, String slug, String name, String word, String sku) {

		Product withId(String id) {
			return new Product(id, this.categoryId, this.slug, this.name, this.word, this.sku);
		}

		Map<String, Object> request(long price, String status) {
			return Map.of("slug", this.slug, "name", this.name, "description", "Made for the " + this.word + " test",
					"categoryId", this.categoryId, "images", List.of("https://img.example.com/" + this.slug + ".jpg"),
					"status", status, "variants",
					List.of(Map.of("sku", this.sku, "price", Map.of("amount", price, "currency", "EUR"))));
		}

	}

}
