package io.cartwright.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An order was cancelled (by the customer, or because its payment failed): its stock is
 * to be released.
 *
 * @param orderId the order
 * @param reason why, for example {@code CUSTOMER_REQUEST} or {@code PAYMENT_FAILED}
 * @param occurredAt when the order was cancelled
 */
public record OrderCancelled(UUID orderId, String reason, Instant occurredAt) {

	/** The CloudEvents type. */
	public static final String TYPE = "io.cartwright.order.cancelled.v1";

}
