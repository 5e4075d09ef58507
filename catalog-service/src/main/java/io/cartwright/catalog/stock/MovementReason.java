package io.cartwright.catalog.stock;

/** Why the quantity on hand of an SKU changed. */
enum MovementReason {

	/** Staff set the quantity on hand, as after a stock count. */
	STOCK_COUNT,

	/** Staff added or removed units (a delivery, breakage, a correction). */
	ADJUSTMENT,

	/** A confirmed order took reserved units away. */
	SALE,

	/** Units of a cancelled, already confirmed order came back on hand. */
	RETURN

}
