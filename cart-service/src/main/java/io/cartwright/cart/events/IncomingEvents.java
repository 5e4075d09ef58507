package io.cartwright.cart.events;

import java.util.List;
import java.util.UUID;

import io.cartwright.cart.cart.CartService;
import io.cartwright.cart.catalog.SkuSnapshot;
import io.cartwright.cart.catalog.SkuSnapshots;
import io.cartwright.cart.pricing.Money;
import io.cartwright.events.OrderConfirmed;
import io.cartwright.events.ProductArchived;
import io.cartwright.events.ProductCreated;
import io.cartwright.events.ProductUpdated;
import io.cartwright.events.StockLevelChanged;
import io.cartwright.events.VariantSnapshot;
import io.cartwright.kafka.listener.ProcessedEvents;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the events the cart consumes, each exactly once: the event's id is recorded in
 * the same transaction as its effect, and a repeat is ignored. Events older than what the
 * cart already knows (by product version, by stock time) change nothing.
 */
@Service
class IncomingEvents {

	private static final Logger log = LoggerFactory.getLogger(IncomingEvents.class);

	private final ProcessedEvents processed;

	private final SkuSnapshots snapshots;

	private final CartService carts;

	IncomingEvents(ProcessedEvents processed, SkuSnapshots snapshots, CartService carts) {
		this.processed = processed;
		this.snapshots = snapshots;
		this.carts = carts;
	}

	/**
	 * Whether the cart acts on events of a type at all (the topics carry others too).
	 * @param event the event
	 * @return true for product, stock level and order confirmation events
	 */
	static boolean concernsCarts(Record event) {
		return event instanceof ProductCreated || event instanceof ProductUpdated || event instanceof ProductArchived
				|| event instanceof StockLevelChanged || event instanceof OrderConfirmed;
	}

	@Transactional
	public void apply(String eventId, String type, Record event) {
		if (!this.processed.recordFirst(eventId, type)) {
			log.debug("Event {} ({}) was applied before; ignored", eventId, type);
			return;
		}
		switch (event) {
			case ProductCreated created -> product(created.productId(), created.slug(), created.name(),
					created.imageUrl(), created.variants(), created.version());
			case ProductUpdated updated -> product(updated.productId(), updated.slug(), updated.name(),
					updated.imageUrl(), updated.variants(), updated.version());
			case ProductArchived archived -> this.snapshots.deactivate(archived.skus(), archived.version());
			case StockLevelChanged stock ->
				this.snapshots.stockLevel(stock.sku(), stock.available(), stock.occurredAt());
			case OrderConfirmed confirmed -> this.carts.checkedOut(confirmed.cartId());
			default -> throw new IllegalArgumentException("Not an event for carts: " + type);
		}
	}

	private void product(UUID productId, String slug, String name, @Nullable String imageUrl,
			List<VariantSnapshot> variants, long version) {
		for (VariantSnapshot variant : variants) {
			this.snapshots.apply(new SkuSnapshot(variant.sku(), productId, name, slug, imageUrl,
					Money.of(variant.price().amount(), variant.price().currency()), variant.active(), version));
		}
		// Variants the product no longer has cannot be sold any more.
		this.snapshots.deactivate(
				this.snapshots.otherSkusOf(productId, variants.stream().map(VariantSnapshot::sku).toList()), version);
	}

}
