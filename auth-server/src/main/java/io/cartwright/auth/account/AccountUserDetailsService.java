package io.cartwright.auth.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sign-in looks accounts up by email; the user it returns is named by the account id, so
 * that the id becomes the subject of every token and the principal of every stored
 * authorization (an email may change, the id does not).
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final Accounts accounts;

	AccountUserDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return this.accounts.findByEmail(EmailAddress.normalize(email))
			.map((account) -> User.withUsername(account.id())
				.password(account.passwordHash())
				.roles(account.role().name())
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No account with this email"));
	}

}
