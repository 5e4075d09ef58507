package io.cartwright.catalog.stock;

/** A reservation was asked to make a move its status does not allow. */
class ReservationStateException extends IllegalStateException {

	ReservationStateException(String message) {
		super(message);
	}

}
