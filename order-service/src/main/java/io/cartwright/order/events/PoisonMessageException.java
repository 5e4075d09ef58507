package io.cartwright.order.events;

/**
 * An incoming message that can never be applied, however often it is retried: no or an
 * unknown {@code ce_type}, a value that is not the event's JSON, a missing field. It goes
 * to the dead-letter topic at once.
 */
class PoisonMessageException extends RuntimeException {

	PoisonMessageException(String message) {
		super(message);
	}

	PoisonMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
