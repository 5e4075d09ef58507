package io.cartwright.auth.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, and at most
 * {@value #MAX_BYTES} bytes in UTF-8 — bcrypt ignores whatever follows, so a longer
 * password would be silently cut.
 */
public final class PasswordPolicy {

	/** The fewest characters. */
	public static final int MIN_LENGTH = 12;

	/** The most UTF-8 bytes (bcrypt's limit). */
	public static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/**
	 * What is wrong with a password.
	 * @param password the password
	 * @return messages for a person, empty when it is acceptable
	 */
	public static List<String> violations(String password) {
		List<String> violations = new ArrayList<>();
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			violations.add("must be at least " + MIN_LENGTH + " characters long");
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			violations.add("must be at most " + MAX_BYTES + " bytes long in UTF-8");
		}
		return violations;
	}

}
