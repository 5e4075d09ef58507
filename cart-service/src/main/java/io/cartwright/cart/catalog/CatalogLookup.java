package io.cartwright.cart.catalog;

import java.time.Clock;
import java.util.OptionalLong;

import io.cartwright.cart.pricing.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Looks an SKU up in catalog-service (through a circuit breaker) and refreshes the local
 * snapshot with the answer; when catalog-service is down, slow or the circuit is open,
 * answers from the snapshot instead.
 */
@Component
public class CatalogLookup {

	private static final Logger log = LoggerFactory.getLogger(CatalogLookup.class);

	static final String CIRCUIT = "catalog";

	private final CatalogClient catalog;

	private final CircuitBreaker circuit;

	private final SkuSnapshots snapshots;

	private final Clock clock;

	CatalogLookup(CatalogClient catalog, CircuitBreakerFactory<?, ?> circuits, SkuSnapshots snapshots, Clock clock) {
		this.catalog = catalog;
		this.circuit = circuits.create(CIRCUIT);
		this.snapshots = snapshots;
		this.clock = clock;
	}

	/**
	 * What the catalog knows about an SKU now.
	 * @param sku the SKU
	 * @return the answer, never null
	 */
	public SkuLookup lookUp(String sku) {
		return this.circuit.run(() -> fromCatalog(sku), (failure) -> fromSnapshot(sku, failure));
	}

	private SkuLookup fromCatalog(String sku) {
		CatalogVariant variant;
		try {
			variant = this.catalog.variant(sku);
		}
		catch (HttpClientErrorException.NotFound unknown) {
			return new SkuLookup(SkuLookup.Outcome.UNKNOWN, null, OptionalLong.empty());
		}
		SkuSnapshot snapshot = new SkuSnapshot(variant.sku(), variant.productId(), variant.productName(),
				variant.slug(), variant.imageUrl(), Money.of(variant.price().amount(), variant.price().currency()),
				variant.active(), variant.productVersion());
		this.snapshots.apply(snapshot);
		this.snapshots.stockLevel(sku, variant.available(), this.clock.instant());
		return new SkuLookup(SkuLookup.Outcome.CATALOG, snapshot, OptionalLong.of(variant.available()));
	}

	private SkuLookup fromSnapshot(String sku, Throwable failure) {
		log.warn("catalog-service did not answer for SKU {} ({}); using the local snapshot", sku, failure.toString());
		return this.snapshots.find(sku)
			.map((snapshot) -> new SkuLookup(SkuLookup.Outcome.SNAPSHOT, snapshot, this.snapshots.available(sku)))
			.orElseGet(() -> new SkuLookup(SkuLookup.Outcome.UNAVAILABLE, null, OptionalLong.empty()));
	}

}
