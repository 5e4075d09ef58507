package io.cartwright.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The catalog reserved stock for every line of an order, and tells the unit price it
 * charges for each: an order's prices come from here, never from a client.
 *
 * @param orderId the order the reservation is for
 * @param lines one per line of the order
 * @param expiresAt when the reservation is released unless the order is confirmed first
 * @param occurredAt when the stock was reserved
 */
public record StockReserved(UUID orderId, List<Line> lines, Instant expiresAt, Instant occurredAt) {

	/** The CloudEvents type. */
	public static final String TYPE = "io.cartwright.catalog.stock.reserved.v1";

	/**
	 * One reserved line.
	 *
	 * @param sku the SKU
	 * @param quantity the quantity reserved
	 * @param unitPrice the catalog's unit price
	 * @param productName the product's name at the time of the reservation
	 */
	public record Line(String sku, int quantity, Money unitPrice, String productName) {
	}

}
