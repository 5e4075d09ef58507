package io.cartwright.auth.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problem details (RFC 9457) with the service's stable {@code type} URIs,
 * {@code urn:cartwright:problem:<type>}.
 */
public final class Problems {

	/** The prefix of every problem type. */
	public static final String TYPE_PREFIX = "urn:cartwright:problem:";

	private Problems() {
	}

	/**
	 * A problem detail.
	 * @param status the HTTP status
	 * @param type the last part of the type URI, for example {@code email-taken}
	 * @param title a short human summary of the kind of problem
	 * @param detail what exactly went wrong, for a person
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + type));
		problem.setTitle(title);
		return problem;
	}

}
