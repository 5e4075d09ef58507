package io.cartwright.cart.catalog;

import java.time.Duration;
import java.util.UUID;

import io.cartwright.cart.support.CartIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When catalog-service is down, slow or its circuit open, the cart answers from its
 * snapshot.
 */
class CatalogFallbackIT extends CartIntegrationTest {

	@Test
	void aKnownSkuCanStillBeAddedFromTheSnapshotWhenTheCatalogIsDown() {
		String sku = sku("KNOWN");
		catalog.variant(sku, 800, 10);
		UUID cart = createGuestCart();
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
	}

	@Test
	void aKnownSkuCanStillBeAddedWhenTheCatalogIsSlow() {
		String sku = sku("SLOW");
		catalog.variant(sku, 800, 10);
		UUID cart = createGuestCart();
		add(cart.toString(), sku, 1, null).expectStatus().isOk();

		catalog.slow(sku);
		long started = System.nanoTime();
		add(cart.toString(), sku, 1, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(2);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
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
	void anOpenCircuitSkipsTheCatalogAndUsesTheSnapshot() {
		String sku = sku("OPEN");
		catalog.variant(sku, 800, 10);
		UUID cart = createGuestCart();
		add(cart.toString(), sku, 1, null).expectStatus().isOk();
		int callsBefore = catalog.calls(sku);

		circuits.circuitBreaker("catalog").transitionToOpenState();
		add(cart.toString(), sku, 1, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(2);
		add(cart.toString(), sku("NEVER-SEEN"), 1, null).expectStatus().isEqualTo(503);

		assertThat(catalog.calls(sku)).isEqualTo(callsBefore);
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
	}

}
