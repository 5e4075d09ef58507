package io.cartwright.events;

import java.time.Instant;

/**
 * The quantity of an SKU that can be sold changed (staff adjusted stock, or a
 * reservation, release or sale moved it). Keyed by SKU.
 *
 * @param sku the SKU
 * @param available on hand minus reserved, never negative
 * @param occurredAt when the level changed; a consumer ignores an event older than what
 * it has
 */
public record StockLevelChanged(String sku, long available, Instant occurredAt) {

	/** The CloudEvents type. */
	public static final String TYPE = "io.cartwright.catalog.stock.level-changed.v1";

}
