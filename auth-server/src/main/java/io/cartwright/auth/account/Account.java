package io.cartwright.auth.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer or staff member. The id is the subject of their tokens; the email, already
 * normalized ({@link EmailAddress}), is what they sign in with.
 *
 * @param id the account id, a UUID
 * @param email the normalized email
 * @param name the name to greet them with
 * @param passwordHash the password as the delegating password encoder stored it
 * @param role what the account may do
 * @param createdAt when the account was made
 */
public record Account(String id, String email, String name, String passwordHash, Role role, Instant createdAt) {

	/**
	 * A new account with a fresh id.
	 * @param email the normalized email
	 * @param name the name
	 * @param passwordHash the encoded password
	 * @param role the role
	 * @param now the time of creation
	 * @return the account, not stored yet
	 */
	static Account create(String email, String name, String passwordHash, Role role, Instant now) {
		return new Account(UUID.randomUUID().toString(), email, name, passwordHash, role, now);
	}

}
