package io.cartwright.order.web;

import java.time.Duration;

/**
 * The caller already uses as much of something as one caller may (open event streams,
 * say): 429 with {@code Retry-After}.
 */
public class TooManyRequestsException extends RuntimeException {

	private final String problem;

	private final Duration retryAfter;

	/**
	 * @param problem a short, stable identifier, the last part of the problem type URI
	 * @param detail what the limit is, for a person
	 * @param retryAfter when a retry is worth it
	 */
	public TooManyRequestsException(String problem, String detail, Duration retryAfter) {
		super(detail);
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
