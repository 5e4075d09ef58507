package io.cartwright.catalog.stock;

/**
 * Why the stock of an order is given back; the {@code reason} of {@code StockReleased}.
 */
public enum ReleaseReason {

	/** The order was cancelled ({@code OrderCancelled}). */
	ORDER_CANCELLED,

	/** The order was rejected before confirmation ({@code OrderRejected}). */
	ORDER_REJECTED,

	/** The order got no answer before the reservation expired. */
	EXPIRED

}
