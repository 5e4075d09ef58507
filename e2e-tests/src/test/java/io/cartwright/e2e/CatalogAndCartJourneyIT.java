package io.cartwright.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A staff member publishes a product, shoppers find it and put it in their carts, and the
 * catalog's later changes reach those carts through Kafka: catalog-service, cart-service
 * and the gateway as separate processes, as they run in production.
 */
class CatalogAndCartJourneyIT {

	static final Storefront guest = Storefront.anonymous();

	static String categoryId;

	@BeforeAll
	static void category() {
		categoryId = StaffCatalog.category("End to end");
	}

	@Test
	void aPublishedProductIsFoundPricedAndPutInAGuestCart() {
		StaffCatalog.Product product = publish("Walnut Chopping Board", 4500, 10);

		JsonNode found = guest.get("/api/catalog/products?q=" + product.word()).json();
		assertThat(found.get("content")).extracting((item) -> item.get("slug").asString()).contains(product.slug());

		String cart = newGuestCart();
		Storefront.Response added = guest.post("/api/carts/" + cart + "/lines",
				Map.of("sku", product.sku(), "quantity", 2));
		assertThat(added.status()).as(added.toString()).isEqualTo(200);
		JsonNode line = added.json().get("lines").get(0);
		assertThat(line.get("productName").asString()).isEqualTo("Walnut Chopping Board");
		assertThat(line.get("unitPrice").get("amount").asLong()).isEqualTo(4500);
		assertThat(added.json().get("subtotal").get("amount").asLong()).isEqualTo(9000);
	}

	@Test
	void aPriceChangeAndAnArchiveReachTheCartThroughKafka() {
		StaffCatalog.Product product = publish("Linen Apron", 2900, 5);
		String cart = newGuestCart();
		guest.post("/api/carts/" + cart + "/lines", Map.of("sku", product.sku(), "quantity", 1));

		Storefront.Response repriced = Accounts.staff()
			.put("/api/catalog/products/" + product.id(), product.request(2500, "ACTIVE"));
		assertThat(repriced.status()).as(repriced.toString()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode line = guest.get("/api/carts/" + cart).json().get("lines").get(0);
			assertThat(line.get("unitPrice").get("amount").asLong()).isEqualTo(2500);
			assertThat(line.get("priceChanged").get("from").get("amount").asLong()).isEqualTo(2900);
		});

		assertThat(Accounts.staff().post("/api/catalog/products/" + product.id() + "/archive", null).status())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode view = guest.get("/api/carts/" + cart).json();
			assertThat(view.get("lines").get(0).get("available").asBoolean()).isFalse();
			assertThat(view.get("subtotal").get("amount").asLong()).isZero();
		});
	}

	@Test
	void aCustomerMergesTheGuestCartAtSignInAndNobodyElseSeesIt() {
		StaffCatalog.Product product = publish("Enamel Mug", 1200, 20);
		String guestCart = newGuestCart();
		guest.post("/api/carts/" + guestCart + "/lines", Map.of("sku", product.sku(), "quantity", 3));

		Storefront customer = Accounts.newCustomer();
		Storefront.Response merged = customer.post("/api/carts/me/merge", Map.of("guestCartId", guestCart));
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(merged.json().get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
		String customerCart = merged.json().get("id").asString();

		assertThat(customer.post("/api/carts/me/merge", Map.of("guestCartId", guestCart))
			.json()
			.get("lines")
			.get(0)
			.get("quantity")
			.asInt()).isEqualTo(3);
		assertThat(Accounts.newCustomer().get("/api/carts/" + customerCart).status()).isEqualTo(404);
		assertThat(guest.get("/api/carts/" + customerCart).status()).isEqualTo(404);
	}

	@Test
	void catalogWritesNeedAStaffTokenAndExpiredForgedOrTamperedTokensAreRefused() {
		Map<String, Object> category = Map.of("slug", "nope-" + unique(), "name", "Nope");
		Storefront.Response anonymous = guest.post("/api/catalog/categories", category);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
		assertThat(Accounts.newCustomer().post("/api/catalog/categories", category).status()).isEqualTo(403);
		assertThat(Storefront.as(TestTokens.expired("staff-e2e", "STAFF"))
			.post("/api/catalog/categories", category)
			.status()).isEqualTo(401);
		assertThat(Storefront.as(TestTokens.signedByAnotherKey("staff-e2e", "STAFF"))
			.post("/api/catalog/categories", category)
			.status()).isEqualTo(401);
		String staffToken = Accounts.staffToken();
		String[] parts = staffToken.split("\\.");
		String tamperedPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
				.replace("\"STAFF\"", "\"STAFF\",\"ADMIN\"")
				.getBytes(StandardCharsets.UTF_8));
		Storefront.Response tampered = Storefront.as(parts[0] + "." + tamperedPayload + "." + parts[2])
			.post("/api/catalog/categories", category);
		assertThat(tampered.status()).isEqualTo(401);
		assertThat(tampered.header("Content-Type")).startsWith("application/problem+json");
		assertThat(Storefront.as(staffToken).post("/api/catalog/categories", category).status()).isEqualTo(201);
	}

	private static StaffCatalog.Product publish(String name, long price, int stock) {
		return StaffCatalog.publish(categoryId, name, price, stock);
	}

	private static String newGuestCart() {
		Storefront.Response created = guest.post("/api/carts", null);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(UUID.fromString(id).version()).isEqualTo(4);
		return id;
	}

	private static String unique() {
		return StaffCatalog.unique();
	}

}
