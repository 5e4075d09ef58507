package io.cartwright.auth.account;

import java.util.Locale;

/**
 * Emails are compared as typed, less surrounding blanks and case:
 * {@code " Ada@Example.COM"} and {@code "ada@example.com"} are one account. Every place
 * that takes an email (sign-up, sign-in, the login throttle, bootstrap accounts)
 * normalizes it the same way.
 */
public final class EmailAddress {

	/** The longest address SMTP carries (RFC 5321: a 254-character path). */
	public static final int MAX_LENGTH = 254;

	/**
	 * One {@code @}, no blanks or control characters, a dot in the domain: strict enough
	 * to catch typing mistakes, lenient enough for real addresses.
	 */
	public static final String PATTERN = "[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+";

	private EmailAddress() {
	}

	/**
	 * Normalizes an email as typed.
	 * @param email the email, possibly {@code null}
	 * @return it trimmed and lower-cased, or {@code null}
	 */
	public static String normalize(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * Whether a normalized email has the shape and length of an address.
	 * @param email the normalized email
	 * @return whether it is acceptable
	 */
	public static boolean isValid(String email) {
		return email != null && email.length() <= MAX_LENGTH && email.matches(PATTERN);
	}

}
