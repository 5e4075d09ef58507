package io.cartwright.catalog.stock;

/** Where a reservation is in its life. */
public enum ReservationStatus {

	/** Every line's units are reserved until the reservation expires. */
	RESERVED,

	/**
	 * Nothing could be reserved; kept so that a redelivered {@code OrderPlaced} is
	 * recognised.
	 */
	REJECTED,

	/**
	 * The units were given back (cancel, reject or expiry); with no lines, a tombstone
	 * left by a release that came before its {@code OrderPlaced}.
	 */
	RELEASED,

	/** The order was confirmed: the units were sold. */
	COMMITTED,

	/** The confirmed order was cancelled: the sold units came back on hand. */
	RETURNED

}
