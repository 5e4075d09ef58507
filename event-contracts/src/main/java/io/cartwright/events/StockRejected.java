package io.cartwright.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The catalog could not reserve stock for every line of an order, so it reserved none.
 *
 * @param orderId the order
 * @param problems one per SKU that could not be reserved
 * @param occurredAt when the reservation was refused
 */
public record StockRejected(UUID orderId, List<Problem> problems, Instant occurredAt) {

	/** The CloudEvents type. */
	public static final String TYPE = "io.cartwright.catalog.stock.rejected.v1";

	/**
	 * Why one SKU could not be reserved.
	 *
	 * @param sku the SKU
	 * @param requested the quantity the order asked for
	 * @param available the quantity that was available
	 * @param reason {@code INSUFFICIENT_STOCK}, {@code UNKNOWN_SKU} or
	 * {@code NOT_FOR_SALE}
	 */
	public record Problem(String sku, int requested, long available, String reason) {
	}

}
