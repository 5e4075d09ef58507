package io.cartwright.order.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life. The allowed moves between statuses live here, in one
 * place; {@link Order} refuses every other move.
 *
 * <pre>
 * PENDING ─► RESERVED ─► AUTHORIZED ─► CONFIRMED ─► SHIPPED ─► DELIVERED
 *    │          │            │             │
 *    │          ├► PAYMENT_FAILED ◄────────┤ (capture fails)
 *    ├► REJECTED ◄┘ (stock refused, no answer in time)
 *    └──────────┴────────────┴─────────────┴► CANCELLED (until shipped)
 * </pre>
 */
public enum OrderStatus {

	/** Placed; waiting for the catalog to reserve its stock. */
	PENDING,

	/** Stock reserved and priced by the catalog; payment not yet authorized. */
	RESERVED,

	/** Payment authorized; about to be confirmed. */
	AUTHORIZED,

	/** Stock sold and payment captured. */
	CONFIRMED,

	/** Handed to the carrier. */
	SHIPPED,

	/** Received by the customer. */
	DELIVERED,

	/** The catalog could not reserve the stock, or no answer came in time. */
	REJECTED,

	/** The payment was declined or could not be captured. */
	PAYMENT_FAILED,

	/** Cancelled before shipment; stock released and payment refunded. */
	CANCELLED;

	/**
	 * The statuses this one may move to.
	 * @return the allowed next statuses, empty for a terminal status
	 */
	public Set<OrderStatus> next() {
		return switch (this) {
			case PENDING -> EnumSet.of(RESERVED, REJECTED, CANCELLED);
			case RESERVED -> EnumSet.of(AUTHORIZED, PAYMENT_FAILED, REJECTED, CANCELLED);
			case AUTHORIZED -> EnumSet.of(CONFIRMED, PAYMENT_FAILED, CANCELLED);
			case CONFIRMED -> EnumSet.of(SHIPPED, CANCELLED);
			case SHIPPED -> EnumSet.of(DELIVERED);
			case DELIVERED, REJECTED, PAYMENT_FAILED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
		};
	}

	public boolean canMoveTo(OrderStatus status) {
		return next().contains(status);
	}

	/**
	 * Whether nothing can happen to the order any more.
	 * @return {@code true} for delivered, rejected, payment failed and cancelled orders
	 */
	public boolean isTerminal() {
		return next().isEmpty();
	}

	/**
	 * Whether the catalog holds stock for the order in this status, so that leaving the
	 * saga must release it.
	 * @return {@code true} while reserved or authorized
	 */
	public boolean holdsReservedStock() {
		return this == RESERVED || this == AUTHORIZED;
	}

}
