package io.cartwright.launcher;

/**
 * Something the launcher cannot work around, with a message meant for the person who ran
 * it.
 */
public class LaunchException extends RuntimeException {

	LaunchException(String message) {
		super(message);
	}

	LaunchException(String message, Throwable cause) {
		super(message, cause);
	}

}
