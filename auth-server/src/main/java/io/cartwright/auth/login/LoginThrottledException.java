package io.cartwright.auth.login;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without a password check: its email or its client address failed too
 * often lately.
 */
class LoginThrottledException extends AuthenticationException {

	LoginThrottledException() {
		super("Too many failed sign-ins; try again later.");
	}

}
