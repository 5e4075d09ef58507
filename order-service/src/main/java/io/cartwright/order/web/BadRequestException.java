package io.cartwright.order.web;

/** A request that lacks something it must have (a required header, say): 400. */
public class BadRequestException extends RuntimeException {

	private final String problem;

	/**
	 * @param problem a short, stable identifier of the kind of problem, the last part of
	 * the problem type URI
	 * @param detail what exactly is missing, for a person
	 */
	public BadRequestException(String problem, String detail) {
		super(detail);
		this.problem = problem;
	}

	public String problem() {
		return this.problem;
	}

}
