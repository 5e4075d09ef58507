package io.cartwright.cart.web;

/**
 * A request that is well-formed but conflicts with the cart's current state (a cart that
 * is no longer active): 409.
 */
public class ConflictException extends RuntimeException {

	private final String problem;

	/**
	 * @param problem a short, stable identifier of the kind of conflict, the last part of
	 * the problem type URI (for example {@code cart-not-active})
	 * @param detail what exactly is in the way, for a person
	 */
	public ConflictException(String problem, String detail) {
		super(detail);
		this.problem = problem;
	}

	public String problem() {
		return this.problem;
	}

}
