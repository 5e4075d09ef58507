package io.cartwright.cart.catalog;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

import io.cartwright.cart.pricing.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Answers "what is this SKU?" for an add. The read model that catalog events keep fresh
 * answers when it knows the SKU and its stock level, without a call to catalog-service
 * (ADR 0010). Only an SKU it does not know yet is looked up in catalog-service (through a
 * circuit breaker), and the answer is stored in the read model; when catalog-service is
 * down, slow or the circuit is open, what the read model has answers instead.
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
		Optional<LocalSku> local = this.snapshots.findWithStock(sku);
		if (local.isPresent() && local.get().decidesAnAdd()) {
			return new SkuLookup(SkuLookup.Outcome.READ_MODEL, local.get().snapshot(), local.get().available());
		}
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
		// Read again: an event may have brought the SKU while catalog-service was silent.
		return this.snapshots.findWithStock(sku)
			.map((local) -> new SkuLookup(SkuLookup.Outcome.SNAPSHOT, local.snapshot(), local.available()))
			.orElseGet(() -> new SkuLookup(SkuLookup.Outcome.UNAVAILABLE, null, OptionalLong.empty()));
	}

}
