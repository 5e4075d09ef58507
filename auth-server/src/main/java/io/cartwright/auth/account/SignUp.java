package io.cartwright.auth.account;

import java.time.Clock;

import io.cartwright.auth.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Makes accounts: customers signing up, and the staff and demo accounts made at start.
 * The password is hashed before anything is stored, outside any transaction (bcrypt takes
 * a while on purpose).
 */
@Service
public class SignUp {

	private static final Logger log = LoggerFactory.getLogger(SignUp.class);

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final Clock clock;

	SignUp(Accounts accounts, PasswordEncoder passwords, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Makes an account.
	 * @param email the normalized, valid email
	 * @param password a password that follows the {@link PasswordPolicy}
	 * @param name the name
	 * @param role the role
	 * @return the stored account
	 * @throws ConflictException ({@code email-taken}) if the email has an account
	 */
	public Account register(String email, String password, String name, Role role) {
		if (this.accounts.findByEmail(email).isPresent()) {
			throw emailTaken();
		}
		Account account = Account.create(email, name, this.passwords.encode(password), role, this.clock.instant());
		try {
			this.accounts.insert(account);
		}
		catch (DuplicateKeyException raced) {
			throw emailTaken();
		}
		log.info("Account {} created with role {}", account.id(), role);
		return account;
	}

	private static ConflictException emailTaken() {
		return new ConflictException("email-taken", "An account with this email exists already.");
	}

}
