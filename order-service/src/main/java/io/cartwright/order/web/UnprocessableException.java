package io.cartwright.order.web;

/**
 * A well-formed request the service cannot act on (an idempotency key reused for another
 * request, say): 422.
 */
public class UnprocessableException extends RuntimeException {

	private final String problem;

	/**
	 * @param problem a short, stable identifier of the kind of problem, the last part of
	 * the problem type URI
	 * @param detail what exactly is in the way, for a person
	 */
	public UnprocessableException(String problem, String detail) {
		super(detail);
		this.problem = problem;
	}

	public String problem() {
		return this.problem;
	}

}
