package io.cartwright.cart.web;

/** The client's {@code If-Match} names a version that is no longer current: 412. */
public class PreconditionFailedException extends RuntimeException {

	public PreconditionFailedException(String resource, String expected, long current) {
		super("The %s has changed: If-Match was %s, the current version is \"%d\"".formatted(resource, expected,
				current));
	}

}
