package io.cartwright.auth.account;

/**
 * An account as the API shows it: never its password hash.
 *
 * @param id the account id, the subject of its tokens
 * @param email the normalized email
 * @param name the name
 */
record AccountView(String id, String email, String name) {

	static AccountView of(Account account) {
		return new AccountView(account.id(), account.email(), account.name());
	}

}
