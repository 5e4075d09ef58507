package io.cartwright.order.order;

import java.util.UUID;

/** A move an order's status does not allow, such as cancelling a shipped order: 409. */
public class IllegalOrderTransitionException extends RuntimeException {

	private final UUID orderId;

	private final OrderStatus from;

	private final OrderStatus to;

	public IllegalOrderTransitionException(UUID orderId, OrderStatus from, OrderStatus to) {
		super("Order %s is %s and cannot become %s".formatted(orderId, from, to));
		this.orderId = orderId;
		this.from = from;
		this.to = to;
	}

	public UUID orderId() {
		return this.orderId;
	}

	public OrderStatus from() {
		return this.from;
	}

	public OrderStatus to() {
		return this.to;
	}

}
