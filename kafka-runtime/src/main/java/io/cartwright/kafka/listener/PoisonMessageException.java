package io.cartwright.kafka.listener;

/**
 * An incoming message that can never be applied, however often it is retried: no or an
 * unknown {@code ce_type}, no {@code ce_id}, a value that is not the event's JSON, a
 * missing field. It goes to the dead-letter topic at once
 * ({@link DeadLetterErrorHandling}).
 */
public class PoisonMessageException extends RuntimeException {

	public PoisonMessageException(String message) {
		super(message);
	}

	public PoisonMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
