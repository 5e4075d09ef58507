package io.cartwright.catalog.stock;

import java.time.Instant;

import io.cartwright.catalog.config.CacheEvictions;
import io.cartwright.catalog.product.ProductSearch;
import io.cartwright.events.StockLevelChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of the platform that an SKU's available quantity changed: publishes
 * {@link StockLevelChanged} within the current transaction (stored in the outbox with the
 * change, sent to Kafka after the commit), and when the SKU sold out or came back, clears
 * the cached listing pages after the commit, so that their "in stock" flags and the
 * in-stock filter are never older than the last commit that flipped one. Other changes
 * leave the pages alone: a page shows whether a product can be bought, not how many units
 * are left.
 */
@Component
class StockLevelNotices {

	private final ApplicationEventPublisher events;

	private final CacheEvictions evictions;

	StockLevelNotices(ApplicationEventPublisher events, CacheEvictions evictions) {
		this.events = events;
		this.evictions = evictions;
	}

	void changed(String sku, int availableBefore, int available, Instant now) {
		this.events.publishEvent(new StockLevelChanged(sku, available, now));
		if ((availableBefore > 0) != (available > 0)) {
			this.evictions.clearAfterCommit(ProductSearch.PAGES);
		}
	}

}
