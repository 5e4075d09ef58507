package io.cartwright.cart.web;

/**
 * A valid request the cart cannot carry out for a business reason (an unknown or archived
 * SKU, a limit reached): 422.
 */
public class UnprocessableException extends RuntimeException {

	private final String problem;

	/**
	 * @param problem a short, stable identifier of the rule, the last part of the problem
	 * type URI (for example {@code quantity-limit})
	 * @param detail what exactly went wrong, for a person
	 */
	public UnprocessableException(String problem, String detail) {
		super(detail);
		this.problem = problem;
	}

	public String problem() {
		return this.problem;
	}

}
