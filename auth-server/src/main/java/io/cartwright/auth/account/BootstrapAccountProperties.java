package io.cartwright.auth.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The accounts made at start when their email has none yet: the first staff member
 * ({@code cartwright.auth.staff.*}), and on a developer machine a demo customer
 * ({@code cartwright.auth.demo.*}, set in the {@code local} profile only).
 *
 * @param staff the first staff account
 * @param demo the demo customer
 */
@ConfigurationProperties("cartwright.auth")
public record BootstrapAccountProperties(@DefaultValue Credentials staff, @DefaultValue Credentials demo) {

	/**
	 * An email and a password; no account is made without a password.
	 *
	 * @param email the email
	 * @param password the password, from the environment, never from git
	 */
	public record Credentials(String email, String password) {

		boolean hasPassword() {
			return this.password != null && !this.password.isBlank();
		}

	}

}
