package io.cartwright.cart.web;

/**
 * A service this one depends on cannot answer, and nothing local can stand in for it: 503
 * with {@code Retry-After}.
 */
public class DependencyUnavailableException extends RuntimeException {

	private final String problem;

	public DependencyUnavailableException(String problem, String detail) {
		super(detail);
		this.problem = problem;
	}

	public String problem() {
		return this.problem;
	}

}
