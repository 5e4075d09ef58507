package io.cartwright.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order's stock is reserved and its payment authorized: the reservation becomes a sale
 * and the cart is checked out.
 *
 * @param orderId the order
 * @param customerId the customer
 * @param cartId the cart the order was placed from
 * @param lines what was sold
 * @param total what the customer pays
 * @param occurredAt when the order was confirmed
 */
public record OrderConfirmed(UUID orderId, String customerId, UUID cartId, List<OrderLine> lines, Money total,
		Instant occurredAt) {

	/** The CloudEvents type. */
	public static final String TYPE = "io.cartwright.order.confirmed.v1";

}
