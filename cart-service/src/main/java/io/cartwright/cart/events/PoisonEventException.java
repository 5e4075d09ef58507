package io.cartwright.cart.events;

/**
 * A record that can never be applied, however often it is retried (no event id, an
 * unknown event type): it goes to the dead-letter topic at once.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

}
