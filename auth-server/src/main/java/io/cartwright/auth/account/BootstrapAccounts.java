package io.cartwright.auth.account;

import java.util.List;

import io.cartwright.auth.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, makes the first staff account from {@code AUTH_STAFF_EMAIL} and
 * {@code AUTH_STAFF_PASSWORD}, and (in the {@code local} profile) the demo customer from
 * {@code AUTH_DEMO_PASSWORD}, each only when its email has no account yet. A password
 * that breaks the {@link PasswordPolicy} stops the start: better noticed than weak.
 */
@Component
@Order(30)
class BootstrapAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAccounts.class);

	private final BootstrapAccountProperties properties;

	private final Accounts accounts;

	private final SignUp signUp;

	BootstrapAccounts(BootstrapAccountProperties properties, Accounts accounts, SignUp signUp) {
		this.properties = properties;
		this.accounts = accounts;
		this.signUp = signUp;
	}

	@Override
	public void run(ApplicationArguments args) {
		BootstrapAccountProperties.Credentials staff = this.properties.staff();
		String staffEmail = EmailAddress.normalize(staff.email());
		if (staff.hasPassword()) {
			create("AUTH_STAFF_PASSWORD", staffEmail, staff.password(), "Staff", Role.STAFF);
		}
		else if (staffEmail == null || this.accounts.findByEmail(staffEmail).isEmpty()) {
			log.warn("No staff account: AUTH_STAFF_PASSWORD is not set. To make the first one, start auth-server with "
					+ "AUTH_STAFF_EMAIL (default staff@cartwright.local) and AUTH_STAFF_PASSWORD "
					+ "(at least {} characters) set.", PasswordPolicy.MIN_LENGTH);
		}
		BootstrapAccountProperties.Credentials demo = this.properties.demo();
		if (demo.hasPassword() && demo.email() != null) {
			create("AUTH_DEMO_PASSWORD", EmailAddress.normalize(demo.email()), demo.password(), "Demo Customer",
					Role.CUSTOMER);
		}
	}

	private void create(String variable, String email, String password, String name, Role role) {
		if (!EmailAddress.isValid(email)) {
			throw new IllegalStateException(
					"Cannot make the " + role + " account: '" + email + "' is not an email address");
		}
		List<String> violations = PasswordPolicy.violations(password);
		if (!violations.isEmpty()) {
			throw new IllegalStateException(
					"Cannot make the " + role + " account " + email + ": " + variable + " " + violations.get(0));
		}
		if (this.accounts.findByEmail(email).isPresent()) {
			return;
		}
		try {
			Account account = this.signUp.register(email, password, name, role);
			log.info("Made the {} account {} ({})", role, email, account.id());
		}
		catch (ConflictException madeByAnotherInstance) {
			log.debug("The {} account {} was made by another instance", role, email);
		}
	}

}
