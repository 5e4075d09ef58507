package io.cartwright.auth.web;

/**
 * A request that is well-formed but conflicts with the current state (an email that is
 * already taken): 409.
 */
public class ConflictException extends RuntimeException {

	private final String problem;

	/**
	 * @param problem a short, stable identifier of the kind of conflict, which becomes
	 * the last part of the problem type URI (for example {@code email-taken})
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
