package io.cartwright.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The stock reserved for an order was given back.
 *
 * @param orderId the order
 * @param reason {@code ORDER_CANCELLED}, {@code ORDER_REJECTED} or {@code EXPIRED}
 * @param occurredAt when the stock was released
 */
public record StockReleased(UUID orderId, String reason, Instant occurredAt) {

	/** The CloudEvents type. */
	public static final String TYPE = "io.cartwright.catalog.stock.released.v1";

}
