package io.cartwright.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer placed an order; it is {@code PENDING} until the catalog reserves its stock
 * and the payment is authorized.
 *
 * @param orderId the order's id
 * @param customerId the customer (the token's subject)
 * @param cartId the cart the order was placed from
 * @param lines what was ordered
 * @param occurredAt when the order was placed
 */
public record OrderPlaced(UUID orderId, String customerId, UUID cartId, List<OrderLine> lines, Instant occurredAt) {

	/** The CloudEvents type. */
	public static final String TYPE = "io.cartwright.order.placed.v1";

}
