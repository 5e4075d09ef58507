package io.cartwright.auth.web;

import java.io.IOException;

/**
 * Thrown while reading a request body that turns out longer than the limit although it
 * announced no length.
 */
class PayloadTooLargeException extends IOException {

	PayloadTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes.");
	}

}
