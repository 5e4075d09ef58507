package io.cartwright.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An order was rejected before confirmation (stock refused, or no answer in time): any
 * stock reserved for it is to be released.
 *
 * @param orderId the order
 * @param reason why, for example {@code STOCK_REJECTED} or {@code TIMED_OUT}
 * @param occurredAt when the order was rejected
 */
public record OrderRejected(UUID orderId, String reason, Instant occurredAt) {

	/** The CloudEvents type. */
	public static final String TYPE = "io.cartwright.order.rejected.v1";

}
