package io.cartwright.catalog.web;

/**
 * A request that is valid on its own but refers to something that does not exist or
 * breaks a rule across fields (an unknown category, variants in two currencies): 422.
 */
public class UnprocessableException extends RuntimeException {

	private final String problem;

	/**
	 * @param problem a short, stable identifier of the kind of problem, which becomes the
	 * last part of the problem type URI (for example {@code unknown-category})
	 * @param detail what exactly is wrong, for a person
	 */
	public UnprocessableException(String problem, String detail) {
		super(detail);
		this.problem = problem;
	}

	public String problem() {
		return this.problem;
	}

}
