package io.cartwright.cart.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.cart.support.CartIntegrationTest;
import io.cartwright.events.Money;
import io.cartwright.events.ProductUpdated;
import io.cartwright.events.Topics;
import io.cartwright.events.VariantSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An add is decided from the read model when it knows the SKU and its stock level;
 * catalog-service is asked only about SKUs the read model does not know yet (ADR 0010).
 */
class CatalogLookupIT extends CartIntegrationTest {

	@Test
	void anSkuTheReadModelKnowsIsAddedWithoutAskingTheCatalog() throws Exception {
		String sku = sku("LOCAL");
		catalog.variant(sku, 500, 10);
		productCreated(sku, 500, true);
		stockLevelChanged(sku, 10);
		UUID cart = createGuestCart();

		add(cart.toString(), sku, 2, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(2)
			.jsonPath("$.lines[0].productName")
			.isEqualTo("Product " + sku)
			.jsonPath("$.subtotal.amount")
			.isEqualTo(1000);
		add(cart.toString(), sku, 1, null).expectStatus().isOk();

		assertThat(catalog.calls(sku)).isZero();
	}

	@Test
	void anSkuTheReadModelKnowsIsAddedWhileTheCatalogIsDownWithoutAskingIt() throws Exception {
		String sku = sku("LOCAL-DOWN");
		catalog.crashing(sku);
		productCreated(sku, 500, true);
		stockLevelChanged(sku, 10);
		UUID cart = createGuestCart();

		add(cart.toString(), sku, 1, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(1);

		assertThat(catalog.calls(sku)).isZero();
	}

	@Test
	void anSkuTheReadModelDoesNotKnowIsLookedUpInTheCatalogAndStored() {
		String sku = sku("REMOTE");
		catalog.variant(sku, 1234, 7);
		UUID cart = createGuestCart();

		add(cart.toString(), sku, 1, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines[0].unitPrice.amount")
			.isEqualTo(1234);

		assertThat(catalog.calls(sku)).isEqualTo(1);
		assertThat(jdbc.queryForMap("SELECT product_name, price_amount, active FROM sku_snapshot WHERE sku = ?", sku))
			.containsEntry("product_name", "Product " + sku)
			.containsEntry("price_amount", 1234L)
			.containsEntry("active", true);
		assertThat(jdbc.queryForObject("SELECT available FROM sku_stock WHERE sku = ?", Long.class, sku)).isEqualTo(7);

		// Stored: the next add is answered by the read model.
		add(cart.toString(), sku, 1, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(2);
		assertThat(catalog.calls(sku)).isEqualTo(1);
	}

	@Test
	void anSkuWhoseStockLevelTheReadModelHasNotHeardOfIsLookedUpInTheCatalog() throws Exception {
		String sku = sku("NO-STOCK");
		productCreated(sku, 500, true);
		catalog.variant(sku, 500, 3);
		UUID cart = createGuestCart();

		add(cart.toString(), sku, 1, null).expectStatus().isOk();

		assertThat(catalog.calls(sku)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT available FROM sku_stock WHERE sku = ?", Long.class, sku)).isEqualTo(3);
		add(cart.toString(), sku, 3, null).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:out-of-stock");
		assertThat(catalog.calls(sku)).isEqualTo(1);
	}

	@Test
	void anSkuTheReadModelKnowsAsInactiveIsRefusedWithoutAskingTheCatalog() throws Exception {
		String sku = sku("LOCAL-OLD");
		catalog.variant(sku, 500, 10);
		productCreated(sku, 500, false);
		stockLevelChanged(sku, 10);
		UUID cart = createGuestCart();

		add(cart.toString(), sku, 1, null).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:sku-unavailable");

		assertThat(catalog.calls(sku)).isZero();
		get("/carts/" + cart, null).expectBody().jsonPath("$.lines").isEmpty();
	}

	@Test
	void anSkuTheReadModelKnowsAsSoldOutIsRefusedWithoutAskingTheCatalog() throws Exception {
		String sku = sku("LOCAL-GONE");
		catalog.variant(sku, 500, 10);
		productCreated(sku, 500, true);
		stockLevelChanged(sku, 0);
		UUID cart = createGuestCart();

		add(cart.toString(), sku, 1, null).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:out-of-stock");

		assertThat(catalog.calls(sku)).isZero();
		get("/carts/" + cart, null).expectBody().jsonPath("$.lines").isEmpty();
	}

	/**
	 * The read model is as fresh as the catalog's events: until a price change arrives,
	 * an add takes the price the cart shows anyway, and when it arrives the cart says the
	 * price changed.
	 */
	@Test
	void aPriceChangeNotYetArrivedByEventIsNotSeenByAnAddAndShowsOnceItArrives() throws Exception {
		String sku = sku("LAG");
		UUID product = productCreated(sku, 800, true);
		stockLevelChanged(sku, 10);
		catalog.variant(sku, product, "Product " + sku, 900, true, 10, 2);
		UUID cart = createGuestCart();

		add(cart.toString(), sku, 1, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines[0].unitPrice.amount")
			.isEqualTo(800)
			.jsonPath("$.lines[0].priceChanged")
			.doesNotExist();
		assertThat(catalog.calls(sku)).isZero();

		publish(Topics.PRODUCT_EVENTS, product.toString(), UUID.randomUUID().toString(), ProductUpdated.TYPE,
				new ProductUpdated(product, sku.toLowerCase(), "Product " + sku, null, "ACTIVE",
						List.of(new VariantSnapshot(sku, Map.of("size", "M"), new Money(900, "EUR"), true)), 2,
						Instant.now()));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> get("/carts/" + cart, null).expectHeader()
				.valueEquals("ETag", "\"2\"")
				.expectBody()
				.jsonPath("$.lines[0].unitPrice.amount")
				.isEqualTo(900)
				.jsonPath("$.lines[0].priceChanged.from.amount")
				.isEqualTo(800)
				.jsonPath("$.lines[0].priceChanged.to.amount")
				.isEqualTo(900));
	}

}
