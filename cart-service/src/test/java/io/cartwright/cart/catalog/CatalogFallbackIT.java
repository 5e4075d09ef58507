package io.cartwright.cart.catalog;

import java.time.Duration;
import java.util.UUID;

import io.cartwright.cart.support.CartIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When catalog-service is down, slow or its circuit open, the cart answers from its
 * snapshot. The catalog is asked only about an SKU whose snapshot or stock level the read
 * model lacks (ADR 0010), so a "known" SKU here is one that only a product event has
 * brought: the read model has its snapshot but no stock level yet.
 */
class CatalogFallbackIT extends CartIntegrationTest {

	@Test
	void aKnownSkuCanStillBeAddedFromTheSnapshotWhenTheCatalogIsDown() throws Exception {
		String sku = sku("KNOWN");
		productCreated(sku, 800, true);
		UUID cart = createGuestCart();
		catalog.failing(sku);
		add(cart.toString(), sku, 1, null).expectStatus().isOk();

		catalog.crashing(sku);
		add(cart.toString(), sku, 2, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(3)
			.jsonPath("$.lines[0].unitPrice.amount")
			.isEqualTo(800);

		catalog.failing(sku);
		add(cart.toString(), sku, 1, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(4);
		// each add asked (the HTTP client may retry a GET whose connection was dropped)
		assertThat(catalog.calls(sku)).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aKnownSkuCanStillBeAddedWhenTheCatalogIsSlow() throws Exception {
		String sku = sku("SLOW");
		productCreated(sku, 800, true);
		UUID cart = createGuestCart();
		catalog.crashing(sku);
		add(cart.toString(), sku, 1, null).expectStatus().isOk();

		catalog.slow(sku);
		long started = System.nanoTime();
		add(cart.toString(), sku, 1, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(2);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
		assertThat(catalog.calls(sku)).isGreaterThanOrEqualTo(2);
	}

	@Test
	void anUnknownSkuFailsWith503WhenTheCatalogIsDown() {
		String sku = sku("UNSEEN");
		catalog.crashing(sku);
		UUID cart = createGuestCart();
		add(cart.toString(), sku, 1, null).expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:catalog-unavailable");
		get("/carts/" + cart, null).expectBody().jsonPath("$.lines").isEmpty();
	}

	@Test
	void anOpenCircuitSkipsTheCatalogAndUsesTheSnapshot() throws Exception {
		String sku = sku("OPEN");
		productCreated(sku, 800, true);
		catalog.variant(sku, 800, 10);
		UUID cart = createGuestCart();
		int callsBefore = catalog.calls(sku);

		circuits.circuitBreaker("catalog").transitionToOpenState();
		add(cart.toString(), sku, 1, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(1);
		String neverSeen = sku("NEVER-SEEN");
		catalog.variant(neverSeen, 800, 10);
		add(cart.toString(), neverSeen, 1, null).expectStatus().isEqualTo(503);

		assertThat(catalog.calls(sku)).isEqualTo(callsBefore);
		assertThat(catalog.calls(neverSeen)).isZero();
	}

	@Test
	void theCircuitOpensAfterRepeatedFailures() {
		UUID cart = createGuestCart();
		for (int i = 0; i < 10; i++) {
			String sku = sku("DOWN");
			catalog.failing(sku);
			add(cart.toString(), sku, 1, null).expectStatus().isEqualTo(503);
		}
		assertThat(circuits.circuitBreaker("catalog").getState().name()).isEqualTo("OPEN");
	}

	@Test
	void aStockLevelInTheSnapshotStillGuardsAddsWhenTheCatalogIsDown() {
		String sku = sku("LOW");
		catalog.variant(sku, 800, 2);
		UUID cart = createGuestCart();
		add(cart.toString(), sku, 2, null).expectStatus().isOk();
		catalog.crashing(sku);
		add(cart.toString(), sku, 1, null).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:out-of-stock");
		// The read model knows the stock level: the refusal did not need the catalog.
		assertThat(catalog.calls(sku)).isEqualTo(1);
	}

}
