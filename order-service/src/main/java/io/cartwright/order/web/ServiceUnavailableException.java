package io.cartwright.order.web;

import java.time.Duration;

/**
 * Something the request needs is down for now (the cart service, say); the same request
 * may succeed a moment later: 503 with {@code Retry-After}.
 */
public class ServiceUnavailableException extends RuntimeException {

	private final String problem;

	private final Duration retryAfter;

	/**
	 * @param problem a short, stable identifier, the last part of the problem type URI
	 * @param detail what is down, for a person
	 * @param retryAfter when a retry is worth it
	 * @param cause the failure
	 */
	public ServiceUnavailableException(String problem, String detail, Duration retryAfter, Throwable cause) {
		super(detail, cause);
		this.problem = problem;
		this.retryAfter = retryAfter;
	}

	public String problem() {
		return this.problem;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
